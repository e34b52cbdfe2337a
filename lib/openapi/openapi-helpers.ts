import { z } from "zod";
import { DEFAULT_MAX_BODY_BYTES, strictQuerySchema } from "@/lib/web/http/with-api-handler";
import { PROBLEM_CONTENT_TYPE } from "@/lib/web/http/problem";
import { listSystemsSchema, systemIdSchema } from "@/lib/systems/schemas";

// Building blocks shared by the OpenAPI document and the per-domain path modules (lib/openapi/modules.ts).

export type JsonSchema = Record<string, unknown>;
export type Json = Record<string, unknown>;

/** What a domain contributes to the document: its tags, component schemas and paths. */
export type OpenApiModule = {
  tags: Json[];
  inputSchemas: Record<string, z.ZodType>;
  outputSchemas: Record<string, z.ZodType>;
  paths: Record<string, Json>;
};

export const TARGET = "draft-2020-12" as const;
export const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const responseRef = (name: string) => ({ $ref: `#/components/responses/${name}` });
export const headerRef = (name: string) => ({ $ref: `#/components/headers/${name}` });

/** JSON Schema of one zod schema, without the keywords that make no sense inside an OpenAPI document. */
export function strip(schema: JsonSchema): JsonSchema {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

/**
 * Converts registered schemas to components. Request bodies use `io: "input"` (fields with a default are
 * optional), responses `io: "output"`. Schemas registered together reference each other by $ref.
 */
export function componentsOf(entries: Record<string, z.ZodType>, io: "input" | "output"): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(entries)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { target: TARGET, io, uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, strip(schema as JsonSchema)]));
}

export const QUERY_DESCRIPTIONS: Record<keyof typeof listSystemsSchema.shape, string> = {
  q: "Case-insensitive search in name, description, purpose and vendor",
  tier: "Only systems with this EU AI Act risk tier",
  stage: "Only systems in this lifecycle stage",
  businessUnit: "Only systems of this business unit (exact match)",
  ownerId: "Only systems owned by this user id",
  status: "Active (default), archived, or all systems",
  sort: "Sort field; ties are broken by id so pages are stable",
  dir: "Sort direction",
  page: "1-based page number",
  pageSize: "Items per page (at most 100)",
};

export function listQueryParameters(): Json[] {
  const shape = strictQuerySchema(listSystemsSchema).shape;
  return (Object.keys(shape) as (keyof typeof shape)[]).map((name) => ({
    name,
    in: "query",
    required: !shape[name].safeParse(undefined).success,
    description: QUERY_DESCRIPTIONS[name],
    schema: strip(z.toJSONSchema(shape[name], { target: TARGET, io: "input" }) as JsonSchema),
  }));
}

export const idParameter = {
  name: "id",
  in: "path",
  required: true,
  description: "The AI system's id",
  schema: strip(z.toJSONSchema(systemIdSchema.shape.id, { target: TARGET, io: "input" }) as JsonSchema),
};

export const jsonContent = (schemaName: string) => ({ "application/json": { schema: schemaRef(schemaName) } });

export function ok(description: string, schemaName: string, extraHeaders: Json = {}) {
  return { description, headers: { "x-request-id": headerRef("XRequestId"), ...extraHeaders }, content: jsonContent(schemaName) };
}

export function problem(description: string, extraHeaders: Json = {}) {
  return {
    description,
    headers: { "x-request-id": headerRef("XRequestId"), ...extraHeaders },
    content: { [PROBLEM_CONTENT_TYPE]: { schema: schemaRef("Problem") } },
  };
}

/** Shared problem responses by status; every operation picks the ones it can produce. */
export const PROBLEM_RESPONSES = {
  "400": ["MalformedJson", problem('The body is not well-formed JSON (errors[].path is "(body)"; detail says where parsing failed)')],
  "401": ["Unauthenticated", problem("No API token, or the token is invalid or revoked", { "WWW-Authenticate": headerRef("WWWAuthenticate") })],
  "403": ["Forbidden", problem("The token's scope does not allow this operation")],
  "404": ["NotFound", problem("No AI system with this id in the token's organisation")],
  "409": ["Conflict", problem("Stale version (someone saved in between; reload and retry) or the state does not allow the operation")],
  "413": ["PayloadTooLarge", problem(`The body is larger than ${DEFAULT_MAX_BODY_BYTES} bytes`)],
  "415": ["UnsupportedMediaType", problem("The body is not sent as application/json")],
  "422": ["ValidationFailed", problem("The input is invalid; errors[] names each offending field, query parameter or header")],
  "500": ["InternalError", problem("Unexpected error (type about:blank); quote the requestId when reporting it")],
} as const;
export type ProblemStatus = keyof typeof PROBLEM_RESPONSES;

export function problemRefs(...statuses: ProblemStatus[]): Json {
  return Object.fromEntries(statuses.map((status) => [status, responseRef(PROBLEM_RESPONSES[status][0])]));
}

export const READ_PROBLEMS: ProblemStatus[] = ["401", "403", "422", "500"];
export const BODY_PROBLEMS: ProblemStatus[] = ["400", "413", "415"];
