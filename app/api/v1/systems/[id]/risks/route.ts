// GET /api/v1/systems/{id}/risks – the AI system's risks; POST – add a risk to its register
import { createRisk } from "@/lib/risks/create-risk";
import { listRisks } from "@/lib/risks/list-risks";
import { listRisksSchema, riskDetailSchema, riskListSchema } from "@/lib/risks/schemas";
import { systemIdSchema } from "@/lib/systems/schemas";
import { parseInput } from "@/lib/validation/parse-input";
import { jsonResponse, readJsonObject, readQuery, strictQuerySchema, versionEtag, withApiHandler } from "@/lib/web/http/with-api-handler";
import { API_OPERATIONS } from "@/lib/openapi/api-operations";

// The register page's filters (the system comes from the path), but an invalid value is a 422 here.
const listQuerySchema = strictQuerySchema(listRisksSchema.omit({ systemId: true }));

export const GET = withApiHandler(API_OPERATIONS.listSystemRisks, async ({ req, ctx, params }) => {
  const { id } = parseInput(systemIdSchema, params);
  const query = readQuery(req, listQuerySchema);
  return jsonResponse(riskListSchema.parse(await listRisks({ ctx, input: { ...query, systemId: id } })));
});

export const POST = withApiHandler(API_OPERATIONS.createRisk, async ({ req, ctx, params }) => {
  const { id } = parseInput(systemIdSchema, params);
  // createRisk validates the body with createRiskSchema (422 with field paths)
  const risk = await createRisk({ ctx, input: { systemId: id, risk: await readJsonObject(req) } });
  return jsonResponse(riskDetailSchema.parse(risk), {
    status: 201,
    headers: { location: `/api/v1/risks/${encodeURIComponent(risk.id)}`, etag: versionEtag(risk.version) },
  });
});
