import { z } from "zod";
import {
  compliancePostureSchema,
  controlFrameworkSchema,
  controlIdSchema,
  evidenceSummarySchema,
  systemControlListSchema,
  systemControlSchema,
  updateSystemControlBodySchema,
} from "@/lib/controls/schemas";
import { createEvidenceApiSchema, evidenceLinkBodySchema, MAX_EVIDENCE_FILE_LABEL } from "@/lib/evidence/schemas";
import {
  BODY_PROBLEMS,
  READ_PROBLEMS,
  TARGET,
  headerRef,
  idParameter,
  jsonContent,
  ok,
  problem,
  problemRefs,
  strip,
  type JsonSchema,
  type OpenApiModule,
} from "./openapi-helpers";

// The controls and evidence part of the OpenAPI document (merged by lib/openapi/build-openapi-document.ts).

const TAG = "Controls";
const EVIDENCE_TAG = "Evidence";

const schemaOf = (schema: z.ZodType) => strip(z.toJSONSchema(schema, { target: TARGET, io: "input" }) as JsonSchema);

const frameworkParameter = {
  name: "framework",
  in: "path",
  required: true,
  description: "Control framework: iso42001 (ISO/IEC 42001 Annex A), eu_ai_act (EU AI Act articles), nist_ai_rmf (NIST AI RMF subcategories)",
  schema: schemaOf(controlFrameworkSchema),
};
const controlIdParameter = {
  name: "controlId",
  in: "path",
  required: true,
  description: "The control's id in its framework, URL-encoded: A.6.2.8, Art%2012, GOVERN%201.1",
  schema: schemaOf(controlIdSchema),
};
const evidenceIdParameter = {
  name: "evidenceId",
  in: "path",
  required: true,
  description: "The evidence's id",
  schema: schemaOf(z.string().min(1).max(64)),
};
const frameworkQueryParameter = {
  name: "framework",
  in: "query",
  required: false,
  description: "Only the controls of this framework",
  schema: schemaOf(controlFrameworkSchema),
};
const ifMatchParameter = {
  name: "If-Match",
  in: "header",
  required: false,
  description: "The control's version the change is based on, as an entity tag",
  schema: { type: "string", pattern: '^"?[1-9][0-9]*"?$' },
};

const applicability =
  "Which controls apply follows from the system's risk tier, EU AI Act role and lifecycle stage, refined by its latest decided classification " +
  "(Annex III points, Art 50/53/55 duties): e.g. a high-risk provider has Art 9-17, 43, 47-49, 72, 73; every system in scope has Art 4, all 38 ISO/IEC 42001 " +
  "Annex A controls and all 72 NIST AI RMF subcategories. Archived and retired systems have none. Each control carries the `reason` it applies.";
const reuse =
  "Evidence attached to one control is also listed on the controls the crosswalk links to it (equivalent/supports rows across ISO/IEC 42001, the EU AI Act and " +
  "the NIST AI RMF), with `via` naming the control it is attached to. Reuse never changes a status; `evidenced` reports it separately.";

export const CONTROLS_OPENAPI_MODULE: OpenApiModule = {
  tags: [
    { name: TAG, description: "Applicable controls of AI systems (ISO/IEC 42001, EU AI Act, NIST AI RMF), their status and the compliance posture" },
    { name: EVIDENCE_TAG, description: "Evidence (files and links) attached to controls" },
  ],
  inputSchemas: { UpdateSystemControl: updateSystemControlBodySchema, CreateEvidence: createEvidenceApiSchema, LinkEvidence: evidenceLinkBodySchema },
  outputSchemas: {
    SystemControl: systemControlSchema,
    SystemControlList: systemControlListSchema,
    CompliancePosture: compliancePostureSchema,
    EvidenceSummary: evidenceSummarySchema,
  },
  paths: {
    "/systems/{id}/controls": {
      parameters: [idParameter],
      get: {
        operationId: "listSystemControls",
        tags: [TAG],
        summary: "List an AI system's applicable controls",
        description: `${applicability} Controls never saved have status \`not_started\` and \`version\` null. ${reuse} Unknown query parameters are a 422.`,
        parameters: [frameworkQueryParameter],
        responses: {
          "200": ok("The applicable controls with reasons, statuses and evidence metadata", "SystemControlList"),
          ...problemRefs("404", ...READ_PROBLEMS),
        },
      },
    },
    "/systems/{id}/controls/{framework}/{controlId}": {
      parameters: [idParameter, frameworkParameter, controlIdParameter],
      patch: {
        operationId: "updateSystemControl",
        tags: [TAG],
        summary: "Set a control's status, justification, owner and review date",
        description:
          "Partial update: fields left out keep their value. Only applicable controls can be set (else 422 on `controlId`). " +
          "`not_applicable` needs a `justification` of at least 10 characters (422 on `justification`). The owner must be a member of the organisation. " +
          "Send the `version` you read (null for a control never saved), in the body or as `If-Match`; a stale version is refused with 409 and nothing is written. " +
          "Archived systems: 409.",
        parameters: [ifMatchParameter],
        requestBody: { required: true, content: jsonContent("UpdateSystemControl") },
        responses: {
          "200": ok("The control after the change", "SystemControl", { ETag: headerRef("ETag") }),
          ...problemRefs(...BODY_PROBLEMS, "404", "409", ...READ_PROBLEMS),
        },
      },
    },
    "/systems/{id}/controls/posture": {
      parameters: [idParameter],
      get: {
        operationId: "getSystemCompliancePosture",
        tags: [TAG],
        summary: "Compliance posture of an AI system",
        description:
          "Per framework and overall: applicable, implemented, in progress, not started, not applicable and evidenced " +
          "controls, and percent = implemented / (applicable − not applicable), null when nothing is left to implement.",
        responses: { "200": ok("The posture", "CompliancePosture"), ...problemRefs("404", ...READ_PROBLEMS) },
      },
    },
    "/posture": {
      get: {
        operationId: "getOrganizationCompliancePosture",
        tags: [TAG],
        summary: "Compliance posture of the organisation",
        description:
          "The same figures as GET /systems/{id}/controls/posture, summed over every active AI system of the organisation " +
          "(archived and retired systems have no applicable controls).",
        responses: { "200": ok("The posture", "CompliancePosture"), ...problemRefs(...READ_PROBLEMS) },
      },
    },
    "/evidence": {
      post: {
        operationId: "createEvidence",
        tags: [EVIDENCE_TAG],
        summary: "Add evidence to an AI system's controls",
        description:
          `A link (http or https URL) or a file sent as base64 (at most ${MAX_EVIDENCE_FILE_LABEL} decoded; stored with its SHA-256 and size), ` +
          "attached to one or more applicable controls of the system (each unknown or inapplicable control is a 422 naming `links.<n>.controlId`). " +
          reuse,
        requestBody: { required: true, content: jsonContent("CreateEvidence") },
        responses: {
          "201": ok("Created; Location points at the file's content", "EvidenceSummary", { Location: headerRef("Location") }),
          ...problemRefs(...BODY_PROBLEMS, "404", "409", ...READ_PROBLEMS),
        },
      },
    },
    "/evidence/{evidenceId}": {
      parameters: [evidenceIdParameter],
      delete: {
        operationId: "deleteEvidence",
        tags: [EVIDENCE_TAG],
        summary: "Delete evidence",
        description: "Deletes the evidence and its attachments to controls; statuses are left as they are. 409 on an archived system.",
        responses: { "204": { description: "Deleted", headers: { "x-request-id": headerRef("XRequestId") } }, ...problemRefs("404", "409", ...READ_PROBLEMS) },
      },
    },
    "/evidence/{evidenceId}/content": {
      parameters: [evidenceIdParameter],
      get: {
        operationId: "getEvidenceContent",
        tags: [EVIDENCE_TAG],
        summary: "Download an evidence file",
        description: "The stored bytes as an attachment; `Repr-Digest` carries the SHA-256. 404 for links and other organisations' evidence.",
        responses: {
          "200": {
            description: "The file",
            headers: { "x-request-id": headerRef("XRequestId") },
            content: { "application/octet-stream": { schema: { type: "string", contentMediaType: "application/octet-stream" } } },
          },
          ...problemRefs("404", ...READ_PROBLEMS),
        },
      },
    },
    "/evidence/{evidenceId}/links": {
      parameters: [evidenceIdParameter],
      post: {
        operationId: "linkEvidence",
        tags: [EVIDENCE_TAG],
        summary: "Attach evidence to another control",
        description: "The control must be an applicable control of the evidence's system (422); already attached is a 409.",
        requestBody: { required: true, content: jsonContent("LinkEvidence") },
        responses: { "201": ok("The evidence with its attachments", "EvidenceSummary"), ...problemRefs(...BODY_PROBLEMS, "404", "409", ...READ_PROBLEMS) },
      },
    },
  },
};

// The 413 of POST /evidence has its own, larger limit than the shared PayloadTooLarge response states.
(CONTROLS_OPENAPI_MODULE.paths["/evidence"].post as { responses: Record<string, unknown> }).responses["413"] = problem(
  `The body is larger than the evidence limit (${MAX_EVIDENCE_FILE_LABEL} file, base64-encoded, plus the JSON around it)`,
);
