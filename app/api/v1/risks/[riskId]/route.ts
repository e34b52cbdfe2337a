// GET/PATCH/DELETE /api/v1/risks/{riskId} – read, edit (optimistic concurrency) and delete one risk
import { getRisk } from "@/lib/risks/get-risk";
import { updateRisk } from "@/lib/risks/update-risk";
import { deleteRisk } from "@/lib/risks/delete-risk";
import { riskDetailSchema, riskIdSchema, type RiskDetail } from "@/lib/risks/schemas";
import { parseInput } from "@/lib/validation/parse-input";
import { jsonResponse, readJsonObject, versionEtag, withApiHandler, withIfMatchVersion } from "@/lib/web/http/with-api-handler";
import { API_OPERATIONS } from "@/lib/openapi/api-operations";

function detailResponse(risk: RiskDetail): Response {
  return jsonResponse(riskDetailSchema.parse(risk), { headers: { etag: versionEtag(risk.version) } });
}

export const GET = withApiHandler(API_OPERATIONS.getRisk, async ({ ctx, params }) => {
  const { riskId } = parseInput(riskIdSchema, params);
  return detailResponse(await getRisk({ ctx, input: { id: riskId } }));
});

export const PATCH = withApiHandler(API_OPERATIONS.updateRisk, async ({ req, ctx, params }) => {
  const { riskId } = parseInput(riskIdSchema, params);
  const patch = withIfMatchVersion(req, await readJsonObject(req));
  // updateRisk validates the patch with updateRiskSchema (422 with field paths)
  return detailResponse(await updateRisk({ ctx, input: { id: riskId, patch } }));
});

export const DELETE = withApiHandler(API_OPERATIONS.deleteRisk, async ({ ctx, params }) => {
  const { riskId } = parseInput(riskIdSchema, params);
  await deleteRisk({ ctx, input: { id: riskId } });
  return new Response(null, { status: 204 });
});
