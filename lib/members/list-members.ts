import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import type { Role } from "@/lib/auth/roles";

export type MemberRow = { userId: string; email: string; name: string; role: Role; joinedAt: string };

export async function listMembers({ ctx }: { ctx: ServiceContext }): Promise<MemberRow[]> {
  assertCan(ctx, "member:read");
  const rows = await (ctx.tx ?? db).membership.findMany({
    where: { orgId: ctx.orgId },
    orderBy: { user: { name: "asc" } },
    select: { role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
  });
  return rows.map((r) => ({ userId: r.user.id, email: r.user.email, name: r.user.name, role: r.role, joinedAt: r.createdAt.toISOString() }));
}
