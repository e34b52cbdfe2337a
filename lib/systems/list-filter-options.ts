import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";

/** The values the inventory filters offer: business units in use and the organisation's members. */
export async function listFilterOptions({ ctx }: { ctx: ServiceContext }) {
  assertCan(ctx, "inventory:read");
  const client = ctx.tx ?? db;
  const [units, members] = await Promise.all([
    // GROUP BY in SQL: Prisma's `distinct` de-duplicates in JavaScript after fetching every row of
    // the organisation (10,000 systems → 10,000 rows for 15 units; docs/benchmarks.md).
    client.aISystem.groupBy({ by: ["businessUnit"], where: { orgId: ctx.orgId, businessUnit: { not: "" } }, orderBy: { businessUnit: "asc" } }),
    client.membership.findMany({ where: { orgId: ctx.orgId }, select: { user: { select: { id: true, name: true } } }, orderBy: { user: { name: "asc" } } }),
  ]);
  return { businessUnits: units.map((u) => u.businessUnit), owners: members.map((m) => m.user) };
}
