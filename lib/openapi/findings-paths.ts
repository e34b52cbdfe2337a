import { z } from "zod";
import {
  IMPORT_FORMATS,
  atlasCoverageSchema,
  findingImportStatusSchema,
  findingListSchema,
  findingFiltersSchema,
  getFindingImportSchema,
  importFindingsSchema,
  importSummarySchema,
} from "@/lib/findings/schemas";
import { strictQuerySchema } from "@/lib/web/http/with-api-handler";
import { PROBLEM_CONTENT_TYPE, problemSchema } from "@/lib/web/http/problem";
import {
  READ_PROBLEMS,
  TARGET,
  headerRef,
  idParameter,
  ok,
  problem,
  problemRefs,
  schemaRef,
  strip,
  type Json,
  type JsonSchema,
  type OpenApiModule,
} from "./openapi-helpers";

// The findings part of the OpenAPI document (merged by lib/openapi/build-openapi-document.ts): scanner file
// imports on AI systems, their status, the findings list and a system's ATLAS coverage.

const TAG = "Findings";

const schemaOf = (schema: z.ZodType) => strip(z.toJSONSchema(schema, { target: TARGET, io: "input" }) as JsonSchema);

const FILTER_DESCRIPTIONS: Record<keyof typeof findingFiltersSchema.shape, string> = {
  systemId: "Only findings of this AI system",
  tool: "Only findings of this tool (garak, promptfoo, modelscan, or the SARIF/CSV tool name)",
  severity: "Only findings of this severity",
  status: "Only findings with this status (default: every status)",
  technique: "Only findings mapped to this ATLAS technique; a technique also matches its sub-techniques",
  owasp: "Only findings mapped to this OWASP LLM 2025 item",
  importId: "Only findings with a result in this import",
  page: "1-based page number",
  pageSize: "Items per page (at most 200)",
};

function findingQueryParameters(): Json[] {
  const shape = strictQuerySchema(findingFiltersSchema).shape;
  return (Object.keys(shape) as (keyof typeof shape)[]).map((name) => ({
    name,
    in: "query",
    required: !shape[name].safeParse(undefined).success,
    description: FILTER_DESCRIPTIONS[name],
    schema: schemaOf(shape[name]),
  }));
}

/** The problem body of a refused file: the standard members plus the import summary (nothing was stored). */
const findingImportProblemSchema = problemSchema
  .extend({
    summary: importSummarySchema.optional().describe("Present when the file was refused: its summary (status rejected, importId null, the rejected entries)"),
  })
  .meta({ description: "RFC 9457 problem details with the refused file's import summary" });

const importProblem = (description: string) => ({
  description,
  headers: { "x-request-id": headerRef("XRequestId") },
  content: { [PROBLEM_CONTENT_TYPE]: { schema: schemaRef("FindingImportProblem") } },
});

const importLocation = {
  Location: { description: "Path of the import's status: /api/v1/finding-imports/{importId}", schema: { type: "string" } },
};

const importIdParameter = {
  name: "importId",
  in: "path",
  required: true,
  description: "The import's id (`importId` of the summary)",
  schema: schemaOf(getFindingImportSchema.shape.importId),
};

const importQueryParameters: Json[] = [
  {
    name: "format",
    in: "query",
    required: false,
    description: `The file's format: ${IMPORT_FORMATS.join(", ")}; \`auto\` (the default) detects it from the first 64 KB`,
    schema: schemaOf(importFindingsSchema.shape.format),
  },
  {
    name: "fileName",
    in: "query",
    required: false,
    description: "The file's name, kept with the import for people to recognise it",
    schema: schemaOf(importFindingsSchema.shape.fileName),
  },
];

const importDescription =
  "The request body is the scanner's file as it is (a garak `report.jsonl` or digest, a promptfoo export, a ModelScan or SARIF report, or CSV; " +
  "any content type). The file is all or nothing: its test results, the findings it opens, updates, reopens or marks not reproduced, and the " +
  "audit event are stored together, or not at all. With a `Content-Length` of at most FINDINGS_SYNC_MAX_BYTES (default 5 MB) it is imported " +
  "in the request (201 with the summary); a larger file, or one sent without a length (chunked), is stored and imported in the background " +
  "(202 with `status: queued` and `Location`; poll `GET /finding-imports/{importId}` until `completed` or `rejected`). A byte-identical file " +
  "already imported on this system stores nothing and answers 200 with the earlier import's summary and `duplicate: true`. A file the parser " +
  "refuses is a 422 whose `errors[].path` is the line (`line 4`) or JSON path (`$.runs[0].results[3]`), with `summary`; nothing is stored. " +
  "A `Content-Length` above FINDINGS_MAX_BYTES (default 200 MB) is a 413 before the body is read; a body that grows beyond it while streaming " +
  "is a 413 too, with `summary`. 409 on an archived system.";

export const FINDINGS_OPENAPI_MODULE: OpenApiModule = {
  tags: [{ name: TAG, description: "Scanner results (garak, promptfoo, ModelScan, SARIF, CSV) imported on AI systems, and the findings they open" }],
  inputSchemas: {},
  outputSchemas: {
    FindingImportSummary: importSummarySchema,
    FindingImportStatus: findingImportStatusSchema,
    FindingImportProblem: findingImportProblemSchema,
    FindingList: findingListSchema,
    AtlasCoverage: atlasCoverageSchema,
  },
  paths: {
    "/systems/{id}/finding-imports": {
      parameters: [idParameter],
      post: {
        operationId: "importFindings",
        tags: [TAG],
        summary: "Import a scanner file on an AI system",
        description: importDescription,
        parameters: importQueryParameters,
        requestBody: {
          required: true,
          description: "The file's bytes, unchanged",
          content: { "application/octet-stream": { schema: { type: "string", contentMediaType: "application/octet-stream" } } },
        },
        responses: {
          "201": ok("Imported; Location points at the import", "FindingImportSummary", importLocation),
          "200": ok(
            "A byte-identical file was already imported on this system: nothing stored, the earlier import's summary",
            "FindingImportSummary",
            importLocation,
          ),
          "202": ok("Stored for a background import (status queued); poll Location", "FindingImportSummary", importLocation),
          "413": importProblem('The file is larger than FINDINGS_MAX_BYTES (errors[].path is "(file)"); nothing stored'),
          "422": importProblem("The file was refused (errors[].path is the line or JSON path), or a query parameter is invalid; nothing stored"),
          ...problemRefs("404", "409", "401", "403", "500"),
        },
      },
    },
    "/finding-imports/{importId}": {
      parameters: [importIdParameter],
      get: {
        operationId: "getFindingImport",
        tags: [TAG],
        summary: "Get an import's status and summary",
        description:
          "Status is `queued` or `processing` while a background import runs, then `completed` (with the counts) or `rejected` (with " +
          "`rejected[]`: the line or JSON path and why; nothing stored). `failed` means the last attempt failed and is retried. 404 for another organisation's import.",
        responses: {
          "200": ok("The import", "FindingImportStatus"),
          "404": problem("No import with this id in the token's organisation"),
          ...problemRefs(...READ_PROBLEMS),
        },
      },
    },
    "/findings": {
      get: {
        operationId: "listFindings",
        tags: [TAG],
        summary: "List findings",
        description:
          "The organisation's findings across its AI systems, every status unless `status` is given; most severe first, then most recently " +
          "seen. Unknown or invalid query parameters are a 422.",
        parameters: findingQueryParameters(),
        responses: { "200": ok("A page of findings", "FindingList"), ...problemRefs(...READ_PROBLEMS) },
      },
    },
    "/systems/{id}/atlas-coverage": {
      parameters: [idParameter],
      get: {
        operationId: "getAtlasCoverage",
        tags: [TAG],
        summary: "ATLAS coverage of an AI system",
        description:
          "The techniques of the system's threat profile against those its imported tests exercise and those with open (open or triaged) " +
          "findings: per technique, and as figures and a sentence.",
        responses: { "200": ok("The coverage", "AtlasCoverage"), ...problemRefs("404", ...READ_PROBLEMS) },
      },
    },
  },
};
