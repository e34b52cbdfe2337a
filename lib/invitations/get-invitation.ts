import { db } from "@/lib/db/client";
import type { Role } from "@/lib/auth/roles";
import { invitationTokenSchema, type InvitationStatus } from "./schemas";
import { hashInvitationToken, invitationStatus } from "./invitation-token";

export type InvitationPreview = {
  orgName: string;
  email: string;
  name: string;
  role: Role;
  status: InvitationStatus;
  expiresAt: string;
  /** an account with the invited e-mail exists: the person accepts signed in as it */
  accountExists: boolean;
};

/** What the invitation page shows to whoever holds the link; null for an unknown token. */
// @no-permission: the single-use token is the authorisation; it shows its holder only the invitation it names
export async function getInvitation({ input }: { input: { token: string } }): Promise<InvitationPreview | null> {
  const token = invitationTokenSchema.safeParse(input.token);
  if (!token.success) return null;
  const row = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token.data) },
    select: { email: true, name: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true, org: { select: { name: true } } },
  });
  if (!row) return null;
  const account = await db.user.findUnique({ where: { email: row.email }, select: { id: true } });
  return {
    orgName: row.org.name,
    email: row.email,
    name: row.name,
    role: row.role,
    status: invitationStatus(row),
    expiresAt: row.expiresAt.toISOString(),
    accountExists: Boolean(account),
  };
}
