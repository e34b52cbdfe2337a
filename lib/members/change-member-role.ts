import { withTransaction } from "@/lib/db/with-transaction";
import { assertCan } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { parseInput } from "@/lib/validation/parse-input";
import type { ServiceContext } from "@/lib/context";
import { changeRoleSchema } from "./schemas";
import { assertNotLastAdmin, findMembershipOrThrow } from "./internal";

/** Takes effect on the member's next request: sessions read roles from the database every time. */
export async function changeMemberRole({ ctx, input }: { ctx: ServiceContext; input: { userId: string; role: string } }) {
  assertCan(ctx, "member:manage");
  const data = parseInput(changeRoleSchema, input);
  return withTransaction(ctx, async (tx) => {
    const m = await findMembershipOrThrow(tx, ctx, data.userId);
    if (m.role === data.role) return;
    if (data.role !== "admin") await assertNotLastAdmin(tx, ctx, m.role);
    await tx.membership.update({ where: { id: m.id }, data: { role: data.role }, select: { id: true } });
    await recordAudit(tx, ctx, {
      action: "member.role_change",
      entityType: "member",
      entityId: data.userId,
      changes: { role: { before: m.role, after: data.role } },
    });
  });
}
