import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";

/** What the register's filters and the risk form offer: the organisation's AI systems and members. */
export async function listRiskFilterOptions({ ctx }: { ctx: ServiceContext }) {
  assertCan(ctx, "inventory:read");
  const client = ctx.tx ?? db;
  const [systems, members] = await Promise.all([
    client.aISystem.findMany({ where: { orgId: ctx.orgId }, select: { id: true, name: true, archivedAt: true }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
    client.membership.findMany({ where: { orgId: ctx.orgId }, select: { user: { select: { id: true, name: true } } }, orderBy: { user: { name: "asc" } } }),
  ]);
  return {
    systems: systems.map((s) => ({ id: s.id, name: s.archivedAt ? `${s.name} (archived)` : s.name })),
    members: members.map((m) => m.user),
  };
}
