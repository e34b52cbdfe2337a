import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";

export type ThreatProfileSummary = { systemId: string; name: string; ownerId: string | null; entryCount: number; techniqueIds: string[] };

/**
 * Every active AI system of the organisation with its profiled technique ids, sorted by name: the
 * overlay picker of the ATLAS matrix and the organisation-wide outline. Two queries, whatever the size.
 */
export async function listThreatProfileSummaries({ ctx }: { ctx: ServiceContext }): Promise<ThreatProfileSummary[]> {
  assertCan(ctx, "inventory:read");
  const client = ctx.tx ?? db;
  const [systems, entries] = await Promise.all([
    client.aISystem.findMany({ where: { orgId: ctx.orgId, archivedAt: null }, select: { id: true, name: true, ownerId: true }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
    client.threatProfileEntry.findMany({ where: { orgId: ctx.orgId, system: { archivedAt: null } }, select: { systemId: true, techniqueId: true }, orderBy: { techniqueId: "asc" } }),
  ]);
  const bySystem = new Map<string, string[]>();
  for (const e of entries) bySystem.set(e.systemId, [...(bySystem.get(e.systemId) ?? []), e.techniqueId]);
  return systems.map((s) => {
    const techniqueIds = bySystem.get(s.id) ?? [];
    return { systemId: s.id, name: s.name, ownerId: s.ownerId, entryCount: techniqueIds.length, techniqueIds };
  });
}
