import {
  classificationProposalSchema,
  classificationDecisionSchema,
  decideClassificationSchema,
  proposeClassificationBodySchema,
} from "@/lib/classification/schemas";
import { CLASSIFICATION_RULES_VERSION } from "@/lib/classification/rules/rules-version";
import { BODY_PROBLEMS, READ_PROBLEMS, idParameter, jsonContent, ok, problemRefs, type OpenApiModule } from "./openapi-helpers";

// The EU AI Act classification's part of the OpenAPI document (merged by lib/openapi/build-openapi-document.ts).

const TAG = "EU AI Act classification";

export const CLASSIFICATION_OPENAPI_MODULE: OpenApiModule = {
  tags: [
    {
      name: TAG,
      description: `The guided EU AI Act classification: propose a tier from the questionnaire's answers, then accept or override it. Rules: ${CLASSIFICATION_RULES_VERSION.text}.`,
    },
  ],
  inputSchemas: { ProposeClassification: proposeClassificationBodySchema, DecideClassification: decideClassificationSchema },
  outputSchemas: { ClassificationProposal: classificationProposalSchema, ClassificationDecision: classificationDecisionSchema },
  paths: {
    "/systems/{id}/classification/proposals": {
      parameters: [idParameter],
      post: {
        operationId: "proposeClassification",
        tags: [TAG],
        summary: "Propose an EU AI Act tier from questionnaire answers",
        description:
          "Scope first (Art 2, Art 3(1)), then prohibited practices, high risk, general-purpose AI models and transparency. A blank follow-up question counts as its " +
          "stricter answer (listed in `assumed`). A blank main question that could make the outcome stricter means nothing can be concluded: 422 with one " +
          "`errors[]` entry per such question (`answers.<question id>`), and nothing is stored. Otherwise the proposal is stored (the system's tier does not change until " +
          "it is decided) and returned. 409 on an archived system.",
        requestBody: { required: true, content: jsonContent("ProposeClassification") },
        responses: {
          "201": ok("The stored proposal", "ClassificationProposal"),
          ...problemRefs(...BODY_PROBLEMS, "404", "409", ...READ_PROBLEMS),
        },
      },
    },
    "/systems/{id}/classification/decisions": {
      parameters: [idParameter],
      post: {
        operationId: "decideClassification",
        tags: [TAG],
        summary: "Accept or override the latest proposal",
        description:
          "`accepted` gives the system the proposed tier, with the proposal's provisions as its legal basis and its summary as the rationale; `overridden` " +
          "sets another tier with a reason (at least 10 characters). 409 when `assessmentId` is not the system's latest proposal, it was decided already, or the system is archived.",
        requestBody: { required: true, content: jsonContent("DecideClassification") },
        responses: {
          "200": ok("The decision and the system's tier", "ClassificationDecision"),
          ...problemRefs(...BODY_PROBLEMS, "404", "409", ...READ_PROBLEMS),
        },
      },
    },
  },
};
