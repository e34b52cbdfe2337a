import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { parseInput, type Unparsed } from "@/lib/validation/parse-input";
import type { ServiceContext } from "@/lib/context";
import { systemViewerPermissions } from "@/lib/systems/viewer-permissions";
import { systemFindingsPageSchema, type FindingList, type SystemFindingsPageInput } from "./schemas";
import {
  loadAtlasCoverage,
  loadFindingCharts,
  loadFindingList,
  loadImportRows,
  type AtlasCoverage,
  type FindingCharts,
  type FindingImportRow,
} from "./internal";

export type SystemFindingsPage = {
  system: { id: string; name: string; archived: boolean };
  viewer: { canImportFindings: boolean; canTriageFindings: boolean };
  imports: FindingImportRow[];
  findings: FindingList;
  charts: FindingCharts;
  coverage: AtlasCoverage;
};

/** A system's Findings tab: its imports, its findings (filtered, paginated), charts and ATLAS coverage, and what the viewer may do. */
export async function getSystemFindingsPage({ ctx, input }: { ctx: ServiceContext; input: Unparsed<SystemFindingsPageInput> }): Promise<SystemFindingsPage> {
  assertCan(ctx, "inventory:read");
  const filters = parseInput(systemFindingsPageSchema, input);
  const client = ctx.tx ?? db;
  const system = await client.aISystem.findFirst({
    where: { id: filters.systemId, orgId: ctx.orgId },
    select: { id: true, name: true, ownerId: true, archivedAt: true },
  });
  if (!system) throw new AppError("NOT_FOUND", "AI system not found.");
  const [imports, findings, charts, coverage] = await Promise.all([
    loadImportRows(client, ctx, system.id),
    loadFindingList(client, ctx, filters),
    loadFindingCharts(client, ctx, system.id),
    loadAtlasCoverage(client, ctx, system.id),
  ]);
  const viewer = systemViewerPermissions(ctx.actor, { ownerId: system.ownerId, archived: system.archivedAt !== null });
  return {
    system: { id: system.id, name: system.name, archived: system.archivedAt !== null },
    viewer: { canImportFindings: viewer.canImportFindings, canTriageFindings: viewer.canTriageFindings },
    imports,
    findings,
    charts,
    coverage,
  };
}
