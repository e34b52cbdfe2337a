// POST /api/v1/risks/{riskId}/accept – accept a risk with a named approver and a reason
import { acceptRisk } from "@/lib/risks/accept-risk";
import { riskDetailSchema, riskIdSchema, type AcceptRiskInput } from "@/lib/risks/schemas";
import { parseInput } from "@/lib/validation/parse-input";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/auth/permissions";
import { jsonResponse, readJsonBody, versionEtag, withApiHandler } from "@/lib/web/http/with-api-handler";
import { withIfMatchVersion } from "../../if-match";

export const POST = withApiHandler(async ({ req, ctx, params }) => {
  const { riskId } = parseInput(riskIdSchema, params);
  assertCan(ctx, "risk:write");
  const body = withIfMatchVersion(req, await readJsonBody(req));
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new AppError("VALIDATION", "Send a JSON object with approverId, reason and version.", [{ path: "(body)", message: "Expected an object" }]);
  }
  const input = body as AcceptRiskInput;
  // acceptRisk validates the body with acceptRiskSchema (422 with field paths)
  const risk = await acceptRisk({ ctx, input: { ...input, id: riskId } });
  return jsonResponse(riskDetailSchema.parse(risk), { headers: { etag: versionEtag(risk.version) } });
});
