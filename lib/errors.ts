/**
 * The one error type of the domain layer. Each transport maps it once:
 * REST → application/problem+json (lib/http/problem.ts), server actions → { error } states.
 */
export type AppErrorCode =
  /** Input failed validation; `issues` carries the field paths. */
  | "VALIDATION"
  /** No valid session or API token. */
  | "UNAUTHENTICATED"
  /** Authenticated, but the role or token scope does not allow the action. */
  | "FORBIDDEN"
  /** Missing, or belongs to another organisation (never distinguished, to avoid id probing). */
  | "NOT_FOUND"
  /** Optimistic-concurrency or uniqueness conflict; the caller should reload. */
  | "CONFLICT"
  /** Too many attempts (login). */
  | "RATE_LIMITED";

export type FieldIssue = { path: string; message: string };

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  VALIDATION: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};
