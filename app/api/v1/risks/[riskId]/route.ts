// GET/PATCH/DELETE /api/v1/risks/{riskId} – read, edit (optimistic concurrency) and delete one risk
import { getRisk } from "@/lib/risks/get-risk";
import { updateRisk } from "@/lib/risks/update-risk";
import { deleteRisk } from "@/lib/risks/delete-risk";
import { riskDetailSchema, riskIdSchema, type RiskDetail, type UpdateRiskInput } from "@/lib/risks/schemas";
import { parseInput } from "@/lib/validation/parse-input";
import { assertCan } from "@/lib/auth/permissions";
import { jsonResponse, readJsonBody, versionEtag, withApiHandler } from "@/lib/web/http/with-api-handler";
import { withIfMatchVersion } from "../if-match";

function detailResponse(risk: RiskDetail): Response {
  return jsonResponse(riskDetailSchema.parse(risk), { headers: { etag: versionEtag(risk.version) } });
}

export const GET = withApiHandler(async ({ ctx, params }) => {
  const { riskId } = parseInput(riskIdSchema, params);
  return detailResponse(await getRisk({ ctx, input: { id: riskId } }));
});

export const PATCH = withApiHandler(async ({ req, ctx, params }) => {
  const { riskId } = parseInput(riskIdSchema, params);
  assertCan(ctx, "risk:write");
  const patch = withIfMatchVersion(req, await readJsonBody(req));
  // updateRisk validates the patch with updateRiskSchema (422 with field paths)
  return detailResponse(await updateRisk({ ctx, input: { id: riskId, patch: patch as UpdateRiskInput } }));
});

export const DELETE = withApiHandler(async ({ ctx, params }) => {
  const { riskId } = parseInput(riskIdSchema, params);
  await deleteRisk({ ctx, input: { id: riskId } });
  return new Response(null, { status: 204 });
});
