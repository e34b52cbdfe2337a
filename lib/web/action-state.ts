import { AppError } from "@/lib/errors";

/** What a form's server action returns: a message and per-field errors beside the fields. */
export type ActionState = {
  status: "idle" | "success" | "error";
  message?: string;
  fieldErrors?: Record<string, string>;
  /** The submitted values, so a refused form keeps what the user typed. */
  values?: Record<string, unknown>;
  /** Extra data for a success, e.g. a secret shown once. */
  data?: Record<string, string | null>;
};

export const IDLE: ActionState = { status: "idle" };

/**
 * Maps an error from a domain verb to form state. Expected errors (AppError) are shown as they are;
 * anything else is logged and replaced by a generic message, never the raw error text.
 */
export function toActionState(error: unknown, values?: Record<string, unknown>): ActionState {
  if (error instanceof AppError) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of error.issues) fieldErrors[issue.path] ??= issue.message;
    return { status: "error", message: error.message, fieldErrors, values };
  }
  const ref = crypto.randomUUID().slice(0, 8);
  console.error(`[action-error ${ref}]`, error);
  return { status: "error", message: `Something went wrong (reference ${ref}). Nothing was saved.`, values };
}
