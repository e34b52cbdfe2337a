import { createSystemSchema, systemDetailSchema, systemListSchema, systemSummarySchema, updateSystemSchema } from "@/lib/systems/schemas";
import { problemSchema } from "@/lib/web/http/problem";
import {
  BODY_PROBLEMS,
  PROBLEM_RESPONSES,
  READ_PROBLEMS,
  componentsOf,
  headerRef,
  idParameter,
  jsonContent,
  listQueryParameters,
  ok,
  problemRefs,
  type Json,
} from "./openapi-helpers";
import { OPENAPI_MODULES } from "./modules";
import { statePermissions } from "./operation-permissions";

// The OpenAPI 3.1 document of REST API v1, generated from the same zod schemas the route handlers
// validate and serialise with, so the contract cannot drift from the implementation.

let cached: Json | undefined;

export function buildOpenApiDocument(): Json {
  if (cached) return cached;
  const schemas = {
    ...componentsOf({ CreateSystem: createSystemSchema, UpdateSystem: updateSystemSchema }, "input"),
    ...componentsOf({ SystemSummary: systemSummarySchema, SystemList: systemListSchema, SystemDetail: systemDetailSchema, Problem: problemSchema }, "output"),
    ...Object.assign({}, ...OPENAPI_MODULES.flatMap((m) => [componentsOf(m.inputSchemas, "input"), componentsOf(m.outputSchemas, "output")])),
  };
  const etagHeader = { ETag: headerRef("ETag") };
  const detail = (description: string) => ok(description, "SystemDetail", etagHeader);

  cached = {
    openapi: "3.1.0",
    info: {
      title: "AI Governance Dashboard API",
      version: "1.0.0",
      summary: "Inventory of AI systems for EU AI Act governance",
      description:
        "Organisation-scoped REST API. Authenticate with an organisation API token (Settings → API tokens) sent as " +
        "`Authorization: Bearer <token>`. Errors are RFC 9457 `application/problem+json`. Edits use optimistic " +
        'concurrency: send the `version` you read (in the body or as `If-Match: "<version>"`); a stale version is a 409.',
      license: { name: "Apache 2.0", identifier: "Apache-2.0" },
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearerAuth: [] }],
    tags: [{ name: "AI systems", description: "The AI-system inventory" }, ...OPENAPI_MODULES.flatMap((m) => m.tags), { name: "Meta" }],
    paths: statePermissions({
      ...Object.assign({}, ...OPENAPI_MODULES.map((m) => m.paths)),
      "/systems": {
        get: {
          operationId: "listSystems",
          tags: ["AI systems"],
          summary: "List AI systems",
          description: "Filtered, sorted, paginated inventory of the token's organisation. Unknown or invalid query parameters are a 422.",
          parameters: listQueryParameters(),
          responses: { "200": ok("A page of AI systems", "SystemList"), ...problemRefs(...READ_PROBLEMS) },
        },
        post: {
          operationId: "createSystem",
          tags: ["AI systems"],
          summary: "Create an AI system",
          description: "Omitted fields take their defaults.",
          requestBody: { required: true, content: jsonContent("CreateSystem") },
          responses: {
            "201": ok("Created; Location points at the new system", "SystemDetail", { ...etagHeader, Location: headerRef("Location") }),
            ...problemRefs(...BODY_PROBLEMS, ...READ_PROBLEMS),
          },
        },
      },
      "/systems/{id}": {
        parameters: [idParameter],
        get: {
          operationId: "getSystem",
          tags: ["AI systems"],
          summary: "Get an AI system",
          description: "The ETag header carries the version.",
          responses: { "200": detail("The AI system"), ...problemRefs("404", ...READ_PROBLEMS) },
        },
        patch: {
          operationId: "updateSystem",
          tags: ["AI systems"],
          summary: "Edit an AI system",
          description:
            "Partial update: only the fields sent change. `version` must be the version the edit is " +
            'based on; it may instead be sent as `If-Match: "<version>"` (if both are sent they must agree). A stale version is ' +
            "refused with 409 and nothing is written. Archived systems must be restored before editing (409). The risk tier and its " +
            "basis are not editable here (an edit naming them is a 422): they change only through classification.",
          parameters: [
            {
              name: "If-Match",
              in: "header",
              required: false,
              description: "The version the edit is based on, as an entity tag",
              schema: { type: "string", pattern: '^"?[1-9][0-9]*"?$' },
            },
          ],
          requestBody: { required: true, content: jsonContent("UpdateSystem") },
          responses: { "200": detail("The updated AI system"), ...problemRefs(...BODY_PROBLEMS, "404", "409", ...READ_PROBLEMS) },
        },
        delete: {
          operationId: "archiveSystem",
          tags: ["AI systems"],
          summary: "Archive an AI system",
          description: "Archives (never deletes) the system; it disappears from the default list (status=active). 409 if already archived.",
          responses: { "200": detail("The archived AI system"), ...problemRefs("404", "409", ...READ_PROBLEMS) },
        },
      },
      "/systems/{id}/restore": {
        parameters: [idParameter],
        post: {
          operationId: "restoreSystem",
          tags: ["AI systems"],
          summary: "Restore an archived AI system",
          description: "409 if the system is not archived.",
          responses: { "200": detail("The restored AI system"), ...problemRefs("404", "409", ...READ_PROBLEMS) },
        },
      },
      "/openapi.json": {
        get: {
          operationId: "getOpenApiDocument",
          tags: ["Meta"],
          summary: "This OpenAPI document",
          security: [],
          responses: { "200": { description: "OpenAPI 3.1 document", content: { "application/json": { schema: { type: "object" } } } } },
        },
      },
    }),
    components: {
      schemas,
      responses: Object.fromEntries(Object.values(PROBLEM_RESPONSES).map(([name, response]) => [name, response])),
      headers: {
        XRequestId: { description: "Id of this request, also in problem bodies as requestId", schema: { type: "string", format: "uuid" } },
        ETag: { description: 'The system\'s version as a strong entity tag, e.g. "3"; send it back as If-Match', schema: { type: "string" } },
        Location: { description: "Path of the created AI system", schema: { type: "string" } },
        WWWAuthenticate: { description: "Bearer challenge (RFC 6750)", schema: { type: "string" } },
      },
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          description: "Organisation API token (`aigov_…`), created by an admin under Settings → API tokens; scopes `read` and/or `write`",
        },
      },
    },
  };
  return cached;
}
