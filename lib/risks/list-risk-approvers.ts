import { db } from "@/lib/db/client";
import { assertCan, can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import type { ServiceContext } from "@/lib/context";

export type RiskApprover = { id: string; name: string; role: Role };

/** Members who may be named as the approver of a risk acceptance (their role holds risk:approve). */
export async function listRiskApprovers({ ctx }: { ctx: ServiceContext }): Promise<RiskApprover[]> {
  assertCan(ctx, "member:read");
  const rows = await (ctx.tx ?? db).membership.findMany({
    where: { orgId: ctx.orgId },
    orderBy: { user: { name: "asc" } },
    select: { role: true, user: { select: { id: true, name: true } } },
  });
  return rows
    .filter((m) => can({ type: "user", userId: m.user.id, role: m.role, label: m.user.name }, "risk:approve"))
    .map((m) => ({ id: m.user.id, name: m.user.name, role: m.role }));
}
