import type { RiskLevel, RiskMatrix } from "./risk-matrix";

export type RiskScore = { likelihood: number; impact: number; score: number; level: RiskLevel };

/**
 * THE scoring function: queries, pages, the API and exports all call this one, so a cell can never
 * be scored two ways. Likelihood and impact are 1..5 (their index + 1 in the matrix labels).
 */
export function scoreRisk(matrix: RiskMatrix, likelihood: number, impact: number): RiskScore {
  if (!Number.isInteger(likelihood) || likelihood < 1 || likelihood > 5) throw new RangeError(`likelihood must be 1..5, got ${likelihood}`);
  if (!Number.isInteger(impact) || impact < 1 || impact > 5) throw new RangeError(`impact must be 1..5, got ${impact}`);
  const score = likelihood * impact;
  return { likelihood, impact, score, level: levelForScore(matrix, score) };
}

/**
 * The level a score (1..25) falls in: the last band whose minScore it reaches. scoreRisk uses it; so
 * can code that only has a score (e.g. a maximum over several risks) instead of re-implementing bands.
 */
export function levelForScore(matrix: Pick<RiskMatrix, "levels">, score: number): RiskLevel {
  if (!Number.isInteger(score) || score < 1 || score > 25) throw new RangeError(`score must be 1..25, got ${score}`);
  let level = matrix.levels[0];
  for (const candidate of matrix.levels) if (score >= candidate.minScore) level = candidate;
  return level;
}

/** Score bands as SQL-friendly ranges, for filtering by level in queries with the same rule. */
export function levelRanges(matrix: RiskMatrix): { key: string; min: number; max: number }[] {
  return matrix.levels.map((l, i) => ({ key: l.key, min: l.minScore, max: (matrix.levels[i + 1]?.minScore ?? 26) - 1 }));
}

/** The five ratings of each axis, 1..5. */
export const RATINGS = [1, 2, 3, 4, 5] as const;

/** scoreRisk for an optional pair (a residual rating not assessed yet): null unless both are set. */
export function scoreRiskOrNull(matrix: RiskMatrix, likelihood: number | null | undefined, impact: number | null | undefined): RiskScore | null {
  if (likelihood == null || impact == null) return null;
  return scoreRisk(matrix, likelihood, impact);
}

/** All 25 cells scored with scoreRisk, likelihood-major (1/1, 1/2, … 5/5): heatmaps, the matrix page, the API. */
export function scoreMatrixCells(matrix: RiskMatrix): RiskScore[] {
  return RATINGS.flatMap((likelihood) => RATINGS.map((impact) => scoreRisk(matrix, likelihood, impact)));
}

/** The range of one level by key, or undefined for a key the matrix does not have. */
export function levelRange(matrix: RiskMatrix, key: string): { key: string; min: number; max: number } | undefined {
  return levelRanges(matrix).find((r) => r.key === key);
}
