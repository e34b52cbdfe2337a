import { assertCan, can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import type { ServiceContext } from "@/lib/context";

export type UnmappedTest = { tool: string; testId: string; results: number; findings: number; lastSeenAt: string };
export type TestMappingRow = { id: string; tool: string; testId: string; techniqueIds: string[]; owaspIds: string[]; note: string; updatedAt: string };

export type TestMappingsPage = {
  /** Tests whose results map to no ATLAS technique and no OWASP item, and that have no mapping of the organisation. */
  unmapped: UnmappedTest[];
  /** The organisation's own mappings; they take precedence over the built-in rows for every later import. */
  mappings: TestMappingRow[];
  viewer: { canMap: boolean };
};

/** The tests a compliance officer still has to map (listed once per tool × test) and the organisation's mappings. */
export async function getTestMappingsPage({ ctx }: { ctx: ServiceContext; input?: Record<string, never> }): Promise<TestMappingsPage> {
  assertCan(ctx, "inventory:read");
  const client = ctx.tx ?? db;
  const [unmapped, mappings] = await Promise.all([
    client.$queryRaw<{ tool: string; testId: string; results: number; findings: number; lastSeenAt: Date }[]>`
      SELECT min(t.tool) AS tool, t."testId", count(*)::int AS results, count(DISTINCT t."findingId")::int AS findings, max(t."createdAt") AS "lastSeenAt"
      FROM "TestResult" t
      WHERE t."orgId" = ${ctx.orgId} AND cardinality(t."techniqueIds") = 0 AND cardinality(t."owaspIds") = 0
        AND NOT EXISTS (SELECT 1 FROM "TestMapping" m WHERE m."orgId" = t."orgId" AND lower(m.tool) = lower(t.tool) AND m."testId" = t."testId")
      GROUP BY lower(t.tool), t."testId"
      ORDER BY count(DISTINCT t."findingId") DESC, count(*) DESC, 1, 2
      LIMIT 500`,
    client.testMapping.findMany({
      where: { orgId: ctx.orgId },
      select: { id: true, tool: true, testId: true, techniqueIds: true, owaspIds: true, note: true, updatedAt: true },
      orderBy: [{ tool: "asc" }, { testId: "asc" }],
    }),
  ]);
  return {
    unmapped: unmapped.map((row) => ({ ...row, lastSeenAt: row.lastSeenAt.toISOString() })),
    mappings: mappings.map((row) => ({ ...row, updatedAt: row.updatedAt.toISOString() })),
    viewer: { canMap: can(ctx.actor, "finding:map") },
  };
}
