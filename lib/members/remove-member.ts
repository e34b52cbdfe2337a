import { withTransaction } from "@/lib/db/with-transaction";
import { assertCan } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/context";
import { assertNotLastAdmin, findMembershipOrThrow } from "./internal";

/** Removes the membership (the account stays for other organisations). Systems they owned become unowned. */
export async function removeMember({ ctx, input }: { ctx: ServiceContext; input: { userId: string } }) {
  assertCan(ctx, "member:manage");
  return withTransaction(ctx, async (tx) => {
    const m = await findMembershipOrThrow(tx, ctx, input.userId);
    await assertNotLastAdmin(tx, ctx, m.role);
    const owned = await tx.aISystem.findMany({ where: { orgId: ctx.orgId, ownerId: input.userId }, select: { id: true } });
    await tx.aISystem.updateMany({ where: { orgId: ctx.orgId, ownerId: input.userId }, data: { ownerId: null, version: { increment: 1 } } });
    await tx.membership.delete({ where: { id: m.id } });
    await recordAudit(tx, ctx, {
      action: "member.remove",
      entityType: "member",
      entityId: input.userId,
      changes: {
        email: { before: m.user.email, after: null },
        role: { before: m.role, after: null },
        systemsUnassigned: { before: owned.map((o) => o.id), after: null },
      },
    });
  });
}
