import { z } from "zod";

export const SIGN_IN_OUTCOMES = ["pending", "success", "failure", "throttled"] as const;

export const listSignInEventsSchema = z.strictObject({
  outcome: z.enum(SIGN_IN_OUTCOMES).optional(),
  /** ISO timestamp: only events before it (the next page) */
  before: z.iso.datetime().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ListSignInEventsInput = z.input<typeof listSignInEventsSchema>;
