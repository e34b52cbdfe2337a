// POST /api/v1/systems/{id}/classification/decisions – accept or override the system's latest proposal
import { decideClassification } from "@/lib/classification/decide-classification";
import { classificationDecisionSchema, decideClassificationSchema } from "@/lib/classification/schemas";
import { systemIdSchema } from "@/lib/systems/schemas";
import { parseInput } from "@/lib/validation/parse-input";
import { jsonResponse, readJsonBody, withApiHandler } from "@/lib/web/http/with-api-handler";
import { API_OPERATIONS } from "@/lib/openapi/api-operations";

export const POST = withApiHandler(API_OPERATIONS.decideClassification, async ({ req, ctx, params }) => {
  const { id } = parseInput(systemIdSchema, params);
  const decision = parseInput(decideClassificationSchema, await readJsonBody(req));
  const { tier } = await decideClassification({ ctx, input: { systemId: id, decision } });
  return jsonResponse(classificationDecisionSchema.parse({ assessmentId: decision.assessmentId, decision: decision.decision, tier }));
});
