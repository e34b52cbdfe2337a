import { withTransaction } from "@/lib/db/with-transaction";
import { assertCan } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { parseInput, type Unparsed } from "@/lib/validation/parse-input";
import { AppError } from "@/lib/errors";
import { actorId, type ServiceContext } from "@/lib/context";
import type { Role } from "@/lib/auth/roles";
import { createInvitationSchema, INVITATION_TTL_MS, type CreateInvitationInput } from "./schemas";
import { hashInvitationToken, newInvitationToken } from "./invitation-token";

/**
 * Invites a person into the organisation with a role: a single-use link valid for 7 days. The token
 * is returned exactly once (for the admin to hand over, or for the e-mail) and only its hash is
 * stored. Nothing about the address's account (whether one exists, in which organisations) is
 * revealed, and no password is ever set or shown here: the person chooses their own when they
 * accept, or accepts signed in as the account of that e-mail.
 */
export async function createInvitation({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: Unparsed<CreateInvitationInput>;
}): Promise<{ id: string; token: string; email: string; role: Role; expiresAt: string }> {
  assertCan(ctx, "member:manage");
  const data = parseInput(createInvitationSchema, input);
  const token = newInvitationToken();
  return withTransaction(ctx, async (tx) => {
    const now = new Date();
    const member = await tx.membership.findFirst({ where: { orgId: ctx.orgId, user: { email: data.email } }, select: { id: true } });
    if (member) throw new AppError("CONFLICT", "This person is already a member.", [{ path: "email", message: "Already a member of this organisation" }]);
    const pending = await tx.invitation.findFirst({
      where: { orgId: ctx.orgId, email: data.email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      select: { id: true },
    });
    if (pending) {
      throw new AppError("CONFLICT", "An invitation to this address is still pending.", [
        { path: "email", message: "Already invited: revoke the pending invitation to send a new one" },
      ]);
    }
    const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
    const row = await tx.invitation.create({
      data: {
        orgId: ctx.orgId,
        email: data.email,
        name: data.name,
        role: data.role,
        tokenHash: hashInvitationToken(token),
        createdById: actorId(ctx.actor),
        expiresAt,
      },
      select: { id: true },
    });
    await recordAudit(tx, ctx, {
      action: "invitation.create",
      entityType: "invitation",
      entityId: row.id,
      changes: {
        email: { before: null, after: data.email },
        name: { before: null, after: data.name },
        role: { before: null, after: data.role },
        expiresAt: { before: null, after: expiresAt.toISOString() },
      },
    });
    return { id: row.id, token, email: data.email, role: data.role, expiresAt: expiresAt.toISOString() };
  });
}
