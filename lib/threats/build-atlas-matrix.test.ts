import { describe, expect, it } from "vitest";
import { getAtlasCatalog } from "@/lib/catalogs/get-atlas-catalog";
import { buildAtlasMatrix, summarizeOverlayByTactic } from "./build-atlas-matrix";

const catalog = getAtlasCatalog();
const high = { key: "high", label: "High", color: "#ea580c" };

describe("buildAtlasMatrix", () => {
  const matrix = buildAtlasMatrix({
    catalog,
    riskLevels: [
      { techniqueId: "AML.T0051", maxScore: 12, level: high, riskCount: 2 },
      { techniqueId: "AML.T0010.003", maxScore: 12, level: high, riskCount: 1 },
    ],
    profileTechniqueIds: ["AML.T0051", "AML.T0012"],
  });

  it("has one column per tactic in the official order", () => {
    expect(matrix.columns.map((c) => c.tactic.id)).toEqual(catalog.tactics.map((t) => t.id));
    expect(matrix.columns[0].tactic.name).toBe("Reconnaissance");
  });

  it("counts the catalog's techniques and sub-techniques", () => {
    expect(matrix.techniqueCount + matrix.subtechniqueCount).toBe(catalog.techniques.length);
    expect(matrix.techniqueCount).toBe(catalog.techniques.filter((t) => !t.parentId).length);
  });

  it("shows a technique in every one of its tactics and nests sub-techniques in its cell", () => {
    const columnsWith = (id: string) => matrix.columns.filter((c) => c.cells.some((cell) => cell.id === id)).map((c) => c.tactic.shortName);
    expect(columnsWith("AML.T0015")).toEqual(["initial-access", "defense-evasion", "impact"]);
    const injection = matrix.columns.flatMap((c) => c.cells).find((cell) => cell.id === "AML.T0051")!;
    expect(injection.subtechniques.map((s) => s.id)).toEqual(["AML.T0051.000", "AML.T0051.001", "AML.T0051.002"]);
    // sub-techniques never appear as cells of their own
    expect(matrix.columns.flatMap((c) => c.cells).some((cell) => cell.id.split(".").length > 2)).toBe(false);
  });

  it("sorts cells by name within a column, as ATLAS Navigator does", () => {
    for (const column of matrix.columns) {
      const names = column.cells.map((c) => c.name);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en")));
    }
  });

  it("overlays risk levels and profile membership, and flags parents of marked sub-techniques", () => {
    const cells = matrix.columns.flatMap((c) => c.cells);
    const injection = cells.find((c) => c.id === "AML.T0051")!;
    expect(injection.overlay).toEqual({ risk: { maxScore: 12, level: high, riskCount: 2 }, inProfile: true });
    expect(cells.filter((c) => c.id === "AML.T0012").every((c) => c.overlay.inProfile && c.overlay.risk === null)).toBe(true);
    const supplyChain = cells.find((c) => c.id === "AML.T0010")!;
    expect(supplyChain.overlay.risk).toBeNull();
    expect(supplyChain.hasMarkedSubtechnique).toBe(true);
    expect(supplyChain.subtechniques.find((s) => s.id === "AML.T0010.003")!.overlay.risk?.maxScore).toBe(12);
    expect(cells.find((c) => c.id === "AML.T0000")!.hasMarkedSubtechnique).toBe(false);
  });

  it("summarises the marked techniques per tactic, in matrix order, for jump links", () => {
    const summary = summarizeOverlayByTactic(matrix);
    const byTactic = Object.fromEntries(summary.map((s) => [s.tactic.shortName, s.marked]));
    const tacticsOf = (id: string) => catalog.techniques.find((t) => t.id === id)!.tacticIds;
    const expected: Record<string, number> = {};
    for (const id of ["AML.T0051", "AML.T0010.003", "AML.T0012"]) {
      for (const tacticId of tacticsOf(id)) {
        const shortName = catalog.tactics.find((t) => t.id === tacticId)!.shortName;
        expected[shortName] = (expected[shortName] ?? 0) + 1;
      }
    }
    expect(byTactic).toEqual(expected);
    const order = catalog.tactics.map((t) => t.shortName);
    expect(summary.map((s) => order.indexOf(s.tactic.shortName))).toEqual([...summary.map((s) => order.indexOf(s.tactic.shortName))].sort((a, b) => a - b));
    expect(summarizeOverlayByTactic(buildAtlasMatrix({ catalog, riskLevels: [], profileTechniqueIds: [] }))).toEqual([]);
  });
});
