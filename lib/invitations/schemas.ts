import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";

/** How long an invitation link stays valid. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;
export const MIN_PASSWORD_LENGTH = 12;

export const createInvitationSchema = z.strictObject({
  // trim/lower-case first, then check the format (an address pasted with a trailing space is normalised)
  email: z.string().trim().toLowerCase().max(254).pipe(z.email("Must be a valid e-mail address")),
  name: z.string({ error: "Name is required" }).trim().min(1, "Name is required").max(120, "Must be at most 120 characters"),
  role: z.enum(ROLES),
});
export type CreateInvitationInput = z.input<typeof createInvitationSchema>;

export const invitationTokenSchema = z.string().trim().min(10).max(200);

/** Accepting signed out, for an e-mail without an account: the person chooses their own password. */
export const acceptInvitationSchema = z.strictObject({
  token: invitationTokenSchema,
  name: z.string().trim().max(120, "Must be at most 120 characters").optional(),
  password: z.string().min(MIN_PASSWORD_LENGTH, `Must be at least ${MIN_PASSWORD_LENGTH} characters`).max(200, "Must be at most 200 characters").optional(),
});
export type AcceptInvitationInput = z.input<typeof acceptInvitationSchema>;

export type InvitationStatus = "pending" | "expired" | "accepted" | "revoked";
