import { describe, expect, it } from "vitest";
import { getAtlasCatalog } from "@/lib/catalogs/get-atlas-catalog";
import { DEFAULT_RISK_MATRIX } from "@/lib/risks/risk-matrix";
import { scoreRisk } from "@/lib/risks/score-risk";
import { AppError } from "@/lib/errors";
import { buildNavigatorLayer, LAYER_VERSIONS, navigatorLayerOutputSchema, UNSCORED_COLOR, type LayerEntry, type NavigatorLayer } from "./build-navigator-layer";
import { selectLayerTechniques } from "./select-layer-techniques";
import { readReference } from "@/tests/reference-data";

const catalog = getAtlasCatalog();
const known = new Set(catalog.techniques.map((t) => t.id));
const slugs = new Set(catalog.tactics.map((t) => t.shortName));
const levels = DEFAULT_RISK_MATRIX.levels;

// The reference layer published by MITRE (mitre-atlas/atlas-navigator-data), read from the reference
// data set, never copied into the repository.

function riskOf(likelihood: number, impact: number): LayerEntry["risk"] {
  const s = scoreRisk(DEFAULT_RISK_MATRIX, likelihood, impact);
  return { maxScore: s.score, level: { label: s.level.label, color: s.level.color }, riskCount: 1 };
}

const ENTRIES: LayerEntry[] = [
  { techniqueId: "AML.T0051", comment: "Public chatbot: prompts come from anyone on the internet.", risk: riskOf(4, 5) },
  { techniqueId: "AML.T0051.001", comment: "Retrieved product pages may carry instructions.", risk: riskOf(2, 3) },
  { techniqueId: "AML.T0012", comment: "Admin console accounts of the vendor.", risk: null },
  { techniqueId: "AML.T0010.003", comment: "Model weights come from Hugging Face.", risk: riskOf(1, 2) },
];

function build(entries: LayerEntry[] = ENTRIES): NavigatorLayer {
  return buildNavigatorLayer({
    name: "Chatbot – threat profile",
    description: "test",
    catalog,
    entries,
    levels,
    metadata: [
      { name: "organisation", value: "Acme" },
      { name: "exported_at", value: "2026-01-01T00:00:00.000Z" },
    ],
  });
}

function jsonType(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
}

describe("buildNavigatorLayer", () => {
  const layer = build();
  const forId = (id: string) => layer.techniques.filter((t) => t.techniqueID === id);

  it("is an ATLAS Navigator 4.x layer with the versions ATLAS publishes its own layers with", () => {
    expect(navigatorLayerOutputSchema.parse(layer)).toEqual(layer);
    expect(layer.versions).toEqual({ layer: "4.3", navigator: "4.6.4" });
    expect(layer.domain).toBe("atlas-atlas");
    expect(layer.metadata).toContainEqual({ name: "organisation", value: "Acme" });
  });

  it("places each technique in every one of its tactics, by the tactic's Navigator slug", () => {
    for (const t of layer.techniques) expect(slugs, t.tactic).toContain(t.tactic);
    // Valid Accounts is in Initial Access and Privilege Escalation
    expect(
      forId("AML.T0012")
        .map((t) => t.tactic)
        .sort(),
    ).toEqual(["initial-access", "privilege-escalation"]);
    // a sub-technique carries its parent's tactics
    expect(forId("AML.T0051.001").map((t) => t.tactic)).toEqual(["execution"]);
  });

  it("scores by the highest risk (0–25) and colours by its matrix level; the comment is the rationale", () => {
    const [injection] = forId("AML.T0051");
    expect(injection).toMatchObject({ score: 20, color: "#b91c1c", comment: ENTRIES[0].comment, enabled: true });
    expect(injection.metadata).toContainEqual({ name: "risk level", value: "Critical" });
    expect(forId("AML.T0051.001")[0]).toMatchObject({ score: 6, color: "#ca8a04" });
    const [unscored] = forId("AML.T0012");
    expect(unscored.score).toBeUndefined();
    expect(unscored.color).toBe(UNSCORED_COLOR);
  });

  it("expands parents of listed sub-techniques, adding a bare parent entry when the parent is not listed", () => {
    expect(forId("AML.T0051")[0].showSubtechniques).toBe(true);
    expect(forId("AML.T0012").every((t) => t.showSubtechniques === false)).toBe(true);
    const [supplyChain] = forId("AML.T0010");
    expect(supplyChain).toEqual({ techniqueID: "AML.T0010", tactic: "initial-access", enabled: true, showSubtechniques: true, metadata: [] });
  });

  it("has a 0..25 gradient giving each integer score its matrix colour, and a legend of the matrix levels", () => {
    expect(layer.gradient).toMatchObject({ minValue: 0, maxValue: 25 });
    expect(layer.gradient.colors).toHaveLength(26);
    for (let score = 1; score <= 25; score += 1) {
      const level = levels.filter((l) => score >= l.minScore).at(-1)!;
      expect(layer.gradient.colors[score]).toBe(level.color);
    }
    expect(layer.legendItems.map((l) => l.label)).toEqual([
      "Low (1–4)",
      "Medium (5–9)",
      "High (10–16)",
      "Critical (17–25)",
      "In the threat profile, no risk scored",
    ]);
  });

  it("leaves out techniques the catalog does not have", () => {
    const withGone = build([...ENTRIES, { techniqueId: "AML.T9999", comment: "Gone from the release.", risk: null }]);
    expect(withGone.techniques.some((t) => t.techniqueID === "AML.T9999")).toBe(false);
  });
});

describe("the exported layer against MITRE's reference layer (atlas_layer_matrix.json)", () => {
  const reference = JSON.parse(readReference("atlas/atlas_layer_matrix.json")) as Record<string, unknown> & { techniques: Record<string, unknown>[] };
  const layer = build() as unknown as Record<string, unknown> & { techniques: Record<string, unknown>[] };

  it("has every top-level key of the reference, with the same JSON type and the same versions and domain", () => {
    for (const [key, value] of Object.entries(reference)) {
      expect(layer, key).toHaveProperty(key);
      expect(jsonType(layer[key]), key).toBe(jsonType(value));
    }
    expect(layer.versions).toEqual(reference.versions);
    expect(layer.versions).toEqual(LAYER_VERSIONS);
    expect(layer.domain).toBe(reference.domain);
  });

  it("gives technique entries the reference's keys with the same types", () => {
    const referenceKeyTypes = new Map<string, string>();
    for (const t of reference.techniques) for (const [key, value] of Object.entries(t)) referenceKeyTypes.set(key, jsonType(value));
    expect([...referenceKeyTypes.keys()].sort()).toEqual(["color", "showSubtechniques", "tactic", "techniqueID"]);
    for (const t of layer.techniques) {
      // techniqueID, tactic and showSubtechniques always; color on every marked entry (a bare expanded parent has none, as Navigator allows)
      for (const key of ["techniqueID", "tactic", "showSubtechniques"]) expect(jsonType(t[key]), `${t.techniqueID}.${key}`).toBe(referenceKeyTypes.get(key));
      for (const [key, type] of referenceKeyTypes) if (key in t) expect(jsonType(t[key]), `${t.techniqueID}.${key}`).toBe(type);
      if ("comment" in t) expect(jsonType(t.color)).toBe("string");
    }
  });

  it("uses the same tactic slugs and technique ids as the reference (built from the same ATLAS release)", () => {
    const referenceSlugs = new Set(reference.techniques.map((t) => t.tactic).filter(Boolean));
    expect([...referenceSlugs].sort()).toEqual([...slugs].sort());
    expect(new Set(reference.techniques.map((t) => t.techniqueID))).toEqual(known);
  });

  it("imports the reference layer (every technique is coloured) as all 170 techniques", () => {
    const selection = selectLayerTechniques(reference, known, catalog.version);
    expect(selection.selected).toHaveLength(catalog.techniques.length);
    expect(selection.layerName).toBe("ATLAS Matrix");
  });
});

describe("selectLayerTechniques", () => {
  it("round-trips: what an export marks is what an import selects, with the rationale as comment", () => {
    const exported = JSON.parse(JSON.stringify(build()));
    const selection = selectLayerTechniques(exported, known, catalog.version);
    expect(selection.selected.map((s) => s.techniqueId).sort()).toEqual(ENTRIES.map((e) => e.techniqueId).sort());
    for (const entry of ENTRIES) expect(selection.selected.find((s) => s.techniqueId === entry.techniqueId)?.comment).toBe(entry.comment);
    // the bare parent entry (AML.T0010, only expanded) marks nothing
    expect(selection.ignored).toBe(1);
    expect(selection.layerName).toBe("Chatbot – threat profile");
  });

  it("refuses a layer with unknown technique ids, naming each entry's path", () => {
    const layer = {
      name: "x",
      domain: "atlas-atlas",
      techniques: [{ techniqueID: "AML.T0051", score: 3 }, { techniqueID: "T1059", color: "#ff0000" }, { techniqueID: "AML.T0051.009" }],
    };
    let error: unknown;
    try {
      selectLayerTechniques(layer, known, catalog.version);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("VALIDATION");
    expect((error as AppError).issues.map((i) => i.path)).toEqual(["techniques.1.techniqueID", "techniques.2.techniqueID"]);
    expect((error as AppError).issues[0].message).toContain("T1059");
  });

  it("validates the layer's shape with field paths", () => {
    const cases: [unknown, string][] = [
      [{ techniques: "all" }, "techniques"],
      [{ techniques: [{ score: 1 }] }, "techniques.0.techniqueID"],
      [{ techniques: [{ techniqueID: "AML.T0051", score: "high" }] }, "techniques.0.score"],
      [{ techniques: [{ techniqueID: "AML.T0051", color: 5 }] }, "techniques.0.color"],
      [{ domain: "enterprise-attack", techniques: [] }, "domain"],
      [[], "(body)"],
    ];
    for (const [layer, expected] of cases) {
      try {
        selectLayerTechniques(layer, known, catalog.version);
        expect.unreachable(`accepted ${JSON.stringify(layer)}`);
      } catch (e) {
        expect((e as AppError).code).toBe("VALIDATION");
        expect((e as AppError).issues.map((i) => i.path)).toContain(expected);
      }
    }
  });

  it("selects by score above 0, colour or comment, merges entries per technique and skips disabled ones", () => {
    const selection = selectLayerTechniques(
      {
        techniques: [
          { techniqueID: "AML.T0012", tactic: "initial-access", score: 0 },
          { techniqueID: "AML.T0012", tactic: "privilege-escalation", score: 7, comment: "Stolen vendor credentials" },
          { techniqueID: "AML.T0029", color: "#ff0000" },
          { techniqueID: "AML.T0034", comment: "  " },
          { techniqueID: "AML.T0024", score: 12, enabled: false },
          { techniqueID: "AML.T0040", score: null },
        ],
        unknownNavigatorKey: { kept: true },
      },
      known,
      catalog.version,
    );
    expect(selection.selected).toEqual([
      { techniqueId: "AML.T0012", comment: "Stolen vendor credentials" },
      { techniqueId: "AML.T0029", comment: null },
    ]);
    expect(selection.disabled).toEqual(["AML.T0024"]);
    expect(selection.ignored).toBe(3);
    expect(selection.layerName).toBe("(unnamed)");
  });
});
