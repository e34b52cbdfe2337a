// POST /api/v1/risks/{riskId}/accept – accept a risk with a named approver and a reason
import { acceptRisk } from "@/lib/risks/accept-risk";
import { riskDetailSchema, riskIdSchema } from "@/lib/risks/schemas";
import { parseInput } from "@/lib/validation/parse-input";
import { jsonResponse, readJsonObject, versionEtag, withApiHandler, withIfMatchVersion } from "@/lib/web/http/with-api-handler";
import { API_OPERATIONS } from "@/lib/openapi/api-operations";

export const POST = withApiHandler(API_OPERATIONS.acceptRisk, async ({ req, ctx, params }) => {
  const { riskId } = parseInput(riskIdSchema, params);
  const body = withIfMatchVersion(req, await readJsonObject(req));
  // acceptRisk validates the body with acceptRiskSchema (422 with field paths)
  const risk = await acceptRisk({ ctx, input: { ...body, id: riskId } });
  return jsonResponse(riskDetailSchema.parse(risk), { headers: { etag: versionEtag(risk.version) } });
});
