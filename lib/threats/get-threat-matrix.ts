import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import { getAtlasView } from "@/lib/atlas/get-atlas-view";
import type { AtlasSource } from "@/lib/atlas/schemas";
import { getRiskMatrix } from "@/lib/risks/get-risk-matrix";
import { listTechniqueRiskLevels } from "@/lib/risks/list-technique-risk-levels";
import type { RiskLevel } from "@/lib/risks/risk-matrix";
import { buildAtlasMatrix, type AtlasMatrix } from "./build-atlas-matrix";
import { listThreatProfileSummaries } from "./list-threat-profile-summaries";
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
};

/**
 * Everything the ATLAS matrix page shows, in a fixed number of queries whatever the catalog size:
 * the organisation's current catalog laid out as a matrix, overlaid with the risk levels of one
 * system (and its profile outlined) or of the whole organisation (every active profile outlined).
 */
export async function getThreatMatrix({ ctx, input }: { ctx: ServiceContext; input: Record<string, unknown> }): Promise<ThreatMatrixPage> {
  assertCan(ctx, "inventory:read");
  const query = threatMatrixQuerySchema.parse(input);
  const [view, riskMatrix, summaries] = await Promise.all([getAtlasView({ ctx }), getRiskMatrix({ ctx }), listThreatProfileSummaries({ ctx })]);
  const selected = query.system ? summaries.find((s) => s.systemId === query.system) : undefined;
  const overlay: ThreatMatrixPage["overlay"] = selected
    ? { kind: "system", systemId: selected.systemId, name: selected.name, entryCount: selected.entryCount }
    : query.overlay === "org" && !query.system
      ? { kind: "org", profiledSystems: summaries.filter((s) => s.entryCount > 0).length }
      : { kind: "none" };
  const riskLevels = overlay.kind === "none" ? [] : await listTechniqueRiskLevels({ ctx, input: { systemId: overlay.kind === "system" ? overlay.systemId : undefined } });
  const profileTechniqueIds = overlay.kind === "system" ? selected!.techniqueIds : overlay.kind === "org" ? summaries.flatMap((s) => s.techniqueIds) : [];
  return {
    source: view.source,
    matrix: buildAtlasMatrix({ catalog: view, riskLevels, profileTechniqueIds }),
    levels: riskMatrix.levels,
    systems: summaries.map((s) => ({ id: s.systemId, name: s.name, entryCount: s.entryCount })),
    overlay,
    unknownSystem: query.system !== undefined && !selected,
  };
}
