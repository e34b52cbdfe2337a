import { withTransaction } from "@/lib/db/with-transaction";
import { assertCan } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";

/** Revokes an invitation that has not been accepted yet: its link stops working at once. */
export async function revokeInvitation({ ctx, input }: { ctx: ServiceContext; input: { id: string } }): Promise<void> {
  assertCan(ctx, "member:manage");
  return withTransaction(ctx, async (tx) => {
    const revokedAt = new Date();
    // conditional update: a concurrent accept or revoke cannot both succeed
    const { count } = await tx.invitation.updateMany({ where: { id: input.id, orgId: ctx.orgId, acceptedAt: null, revokedAt: null }, data: { revokedAt } });
    if (count === 0) {
      const row = await tx.invitation.findFirst({ where: { id: input.id, orgId: ctx.orgId }, select: { acceptedAt: true } });
      if (!row) throw new AppError("NOT_FOUND", "Invitation not found.");
      throw new AppError("CONFLICT", row.acceptedAt ? "This invitation has already been accepted." : "This invitation is already revoked.");
    }
    const row = await tx.invitation.findFirstOrThrow({ where: { id: input.id, orgId: ctx.orgId }, select: { email: true } });
    await recordAudit(tx, ctx, {
      action: "invitation.revoke",
      entityType: "invitation",
      entityId: input.id,
      changes: { email: { before: row.email, after: row.email }, revokedAt: { before: null, after: revokedAt.toISOString() } },
    });
  });
}
