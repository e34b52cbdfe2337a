import { describe, expect, it } from "vitest";
import { diffAtlasReleases, isEmptyAtlasDiff, type AtlasDiffItem } from "./diff-atlas-releases";
import { compareAtlasVersions } from "./compare-atlas-versions";

const tactic = (id: string, name: string): AtlasDiffItem => ({ kind: "tactic", id, name, parentId: null, tacticIds: [] });
const technique = (id: string, name: string, tacticIds: string[]): AtlasDiffItem => ({ kind: "technique", id, name, parentId: null, tacticIds });
const sub = (id: string, name: string, parentId: string, tacticIds: string[]): AtlasDiffItem => ({ kind: "subtechnique", id, name, parentId, tacticIds });
const mitigation = (id: string, name: string): AtlasDiffItem => ({ kind: "mitigation", id, name, parentId: null, tacticIds: [] });
const caseStudy = (id: string, name: string): AtlasDiffItem => ({ kind: "case-study", id, name, parentId: null, tacticIds: [] });

const BASE: AtlasDiffItem[] = [
  tactic("AML.TA0002", "Reconnaissance"),
  tactic("AML.TA0003", "Resource Development"),
  technique("AML.T0000", "Search", ["AML.TA0002"]),
  sub("AML.T0000.000", "Journals", "AML.T0000", ["AML.TA0002"]),
  technique("AML.T0001", "Acquire", ["AML.TA0003"]),
  technique("AML.T0002", "Gone Soon", ["AML.TA0003"]),
  mitigation("AML.M0000", "Limit Release"),
  caseStudy("AML.CS0000", "A Case"),
];

describe("diffAtlasReleases", () => {
  it("two identical releases → nothing, in any order", () => {
    const diff = diffAtlasReleases(BASE, [...BASE].reverse());
    expect(diff).toEqual({ added: [], removed: [], renamed: [], moved: [] });
    expect(isEmptyAtlasDiff(diff)).toBe(true);
  });

  it("names exactly what was added, removed, renamed and moved", () => {
    const next = BASE.filter((o) => o.id !== "AML.T0002").map((o) => (o.id === "AML.T0001" ? { ...o, name: "Acquire Artifacts" } : o));
    next.push(technique("AML.T0099", "Brand New", ["AML.TA0002"]), mitigation("AML.M0001", "New Mitigation"));
    next[next.findIndex((o) => o.id === "AML.CS0000")] = caseStudy("AML.CS0000", "A Renamed Case");
    next[next.findIndex((o) => o.id === "AML.T0000")] = technique("AML.T0000", "Search", ["AML.TA0003"]);
    const diff = diffAtlasReleases(BASE, next);
    expect(diff).toEqual({
      added: [
        { kind: "technique", id: "AML.T0099", name: "Brand New" },
        { kind: "mitigation", id: "AML.M0001", name: "New Mitigation" },
      ],
      removed: [{ kind: "technique", id: "AML.T0002", name: "Gone Soon" }],
      renamed: [
        { kind: "technique", id: "AML.T0001", from: "Acquire", to: "Acquire Artifacts" },
        { kind: "case-study", id: "AML.CS0000", from: "A Case", to: "A Renamed Case" },
      ],
      moved: [{ kind: "technique", id: "AML.T0000", name: "Search", fromTactics: ["AML.TA0002"], toTactics: ["AML.TA0003"], fromParent: null, toParent: null }],
    });
  });

  it("a sub-technique that follows its parent to other tactics is not listed again", () => {
    const next = BASE.map((o) =>
      o.id === "AML.T0000"
        ? technique("AML.T0000", "Search", ["AML.TA0003"])
        : o.id === "AML.T0000.000"
          ? sub("AML.T0000.000", "Journals", "AML.T0000", ["AML.TA0003"])
          : o,
    );
    expect(diffAtlasReleases(BASE, next).moved.map((m) => m.id)).toEqual(["AML.T0000"]);
  });

  it("a sub-technique given another parent, and a technique becoming a sub-technique, are moved", () => {
    const next = BASE.map((o) =>
      o.id === "AML.T0000.000"
        ? sub("AML.T0000.000", "Journals", "AML.T0001", ["AML.TA0003"])
        : o.id === "AML.T0002"
          ? sub("AML.T0002", "Gone Soon", "AML.T0001", ["AML.TA0003"])
          : o,
    );
    expect(diffAtlasReleases(BASE, next).moved).toEqual([
      {
        kind: "subtechnique",
        id: "AML.T0000.000",
        name: "Journals",
        fromTactics: ["AML.TA0002"],
        toTactics: ["AML.TA0003"],
        fromParent: "AML.T0000",
        toParent: "AML.T0001",
      },
      {
        kind: "subtechnique",
        id: "AML.T0002",
        name: "Gone Soon",
        fromTactics: ["AML.TA0003"],
        toTactics: ["AML.TA0003"],
        fromParent: null,
        toParent: "AML.T0001",
      },
    ]);
  });

  it("the same tactics in another order is not a move", () => {
    const before = [technique("AML.T0005", "Two", ["AML.TA0002", "AML.TA0003"])];
    expect(diffAtlasReleases(before, [technique("AML.T0005", "Two", ["AML.TA0003", "AML.TA0002"])]).moved).toEqual([]);
  });

  it("an id that changed between incompatible kinds is removed and added", () => {
    const diff = diffAtlasReleases([mitigation("X.1", "Was a mitigation")], [caseStudy("X.1", "Now a case study")]);
    expect(diff.removed).toEqual([{ kind: "mitigation", id: "X.1", name: "Was a mitigation" }]);
    expect(diff.added).toEqual([{ kind: "case-study", id: "X.1", name: "Now a case study" }]);
  });

  it("from nothing, everything is added (sorted tactics → techniques → mitigations → case studies, then by id)", () => {
    expect(diffAtlasReleases([], BASE).added.map((o) => o.id)).toEqual([
      "AML.TA0002",
      "AML.TA0003",
      "AML.T0000",
      "AML.T0000.000",
      "AML.T0001",
      "AML.T0002",
      "AML.M0000",
      "AML.CS0000",
    ]);
  });
});

describe("compareAtlasVersions", () => {
  it("orders dotted versions numerically", () => {
    expect(["5.10.0", "4.9.1", "5.6.0", "5.6", "5.6.1"].sort(compareAtlasVersions)).toEqual(["4.9.1", "5.6.0", "5.6", "5.6.1", "5.10.0"]);
    expect(compareAtlasVersions("5.6", "5.6.0")).toBe(0);
    expect(compareAtlasVersions("5.7.0", "5.6.0")).toBe(1);
    expect(compareAtlasVersions("5.5.0", "5.6.0")).toBe(-1);
    expect(compareAtlasVersions("5.6.0-rc1", "5.6.0-rc2")).toBe(-1);
  });
});
