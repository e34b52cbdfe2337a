import { describe, expect, it } from "vitest";
import { DEFAULT_RISK_MATRIX, riskMatrixSchema, type RiskMatrix } from "./risk-matrix";
import { levelForScore, levelRange, levelRanges, RATINGS, scoreMatrixCells, scoreRisk, scoreRiskOrNull } from "./score-risk";

const threeBands: RiskMatrix = {
  ...DEFAULT_RISK_MATRIX,
  levels: [
    { key: "green", label: "Green", minScore: 1, color: "#00ff00" },
    { key: "amber", label: "Amber", minScore: 8, color: "#ffaa00" },
    { key: "red", label: "Red", minScore: 15, color: "#ff0000" },
  ],
};

describe("scoreRisk", () => {
  it("scores likelihood × impact into the default bands", () => {
    expect(scoreRisk(DEFAULT_RISK_MATRIX, 1, 1)).toMatchObject({ score: 1, level: { key: "low" } });
    expect(scoreRisk(DEFAULT_RISK_MATRIX, 1, 4)).toMatchObject({ score: 4, level: { key: "low" } });
    expect(scoreRisk(DEFAULT_RISK_MATRIX, 1, 5)).toMatchObject({ score: 5, level: { key: "medium" } });
    expect(scoreRisk(DEFAULT_RISK_MATRIX, 3, 3)).toMatchObject({ score: 9, level: { key: "medium" } });
    expect(scoreRisk(DEFAULT_RISK_MATRIX, 2, 5)).toMatchObject({ score: 10, level: { key: "high" } });
    expect(scoreRisk(DEFAULT_RISK_MATRIX, 4, 4)).toMatchObject({ score: 16, level: { key: "high" } });
    expect(scoreRisk(DEFAULT_RISK_MATRIX, 5, 4)).toMatchObject({ score: 20, level: { key: "critical" } });
    expect(scoreRisk(DEFAULT_RISK_MATRIX, 5, 5)).toMatchObject({ score: 25, level: { key: "critical" } });
  });

  it("refuses ratings outside 1..5 or fractional ones", () => {
    expect(() => scoreRisk(DEFAULT_RISK_MATRIX, 0, 3)).toThrow(RangeError);
    expect(() => scoreRisk(DEFAULT_RISK_MATRIX, 3, 6)).toThrow(RangeError);
    expect(() => scoreRisk(DEFAULT_RISK_MATRIX, 2.5, 3)).toThrow(RangeError);
  });

  it("levelForScore is the band rule scoreRisk applies, for every score 1..25", () => {
    for (const cell of scoreMatrixCells(threeBands)) expect(levelForScore(threeBands, cell.score)).toEqual(cell.level);
    expect(levelForScore(DEFAULT_RISK_MATRIX, 17).key).toBe("critical");
    expect(() => levelForScore(DEFAULT_RISK_MATRIX, 0)).toThrow(RangeError);
    expect(() => levelForScore(DEFAULT_RISK_MATRIX, 26)).toThrow(RangeError);
  });

  it("scores an optional pair only when both ratings are set", () => {
    expect(scoreRiskOrNull(DEFAULT_RISK_MATRIX, null, null)).toBeNull();
    expect(scoreRiskOrNull(DEFAULT_RISK_MATRIX, 3, null)).toBeNull();
    expect(scoreRiskOrNull(DEFAULT_RISK_MATRIX, undefined, 2)).toBeNull();
    expect(scoreRiskOrNull(DEFAULT_RISK_MATRIX, 3, 2)).toEqual(scoreRisk(DEFAULT_RISK_MATRIX, 3, 2));
  });
});

describe("scoreMatrixCells", () => {
  it("gives the 25 cells likelihood-major, each scored with scoreRisk", () => {
    const cells = scoreMatrixCells(threeBands);
    expect(cells).toHaveLength(25);
    expect(cells.map((c) => [c.likelihood, c.impact])).toEqual(RATINGS.flatMap((l) => RATINGS.map((i) => [l, i])));
    for (const cell of cells) expect(cell).toEqual(scoreRisk(threeBands, cell.likelihood, cell.impact));
  });
});

describe("levelRanges", () => {
  it("turns bands into contiguous inclusive ranges covering 1..25", () => {
    expect(levelRanges(DEFAULT_RISK_MATRIX)).toEqual([
      { key: "low", min: 1, max: 4 },
      { key: "medium", min: 5, max: 9 },
      { key: "high", min: 10, max: 16 },
      { key: "critical", min: 17, max: 25 },
    ]);
    expect(levelRange(threeBands, "amber")).toEqual({ key: "amber", min: 8, max: 14 });
    expect(levelRange(threeBands, "critical")).toBeUndefined();
  });

  it("agrees with scoreRisk on every cell, for the default and an edited matrix", () => {
    for (const matrix of [DEFAULT_RISK_MATRIX, threeBands]) {
      for (const cell of scoreMatrixCells(matrix)) {
        const inRange = levelRanges(matrix).filter((r) => cell.score >= r.min && cell.score <= r.max);
        expect(inRange.map((r) => r.key)).toEqual([cell.level.key]);
      }
    }
  });
});

describe("riskMatrixSchema", () => {
  it("accepts the default and refuses bands that do not start at 1, are unordered or repeat a key", () => {
    expect(riskMatrixSchema.safeParse(DEFAULT_RISK_MATRIX).success).toBe(true);
    const levels = DEFAULT_RISK_MATRIX.levels;
    expect(riskMatrixSchema.safeParse({ ...DEFAULT_RISK_MATRIX, levels: [{ ...levels[0], minScore: 2 }, levels[1]] }).success).toBe(false);
    expect(riskMatrixSchema.safeParse({ ...DEFAULT_RISK_MATRIX, levels: [levels[0], levels[2], levels[1]] }).success).toBe(false);
    expect(riskMatrixSchema.safeParse({ ...DEFAULT_RISK_MATRIX, levels: [levels[0], { ...levels[1], key: "low" }] }).success).toBe(false);
  });
});
