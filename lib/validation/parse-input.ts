import type { z } from "zod";
import { AppError, type FieldIssue } from "@/lib/errors";

/** zod issues → field paths like "components.0.sha256" (the form shows them beside the field, REST in problem+json). */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") return { path: [path, ...issue.keys].filter(Boolean).join("."), message: "Unknown field" };
    return { path: path || "(body)", message: issue.message };
  });
}

/**
 * What a verb accepts for a payload it validates itself: the schema's input type (for typed callers:
 * seed, tests, other verbs), or an unvalidated record straight from a form or a request body. The
 * verb parses it with `parseInput` before use, so callers never need a cast.
 */
export type Unparsed<T> = T | Record<string, unknown>;

/** Parses untrusted input with the domain schema or throws a VALIDATION AppError naming each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError("VALIDATION", "The input is not valid.", toFieldIssues(result.error));
  return result.data;
}
