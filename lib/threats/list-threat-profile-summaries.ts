import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";

export type ThreatProfileSummary = { systemId: string; name: string; ownerId: string | null; entryCount: number };

/**
 * Every active AI system of the organisation with the size of its threat profile, sorted by name: the
 * overlay picker of the ATLAS matrix. Two queries (systems, counts per system), whatever the size.
 */
export async function listThreatProfileSummaries({ ctx }: { ctx: ServiceContext }): Promise<ThreatProfileSummary[]> {
  assertCan(ctx, "inventory:read");
  const client = ctx.tx ?? db;
  const [systems, counts] = await Promise.all([
    client.aISystem.findMany({
      where: { orgId: ctx.orgId, archivedAt: null },
      select: { id: true, name: true, ownerId: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
    client.threatProfileEntry.groupBy({ by: ["systemId"], where: { orgId: ctx.orgId }, _count: { _all: true } }),
  ]);
  const bySystem = new Map(counts.map((c) => [c.systemId, c._count._all]));
  return systems.map((s) => ({ systemId: s.id, name: s.name, ownerId: s.ownerId, entryCount: bySystem.get(s.id) ?? 0 }));
}

/**
 * The distinct technique ids in the threat profile of one system, or of every active system of the
 * organisation (the matrix outline): one grouped query, not every entry.
 */
export async function listProfiledTechniqueIds({ ctx, input }: { ctx: ServiceContext; input: { systemId?: string } }): Promise<string[]> {
  assertCan(ctx, "inventory:read");
  const client = ctx.tx ?? db;
  const rows = await client.threatProfileEntry.groupBy({
    by: ["techniqueId"],
    where: input.systemId ? { orgId: ctx.orgId, systemId: input.systemId } : { orgId: ctx.orgId, system: { archivedAt: null } },
    orderBy: { techniqueId: "asc" },
  });
  return rows.map((r) => r.techniqueId);
}
