import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import { getAtlasView } from "@/lib/atlas/get-atlas-view";
import type { AtlasSource } from "@/lib/atlas/schemas";
import { getRiskMatrix } from "@/lib/risks/get-risk-matrix";
import { listTechniqueRiskLevels } from "@/lib/risks/list-technique-risk-levels";
import type { RiskLevel } from "@/lib/risks/risk-matrix";
import { getAtlasCoverage } from "@/lib/findings/get-atlas-coverage";
import { buildAtlasMatrix, type AtlasMatrix } from "./build-atlas-matrix";
import { listProfiledTechniqueIds, listThreatProfileSummaries } from "./list-threat-profile-summaries";
import { threatMatrixQuerySchema } from "./schemas";

export type ThreatMatrixPage = {
  source: AtlasSource;
  matrix: AtlasMatrix;
  /** The organisation's risk-matrix levels (legend). */
  levels: RiskLevel[];
  /** Active systems for the overlay picker. */
  systems: { id: string; name: string; entryCount: number }[];
  overlay: { kind: "none" } | { kind: "org"; profiledSystems: number } | { kind: "system"; systemId: string; name: string; entryCount: number };
  /** `?system=` named no active system of the organisation. */
  unknownSystem: boolean;
  /** `&coverage=findings` with a system (or `overlay=org`: the organisation's): ATLAS coverage by imported scanner tests and open findings (lib/findings), else null. */
  coverage: Awaited<ReturnType<typeof getAtlasCoverage>> | null;
};

/**
 * Everything the ATLAS matrix page shows, in a fixed number of queries whatever the catalog size:
 * the organisation's current catalog laid out as a matrix, overlaid with the risk levels of one
 * system (and its profile outlined) or of the whole organisation (every active profile outlined).
 */
export async function getThreatMatrix({ ctx, input }: { ctx: ServiceContext; input: Record<string, unknown> }): Promise<ThreatMatrixPage> {
  assertCan(ctx, "inventory:read");
  const query = threatMatrixQuerySchema.parse(input);
  // the organisation overlay needs no system lookup first: its queries run together with the rest
  const orgOverlay = query.overlay === "org" && !query.system;
  const [view, riskMatrix, summaries, orgLevels, orgTechniqueIds, orgCoverage] = await Promise.all([
    getAtlasView({ ctx }),
    getRiskMatrix({ ctx }),
    listThreatProfileSummaries({ ctx }),
    orgOverlay ? listTechniqueRiskLevels({ ctx, input: {} }) : null,
    orgOverlay ? listProfiledTechniqueIds({ ctx, input: {} }) : null,
    orgOverlay && query.coverage === "findings" ? getAtlasCoverage({ ctx, input: {} }) : null,
  ]);
  const selected = query.system ? summaries.find((s) => s.systemId === query.system) : undefined;
  const overlay: ThreatMatrixPage["overlay"] = selected
    ? { kind: "system", systemId: selected.systemId, name: selected.name, entryCount: selected.entryCount }
    : orgOverlay
      ? { kind: "org", profiledSystems: summaries.filter((s) => s.entryCount > 0).length }
      : { kind: "none" };
  const [riskLevels, profileTechniqueIds, coverage] = selected
    ? await Promise.all([
        listTechniqueRiskLevels({ ctx, input: { systemId: selected.systemId } }),
        listProfiledTechniqueIds({ ctx, input: { systemId: selected.systemId } }),
        query.coverage === "findings" ? getAtlasCoverage({ ctx, input: { systemId: selected.systemId } }) : null,
      ])
    : [orgLevels ?? [], orgTechniqueIds ?? [], orgCoverage];
  return {
    source: view.source,
    matrix: buildAtlasMatrix({ catalog: view, riskLevels, profileTechniqueIds }),
    levels: riskMatrix.levels,
    systems: summaries.map((s) => ({ id: s.systemId, name: s.name, entryCount: s.entryCount })),
    overlay,
    unknownSystem: query.system !== undefined && !selected,
    coverage,
  };
}
