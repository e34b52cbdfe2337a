// POST /api/v1/systems/{id}/classification/proposals – propose an EU AI Act tier from questionnaire answers
import { proposeClassification } from "@/lib/classification/propose-classification";
import { classificationProposalSchema, proposeClassificationBodySchema } from "@/lib/classification/schemas";
import { CLASSIFICATION_RULES_VERSION } from "@/lib/classification/rules/rules-version";
import { systemIdSchema } from "@/lib/systems/schemas";
import { parseInput } from "@/lib/validation/parse-input";
import { jsonResponse, readJsonBody, withApiHandler } from "@/lib/web/http/with-api-handler";
import { API_OPERATIONS } from "@/lib/openapi/api-operations";

export const POST = withApiHandler(API_OPERATIONS.proposeClassification, async ({ req, ctx, params }) => {
  const { id } = parseInput(systemIdSchema, params);
  const body = parseInput(proposeClassificationBodySchema, await readJsonBody(req));
  const { id: assessmentId, proposal } = await proposeClassification({ ctx, input: { systemId: id, answers: body.answers, requireConclusion: true } });
  return jsonResponse(classificationProposalSchema.parse({ assessmentId, ...proposal, rulesVersion: CLASSIFICATION_RULES_VERSION.id }), { status: 201 });
});
