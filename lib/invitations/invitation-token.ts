import { createHash, randomBytes } from "node:crypto";
import type { InvitationStatus } from "./schemas";

// 256-bit random tokens: a fast unsalted SHA-256 is enough to store them (nothing to brute-force).
export const INVITATION_TOKEN_PREFIX = "inv_";

export function newInvitationToken(): string {
  return INVITATION_TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token.trim()).digest("hex");
}

export function invitationStatus(row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now = new Date()): InvitationStatus {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  return row.expiresAt <= now ? "expired" : "pending";
}

/** The path of the page where an invitation is accepted (the transport adds the app's origin). */
export function invitationPath(token: string): string {
  return `/invite/${encodeURIComponent(token)}`;
}
