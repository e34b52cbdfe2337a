import { z } from "zod";
import { AppError, HTTP_STATUS, type AppErrorCode, type FieldIssue } from "@/lib/errors";

// Maps any thrown error onto an RFC 9457 application/problem+json response. The one place where
// domain errors (AppError) and transport errors (HttpError) become HTTP for the REST API.

/** Transport-level failures that happen before a domain verb runs (the body itself is unusable). */
export type HttpErrorCode = "MALFORMED_JSON" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE";

const HTTP_ERROR_STATUS: Record<HttpErrorCode, number> = {
  MALFORMED_JSON: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
};

export class HttpError extends Error {
  readonly status: number;
  constructor(
    readonly code: HttpErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = "HttpError";
    this.status = HTTP_ERROR_STATUS[code];
  }
}

export const PROBLEM_CODES = [...(Object.keys(HTTP_STATUS) as AppErrorCode[]), ...(Object.keys(HTTP_ERROR_STATUS) as HttpErrorCode[]), "INTERNAL"] as const;
export type ProblemCode = AppErrorCode | HttpErrorCode | "INTERNAL";

const PROBLEM_TYPES: Record<Exclude<ProblemCode, "INTERNAL">, { slug: string; title: string }> = {
  VALIDATION: { slug: "validation", title: "Validation failed" },
  UNAUTHENTICATED: { slug: "unauthenticated", title: "Authentication required" },
  FORBIDDEN: { slug: "forbidden", title: "Forbidden" },
  NOT_FOUND: { slug: "not-found", title: "Not found" },
  CONFLICT: { slug: "conflict", title: "Conflict" },
  RATE_LIMITED: { slug: "rate-limited", title: "Too many requests" },
  MALFORMED_JSON: { slug: "malformed-json", title: "Malformed JSON body" },
  PAYLOAD_TOO_LARGE: { slug: "payload-too-large", title: "Request body too large" },
  UNSUPPORTED_MEDIA_TYPE: { slug: "unsupported-media-type", title: "Unsupported media type" },
};

/** The problem `type` URI of a code: relative references, documented in docs/api.md. */
export function problemType(code: ProblemCode): string {
  return code === "INTERNAL" ? "about:blank" : `/problems/${PROBLEM_TYPES[code].slug}`;
}

/** The problem+json body; also the `Problem` component of the OpenAPI document. */
export const problemSchema = z
  .object({
    type: z.string().describe("URI reference identifying the problem type; 'about:blank' for unexpected errors"),
    title: z.string().describe("Short summary of the problem type"),
    status: z.int().min(400).max(599),
    detail: z.string().describe("Explanation specific to this occurrence"),
    code: z.enum(PROBLEM_CODES).describe("Stable machine-readable error code"),
    requestId: z.string().describe("Also sent as the x-request-id header; quote it when reporting a problem"),
    errors: z
      .array(
        z.object({ path: z.string().describe("Dotted field path, '(body)' for the body as a whole, or a query parameter / header name"), message: z.string() }),
      )
      .optional()
      .describe("Present on 400 and 422: one entry per invalid field"),
  })
  .meta({ description: "RFC 9457 problem details" });
export type Problem = z.infer<typeof problemSchema>;

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/**
 * `extensions` adds members of the route's own beside the standard ones (RFC 9457 §3.2), e.g. the import
 * summary of a rejected scanner file; it never replaces a standard member.
 */
export function problemResponse(error: unknown, requestId: string, extensions: Record<string, unknown> = {}): Response {
  let problem: Problem;
  if (error instanceof AppError) {
    problem = {
      type: problemType(error.code),
      title: PROBLEM_TYPES[error.code].title,
      status: HTTP_STATUS[error.code],
      detail: error.message,
      code: error.code,
      requestId,
      ...(error.code === "VALIDATION" && { errors: error.issues.length > 0 ? error.issues : [{ path: "(body)", message: error.message }] }),
    };
  } else if (error instanceof HttpError) {
    problem = {
      type: problemType(error.code),
      title: PROBLEM_TYPES[error.code].title,
      status: error.status,
      detail: error.message,
      code: error.code,
      requestId,
      ...(error.issues.length > 0 && { errors: error.issues }),
    };
  } else {
    // Never echo the raw message: it may carry SQL, ids of other tenants or stack details.
    console.error(`[api] unhandled error (requestId ${requestId})`, error);
    problem = {
      type: problemType("INTERNAL"),
      title: "Internal Server Error",
      status: 500,
      detail: `An unexpected error occurred. Quote request id ${requestId} when reporting it.`,
      code: "INTERNAL",
      requestId,
    };
  }
  return new Response(JSON.stringify({ ...extensions, ...problem }), {
    status: problem.status,
    headers: { "content-type": PROBLEM_CONTENT_TYPE, "x-request-id": requestId, "cache-control": "no-store" },
  });
}
