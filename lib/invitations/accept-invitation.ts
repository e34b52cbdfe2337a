import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { mapPrismaError } from "@/lib/db/map-prisma-error";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/hash-password";
import { parseInput, type Unparsed } from "@/lib/validation/parse-input";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";
import { acceptInvitationSchema, type AcceptInvitationInput } from "./schemas";
import { hashInvitationToken, invitationStatus } from "./invitation-token";

const STATUS_MESSAGES = {
  expired: "This invitation has expired. Ask an admin of the organisation for a new one.",
  accepted: "This invitation has already been used.",
  revoked: "This invitation was revoked. Ask an admin of the organisation for a new one.",
} as const;

/**
 * Accepts an invitation: adds the membership with the invited role and uses the link up.
 *
 * - `signedInUserId` (from the session, never from the form): the signed-in account must be the
 *   account of the invited e-mail; no password is involved.
 * - signed out: only when no account has that e-mail, which is then created with the password the
 *   person chose here. An existing account is never touched or linked without signing in as it, so
 *   nobody who merely holds a link (another organisation's admin included) gains access to it.
 */
// @no-permission: the single-use, expiring token is the authorisation (and the session, for an existing account)
export async function acceptInvitation({
  input,
  signedInUserId,
}: {
  input: Unparsed<AcceptInvitationInput>;
  signedInUserId: string | null;
}): Promise<{ orgId: string; userId: string; email: string; accountCreated: boolean }> {
  const data = parseInput(acceptInvitationSchema, input);
  const passwordHash = !signedInUserId && data.password ? await hashPassword(data.password) : null;
  try {
    return await db.$transaction(async (tx: Prisma.TransactionClient) => {
      // lock the invitation row: two tabs accepting at once cannot both use it
      const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Invitation" WHERE "tokenHash" = ${hashInvitationToken(data.token)} FOR UPDATE`;
      if (!locked) throw new AppError("NOT_FOUND", "This invitation link is not valid.");
      const inv = await tx.invitation.findUniqueOrThrow({
        where: { id: locked.id },
        select: { id: true, orgId: true, email: true, name: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true },
      });
      const status = invitationStatus(inv);
      if (status !== "pending") throw new AppError("CONFLICT", STATUS_MESSAGES[status]);

      const account = await tx.user.findUnique({ where: { email: inv.email }, select: { id: true, name: true } });
      let user: { id: string; name: string };
      if (signedInUserId) {
        if (!account || account.id !== signedInUserId) {
          throw new AppError("FORBIDDEN", `This invitation is for ${inv.email}. Sign out and sign in as that account to accept it.`);
        }
        user = account;
      } else if (account) {
        throw new AppError("UNAUTHENTICATED", `An account with the e-mail ${inv.email} exists. Sign in as it to accept the invitation.`);
      } else {
        if (!passwordHash) throw new AppError("VALIDATION", "Choose a password.", [{ path: "password", message: "Choose a password" }]);
        user = await tx.user.create({ data: { email: inv.email, name: data.name || inv.name, passwordHash }, select: { id: true, name: true } });
      }

      const already = await tx.membership.findFirst({ where: { orgId: inv.orgId, userId: user.id }, select: { id: true } });
      if (already) throw new AppError("CONFLICT", "You are already a member of this organisation.");
      await tx.membership.create({ data: { orgId: inv.orgId, userId: user.id, role: inv.role }, select: { id: true } });
      await tx.invitation.update({ where: { id: inv.id }, data: { acceptedAt: new Date(), acceptedById: user.id }, select: { id: true } });
      const ctx: ServiceContext = { orgId: inv.orgId, actor: { type: "user", userId: user.id, role: inv.role, label: `${user.name} <${inv.email}>` }, tx };
      await recordAudit(tx, ctx, {
        action: "invitation.accept",
        entityType: "member",
        entityId: user.id,
        changes: {
          invitationId: { before: null, after: inv.id },
          email: { before: null, after: inv.email },
          role: { before: null, after: inv.role },
          accountCreated: { before: null, after: !signedInUserId },
        },
      });
      return { orgId: inv.orgId, userId: user.id, email: inv.email, accountCreated: !signedInUserId };
    });
  } catch (error) {
    throw mapPrismaError(error);
  }
}
