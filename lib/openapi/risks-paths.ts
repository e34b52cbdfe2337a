import { z } from "zod";
import { strictQuerySchema } from "@/lib/web/http/with-api-handler";
import {
  acceptRiskSchema,
  createRiskSchema,
  listRisksSchema,
  riskDetailSchema,
  riskIdSchema,
  riskListSchema,
  riskMatrixResponseSchema,
  updateRiskSchema,
} from "@/lib/risks/schemas";
import {
  BODY_PROBLEMS,
  READ_PROBLEMS,
  TARGET,
  headerRef,
  idParameter,
  jsonContent,
  ok,
  problemRefs,
  strip,
  type Json,
  type JsonSchema,
  type OpenApiModule,
} from "./openapi-helpers";

// The risk register's part of the OpenAPI document (merged by lib/openapi/build-openapi-document.ts).

const TAG = "Risks";

const RISK_QUERY_DESCRIPTIONS: Record<Exclude<keyof typeof listRisksSchema.shape, "systemId">, string> = {
  q: "Case-insensitive search in title and description",
  category: "Only risks of this category",
  status: "Only risks with this status",
  basis:
    "Which rating `level`, `likelihood`, `impact` and `sort=score` use: inherent (default) or residual (residual: only risks with an assessed residual rating match those filters)",
  level: "Only risks whose score (likelihood × impact of the basis) falls in this level of the organisation's risk matrix (GET /risk-matrix lists the keys)",
  likelihood: "Only risks with this likelihood (of the basis); with `impact`, one heatmap cell",
  impact: "Only risks with this impact (of the basis)",
  ownerId: "Only risks owned by this user id",
  techniqueId: "Only risks that reference this MITRE ATLAS technique, e.g. AML.T0051",
  sort: "Sort field; `score` uses the basis; ties are broken by id so pages are stable",
  dir: "Sort direction (default desc)",
  page: "1-based page number",
  pageSize: "Items per page (at most 100)",
};

function riskQueryParameters({ withSystem = false } = {}): Json[] {
  const shape = strictQuerySchema(withSystem ? listRisksSchema : listRisksSchema.omit({ systemId: true })).shape;
  return (Object.keys(shape) as (keyof typeof shape)[]).map((name) => ({
    name,
    in: "query",
    required: !shape[name].safeParse(undefined).success,
    description: RISK_QUERY_DESCRIPTIONS[name],
    schema: strip(z.toJSONSchema(shape[name], { target: TARGET, io: "input" }) as JsonSchema),
  }));
}

const riskIdParameter = {
  name: "riskId",
  in: "path",
  required: true,
  description: "The risk's id",
  schema: strip(z.toJSONSchema(riskIdSchema.shape.riskId, { target: TARGET, io: "input" }) as JsonSchema),
};

const ifMatchParameter = {
  name: "If-Match",
  in: "header",
  required: false,
  description: "The version the change is based on, as an entity tag",
  schema: { type: "string", pattern: '^"?[1-9][0-9]*"?$' },
};

const etagHeader = { ETag: headerRef("ETag") };
const scoring =
  "Each risk carries `inherent` and `residual` (null until assessed) as `{ likelihood, impact, score, level }`, scored with the organisation's risk matrix.";

export const RISKS_OPENAPI_MODULE: OpenApiModule = {
  tags: [{ name: TAG, description: "The risk register: risks of AI systems scored on the organisation's 5×5 risk matrix" }],
  inputSchemas: { CreateRisk: createRiskSchema, UpdateRisk: updateRiskSchema, AcceptRisk: acceptRiskSchema },
  outputSchemas: { RiskDetail: riskDetailSchema, RiskList: riskListSchema, RiskMatrix: riskMatrixResponseSchema },
  paths: {
    "/risks": {
      get: {
        operationId: "listRisks",
        tags: [TAG],
        summary: "List the organisation's risks",
        description: `The risk register across all AI systems of the organisation, filtered, sorted and paginated like GET /systems/{id}/risks (plus \`systemId\`). Unknown or invalid query parameters are a 422. ${scoring}`,
        parameters: riskQueryParameters({ withSystem: true }),
        responses: { "200": ok("A page of risks", "RiskList"), ...problemRefs(...READ_PROBLEMS) },
      },
    },
    "/systems/{id}/risks": {
      parameters: [idParameter],
      get: {
        operationId: "listSystemRisks",
        tags: [TAG],
        summary: "List an AI system's risks",
        description: `Filtered, sorted, paginated risks of one AI system. Unknown or invalid query parameters are a 422 (also a level key the matrix does not have). ${scoring}`,
        parameters: riskQueryParameters(),
        responses: { "200": ok("A page of risks", "RiskList"), ...problemRefs("404", ...READ_PROBLEMS) },
      },
      post: {
        operationId: "createRisk",
        tags: [TAG],
        summary: "Add a risk to an AI system",
        description:
          "Technique ids must be MITRE ATLAS techniques, OWASP ids LLM Top 10 2025 or Agentic Top 10 2026 ids, " +
          "controls items of the named framework; each unknown id is reported with its path (e.g. `techniqueIds.1`). " +
          "Status `accepted` and treatment `accept` are refused here: use POST /risks/{riskId}/accept. 409 on an archived system.",
        requestBody: { required: true, content: jsonContent("CreateRisk") },
        responses: {
          "201": ok("Created; Location points at the new risk", "RiskDetail", { ...etagHeader, Location: headerRef("Location") }),
          ...problemRefs(...BODY_PROBLEMS, "404", "409", ...READ_PROBLEMS),
        },
      },
    },
    "/risks/{riskId}": {
      parameters: [riskIdParameter],
      get: {
        operationId: "getRisk",
        tags: [TAG],
        summary: "Get a risk",
        description: `The ETag header carries the version. ${scoring}`,
        responses: { "200": ok("The risk", "RiskDetail", etagHeader), ...problemRefs("404", ...READ_PROBLEMS) },
      },
      patch: {
        operationId: "updateRisk",
        tags: [TAG],
        summary: "Edit a risk",
        description:
          "Partial update; `controls`, when sent, replaces the linked controls. `version` must be the version the edit " +
          'is based on (or `If-Match: "<version>"`); a stale version is a 409 and nothing is written. Setting status `accepted` or treatment ' +
          "`accept` is a 422 (use POST /risks/{riskId}/accept); changing the treatment of an accepted risk withdraws the acceptance and needs a new status.",
        parameters: [ifMatchParameter],
        requestBody: { required: true, content: jsonContent("UpdateRisk") },
        responses: { "200": ok("The updated risk", "RiskDetail", etagHeader), ...problemRefs(...BODY_PROBLEMS, "404", "409", ...READ_PROBLEMS) },
      },
      delete: {
        operationId: "deleteRisk",
        tags: [TAG],
        summary: "Delete a risk",
        description: "The audit trail keeps every field of the deleted risk.",
        responses: { "204": { description: "Deleted", headers: { "x-request-id": headerRef("XRequestId") } }, ...problemRefs("404", ...READ_PROBLEMS) },
      },
    },
    "/risks/{riskId}/accept": {
      parameters: [riskIdParameter],
      post: {
        operationId: "acceptRisk",
        tags: [TAG],
        summary: "Accept a risk",
        description:
          "Sets treatment `accept` and status `accepted`, recording the approver and the reason. The approver " +
          "(`approverId`) must be a member whose role may approve risk acceptance (admin, compliance officer, executive), else 422 at " +
          "`approverId`; the reason needs at least 10 characters. 409 if the risk is already accepted or the version is stale.",
        parameters: [ifMatchParameter],
        requestBody: { required: true, content: jsonContent("AcceptRisk") },
        responses: { "200": ok("The accepted risk", "RiskDetail", etagHeader), ...problemRefs(...BODY_PROBLEMS, "404", "409", ...READ_PROBLEMS) },
      },
    },
    "/risk-matrix": {
      get: {
        operationId: "getRiskMatrix",
        tags: [TAG],
        summary: "The organisation's risk matrix",
        description: "Axis labels, the levels (score bands from `minScore`, with colours) and all 25 cells scored. Version 0 is the default matrix.",
        responses: { "200": ok("The risk matrix", "RiskMatrix", etagHeader), ...problemRefs("401", "403", "500") },
      },
    },
  },
};
