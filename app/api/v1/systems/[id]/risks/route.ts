// GET /api/v1/systems/{id}/risks – the AI system's risks; POST – add a risk to its register
import { createRisk } from "@/lib/risks/create-risk";
import { listRisks } from "@/lib/risks/list-risks";
import { listRisksSchema, riskDetailSchema, riskListSchema, type CreateRiskInput } from "@/lib/risks/schemas";
import { systemIdSchema } from "@/lib/systems/schemas";
import { parseInput } from "@/lib/validation/parse-input";
import { assertCan } from "@/lib/auth/permissions";
import { jsonResponse, readJsonBody, readQuery, strictQuerySchema, versionEtag, withApiHandler } from "@/lib/web/http/with-api-handler";

// The register page's filters (the system comes from the path), but an invalid value is a 422 here.
const listQuerySchema = strictQuerySchema(listRisksSchema.omit({ systemId: true }));

export const GET = withApiHandler(async ({ req, ctx, params }) => {
  const { id } = parseInput(systemIdSchema, params);
  const query = readQuery(req, listQuerySchema);
  return jsonResponse(riskListSchema.parse(await listRisks({ ctx, input: { ...query, systemId: id } })));
});

export const POST = withApiHandler(async ({ req, ctx, params }) => {
  const { id } = parseInput(systemIdSchema, params);
  assertCan(ctx, "risk:write"); // a read-only token gets 403 before its body is looked at
  // createRisk validates the body with createRiskSchema (422 with field paths)
  const risk = await createRisk({ ctx, input: { systemId: id, risk: (await readJsonBody(req)) as CreateRiskInput } });
  return jsonResponse(riskDetailSchema.parse(risk), {
    status: 201,
    headers: { location: `/api/v1/risks/${encodeURIComponent(risk.id)}`, etag: versionEtag(risk.version) },
  });
});
