import { assertCan, can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { parseInput, type Unparsed } from "@/lib/validation/parse-input";
import type { ServiceContext } from "@/lib/context";
import { findingFiltersSchema, type FindingFilters, type FindingList } from "./schemas";
import { loadFindingCharts, loadFindingList, loadImportRows, type FindingCharts, type FindingImportRow } from "./internal";

export type FindingsPage = {
  findings: FindingList;
  charts: FindingCharts;
  filterOptions: { systems: { id: string; name: string }[]; tools: string[]; imports: { id: string; label: string }[] };
  recentImports: FindingImportRow[];
  /** Tests without any mapping to ATLAS or OWASP, to map on /findings/mappings. */
  unmappedTests: number;
  viewer: { canMap: boolean };
};

/** The organisation's findings page: the filtered list, the charts, the filter options and recent imports. */
export async function getFindingsPage({ ctx, input }: { ctx: ServiceContext; input: Unparsed<FindingFilters> }): Promise<FindingsPage> {
  assertCan(ctx, "inventory:read");
  const filters = parseInput(findingFiltersSchema, input);
  const client = ctx.tx ?? db;
  const [findings, charts, systems, tools, recentImports, unmapped] = await Promise.all([
    loadFindingList(client, ctx, filters),
    loadFindingCharts(client, ctx, filters.systemId ?? null),
    client.aISystem.findMany({
      where: { orgId: ctx.orgId, OR: [{ findings: { some: {} } }, { findingImports: { some: {} } }] },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    client.finding.findMany({ where: { orgId: ctx.orgId }, select: { tool: true }, distinct: ["tool"], orderBy: { tool: "asc" } }),
    loadImportRows(client, ctx, filters.systemId ?? null, 50),
    client.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM (
        SELECT DISTINCT lower(t.tool), t."testId" FROM "TestResult" t
        WHERE t."orgId" = ${ctx.orgId} AND cardinality(t."techniqueIds") = 0 AND cardinality(t."owaspIds") = 0
          AND NOT EXISTS (SELECT 1 FROM "TestMapping" m WHERE m."orgId" = t."orgId" AND lower(m.tool) = lower(t.tool) AND m."testId" = t."testId")
      ) AS unmapped`,
  ]);
  return {
    findings,
    charts,
    filterOptions: {
      systems,
      tools: tools.map((row) => row.tool),
      imports: recentImports
        .filter((row) => row.status === "completed")
        .map((row) => ({ id: row.id, label: `${row.fileName || row.tool || "import"} · ${row.createdAt.slice(0, 16).replace("T", " ")}` })),
    },
    recentImports,
    unmappedTests: unmapped[0]?.count ?? 0,
    viewer: { canMap: can(ctx.actor, "finding:map") },
  };
}
