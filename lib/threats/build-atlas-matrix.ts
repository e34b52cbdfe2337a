import type { AtlasMatrixSource, AtlasTacticRef } from "./atlas-matrix-source";

// The ATLAS matrix as ATLAS Navigator lays it out: one column per tactic in the official order,
// a cell per technique in each of its tactics (sorted by name, as Navigator does), sub-techniques
// nested in their parent's cell. PURE, one pass over the catalog, so the page renders the whole
// matrix from data already in memory.

export type TechniqueRiskLevel = { techniqueId: string; maxScore: number; level: { key: string; label: string; color: string }; riskCount: number };

export type MatrixOverlay = {
  risk: { maxScore: number; level: { key: string; label: string; color: string }; riskCount: number } | null;
  inProfile: boolean;
};

export type MatrixTechnique = { id: string; name: string; overlay: MatrixOverlay };
export type MatrixCell = MatrixTechnique & {
  subtechniques: MatrixTechnique[];
  /** A sub-technique carries a risk or is in the profile: the collapsed parent says so. */
  hasMarkedSubtechnique: boolean;
};
export type MatrixColumn = { tactic: AtlasTacticRef; cells: MatrixCell[] };
export type AtlasMatrix = { columns: MatrixColumn[]; techniqueCount: number; subtechniqueCount: number };

export function buildAtlasMatrix({
  catalog,
  riskLevels = [],
  profileTechniqueIds = [],
}: {
  catalog: AtlasMatrixSource;
  riskLevels?: readonly TechniqueRiskLevel[];
  profileTechniqueIds?: Iterable<string>;
}): AtlasMatrix {
  const risks = new Map(riskLevels.map((r) => [r.techniqueId, r]));
  const profile = new Set(profileTechniqueIds);
  const overlayOf = (id: string): MatrixOverlay => {
    const risk = risks.get(id);
    return { risk: risk ? { maxScore: risk.maxScore, level: risk.level, riskCount: risk.riskCount } : null, inProfile: profile.has(id) };
  };
  const isMarked = (o: MatrixOverlay) => o.inProfile || o.risk !== null;

  const subsOf = new Map<string, MatrixTechnique[]>();
  for (const technique of catalog.techniques) {
    if (!technique.parentId) continue;
    const list = subsOf.get(technique.parentId) ?? [];
    list.push({ id: technique.id, name: technique.name, overlay: overlayOf(technique.id) });
    subsOf.set(technique.parentId, list);
  }

  const cellsByTactic = new Map<string, MatrixCell[]>(catalog.tactics.map((t) => [t.id, []]));
  let techniqueCount = 0;
  for (const technique of catalog.techniques) {
    if (technique.parentId) continue;
    techniqueCount += 1;
    const subtechniques = (subsOf.get(technique.id) ?? []).sort((a, b) => a.id.localeCompare(b.id));
    const cell: MatrixCell = {
      id: technique.id,
      name: technique.name,
      overlay: overlayOf(technique.id),
      subtechniques,
      hasMarkedSubtechnique: subtechniques.some((s) => isMarked(s.overlay)),
    };
    for (const tacticId of technique.tacticIds) cellsByTactic.get(tacticId)?.push(cell);
  }

  const byName = (a: MatrixCell, b: MatrixCell) => a.name.localeCompare(b.name, "en") || a.id.localeCompare(b.id);
  return {
    columns: catalog.tactics.map((tactic) => ({ tactic, cells: (cellsByTactic.get(tactic.id) ?? []).sort(byName) })),
    techniqueCount,
    subtechniqueCount: catalog.techniques.length - techniqueCount,
  };
}

export type TacticOverlaySummary = { tactic: AtlasTacticRef; marked: number };

/**
 * Per tactic, how many of its techniques and sub-techniques the overlay marks (in the profile or
 * carrying a risk), in matrix order, tactics with none left out. The matrix is wider than a screen,
 * so the page lists these as jump links to the columns.
 */
export function summarizeOverlayByTactic(matrix: AtlasMatrix): TacticOverlaySummary[] {
  const marked = (o: MatrixOverlay) => o.inProfile || o.risk !== null;
  return matrix.columns
    .map((column) => ({
      tactic: column.tactic,
      marked: column.cells.reduce((n, cell) => n + (marked(cell.overlay) ? 1 : 0) + cell.subtechniques.filter((s) => marked(s.overlay)).length, 0),
    }))
    .filter((summary) => summary.marked > 0);
}
