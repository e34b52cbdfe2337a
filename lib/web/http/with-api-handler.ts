import { randomUUID } from "node:crypto";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";
import { assertCan, type Permission } from "@/lib/auth/permissions";
import { authenticateApiToken } from "@/lib/tokens/authenticate-api-token";
import { parseInput } from "@/lib/validation/parse-input";
import { readLimitedBody } from "@/lib/web/read-limited-body";
import { HttpError, problemResponse } from "@/lib/web/http/problem";

// Plumbing shared by every REST API v1 route handler, so the handlers themselves stay thin:
// parse input, call one domain verb, map the result.

export type ApiHandlerArgs = { req: Request; ctx: ServiceContext; params: Record<string, string>; requestId: string };

/**
 * What a route needs: its operation's entry of `API_OPERATIONS` (lib/openapi/api-operations.ts), which
 * the OpenAPI document states too. `permission` is checked against the token (its scopes grant
 * permissions through TOKEN_SCOPE_PERMISSIONS) before the handler runs, so before the body is read: a
 * read-only token sending a bad body gets 403, not 422. The verb checks again (defence in depth), and
 * re-checks ownership once the resource is loaded.
 */
export type ApiRouteOptions = { readonly operationId: string; readonly permission: Permission };
type RouteSegmentContext = { params: Promise<Record<string, string>> };

export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

/** Sets a header on a response, copying the response when its headers are immutable (e.g. Response.redirect). */
export function withHeader(res: Response, name: string, value: string): Response {
  try {
    res.headers.set(name, value);
    return res;
  } catch {
    // headers of some responses (e.g. Response.redirect) are immutable
    const copy = new Response(res.body, res);
    copy.headers.set(name, value);
    return copy;
  }
}

/**
 * Wraps an authenticated API handler: request id, bearer-token authentication (401 with
 * `WWW-Authenticate`), the route's permission (403), errors → problem+json, `x-request-id` and
 * `cache-control: no-store` on every response. Route handlers never call `assertCan` themselves.
 */
export function withApiHandler(options: ApiRouteOptions, handler: (args: ApiHandlerArgs) => Promise<Response>) {
  // the declaration stays readable on the handler, so tests compare it with the OpenAPI document
  return Object.assign(routeHandler, { route: options });
  async function routeHandler(req: Request, segment: RouteSegmentContext): Promise<Response> {
    const requestId = randomUUID();
    let res: Response;
    const authorization = req.headers.get("authorization");
    try {
      const ctx = await authenticateApiToken(authorization);
      // tokens hold "any" or nothing, never an ownership-scoped grant, so this check is exact for them
      assertCan(ctx, options.permission);
      const params = (await segment?.params) ?? {};
      res = await handler({ req, ctx, params, requestId });
    } catch (error) {
      res = problemResponse(error, requestId);
      if (error instanceof AppError && error.code === "UNAUTHENTICATED") {
        // RFC 6750 §3: no credentials → bare challenge; rejected credentials → error="invalid_token"
        res = withHeader(res, "www-authenticate", authorization ? `Bearer realm="aigov", error="invalid_token"` : `Bearer realm="aigov"`);
      }
    }
    res = withHeader(res, "x-request-id", requestId);
    if (!res.headers.has("cache-control")) res = withHeader(res, "cache-control", "no-store");
    return res;
  }
}

/** A JSON response with the given status and extra headers. */
export function jsonResponse(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return Response.json(body, { status: init.status ?? 200, headers: init.headers });
}

function isJsonContentType(value: string | null): boolean {
  const mediaType = value?.split(";")[0].trim().toLowerCase();
  return !!mediaType && (mediaType === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType));
}

/** Where a JSON.parse SyntaxError happened, as "line L, column C" when the engine reports a position. */
function describeParseError(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = Number(message.match(/at position (\d+)/)?.[1]);
  if (Number.isFinite(position)) {
    const before = text.slice(0, position).split("\n");
    return `Malformed JSON at line ${before.length}, column ${before[before.length - 1].length + 1} (position ${position}): ${message}`;
  }
  return `Malformed JSON: ${message}`;
}

/**
 * Reads a JSON request body: 415 unless the content type is JSON, 413 beyond `maxBytes` (checked
 * against Content-Length and while streaming), 400 for an empty body, invalid UTF-8 or malformed JSON.
 * Validation of the parsed value is the domain verb's job (422).
 */
export async function readJsonBody(req: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<unknown> {
  if (!isJsonContentType(req.headers.get("content-type"))) {
    throw new HttpError(
      "UNSUPPORTED_MEDIA_TYPE",
      `Send the body as JSON with 'Content-Type: application/json' (got '${req.headers.get("content-type") ?? "none"}').`,
    );
  }
  const bytes = await readLimitedBody(
    req,
    maxBytes,
    `${maxBytes} bytes`,
    () => new HttpError("PAYLOAD_TOO_LARGE", `The request body exceeds the limit of ${maxBytes} bytes.`),
  );

  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError("MALFORMED_JSON", "The request body is not valid UTF-8.", [{ path: "(body)", message: "Invalid UTF-8" }]);
  }
  if (text.trim() === "") throw new HttpError("MALFORMED_JSON", "The request body is empty; send a JSON object.", [{ path: "(body)", message: "Empty body" }]);
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = describeParseError(error, text);
    throw new HttpError("MALFORMED_JSON", detail, [{ path: "(body)", message: detail }]);
  }
}

/**
 * Reads a JSON request body that must be an object (every v1 write body is one): as readJsonBody,
 * plus 422 at `(body)` for an array, a string or another non-object value.
 */
export async function readJsonObject(req: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<Record<string, unknown>> {
  const body = await readJsonBody(req, maxBytes);
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new AppError("VALIDATION", "Send a JSON object.", [{ path: "(body)", message: "Expected an object" }]);
  }
  return body as Record<string, unknown>;
}

type Uncaught<T> = T extends z.ZodCatch<infer Inner> ? Inner : T;

/**
 * The strict API variant of a URL-state schema: the UI's schema falls back (`.catch`) on bad values,
 * the API reports them as 422 instead. Built from the same schema so both stay in sync; unknown
 * parameters are rejected too, so a misspelt filter never silently returns everything.
 */
export function strictQuerySchema<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>) {
  const shape = Object.fromEntries(Object.entries(schema.shape).map(([key, field]) => [key, field instanceof z.ZodCatch ? field.unwrap() : field]));
  return z.strictObject(shape as { [K in keyof Shape]: Uncaught<Shape[K]> });
}

/**
 * Query string → object for `schema` (a strictQuerySchema). Empty values count as absent (as an HTML
 * form sends them); a repeated parameter is a 422, since every filter takes one value.
 */
export function readQuery<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  const query: Record<string, string> = {};
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const [key, value] of new URL(req.url).searchParams) {
    if (seen.has(key)) repeated.add(key);
    seen.add(key);
    if (value !== "") query[key] = value;
  }
  if (repeated.size > 0) {
    throw new AppError(
      "VALIDATION",
      "A query parameter was given more than once.",
      [...repeated].map((path) => ({ path, message: "Give this parameter once" })),
    );
  }
  return parseInput(schema, query);
}

/** The strong entity tag of a versioned resource: `"<version>"`. */
export function versionEtag(version: number): string {
  return `"${version}"`;
}

/**
 * The version named by an `If-Match: "<version>"` header (a bare number is accepted too), or
 * undefined without the header. Weak tags and `*` are refused: an edit must name the version it read.
 */
export function readIfMatchVersion(req: Request): number | undefined {
  const header = req.headers.get("if-match");
  if (header === null) return undefined;
  const match = header.trim().match(/^"?([1-9]\d{0,9})"?$/);
  const version = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(version)) {
    throw new AppError("VALIDATION", 'If-Match must carry the version the edit is based on, e.g. If-Match: "3".', [
      { path: "If-Match", message: "Expected a quoted version number" },
    ]);
  }
  return version;
}

/**
 * The body of an edit with its `version` taken from `If-Match` when the body has none; when both are
 * sent they must agree (422 otherwise). The one place REST merges the header into a versioned edit;
 * the domain schema then validates the result as usual.
 */
export function withIfMatchVersion(req: Request, body: Record<string, unknown>): Record<string, unknown> {
  const ifMatch = readIfMatchVersion(req);
  if (ifMatch === undefined) return body;
  const bodyVersion = body.version;
  if (bodyVersion === undefined) return { ...body, version: ifMatch };
  if (bodyVersion !== ifMatch) {
    throw new AppError("VALIDATION", "The body's version and the If-Match header disagree.", [
      { path: "version", message: `Differs from If-Match (${ifMatch})` },
    ]);
  }
  return body;
}
