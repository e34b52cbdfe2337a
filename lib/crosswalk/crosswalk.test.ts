import { describe, expect, it } from "vitest";
import { EVIDENCE_FRAMEWORK_IDS } from "@/lib/catalogs/frameworks";
import { getFrameworkItem } from "@/lib/catalogs/get-framework-item";
import { listFrameworkItems } from "@/lib/catalogs/list-framework-items";
import referenceData from "./data/reference-rows.json";
import { equivalentControls } from "./equivalent-controls";
import { listCrosswalk } from "./list-crosswalk";
import { PROJECT_ROWS } from "./project-rows";
import { relatedItems } from "./related-items";
import type { CrosswalkRow } from "./types";

const rows = listCrosswalk();
const label = (row: CrosswalkRow) => `${row.from.framework}:${row.from.id} ${row.relation} ${row.to.framework}:${row.to.id}`;

describe("crosswalk rows", () => {
  it("has reference rows (ATLAS mitigations, IBM SSSOM) and project rows", () => {
    const bySource = (predicate: (row: CrosswalkRow) => boolean) => rows.filter(predicate).length;
    expect(bySource((r) => r.source.kind === "reference" && r.source.file === "atlas/ATLAS.yaml")).toBe(244);
    expect(bySource((r) => r.source.kind === "reference" && r.source.file === "ibm-ai-atlas-nexus/owasp_asi2owasp_llm.tsv")).toBe(23);
    expect(bySource((r) => r.source.kind === "project")).toBe(PROJECT_ROWS.length);
    expect(PROJECT_ROWS.length).toBeGreaterThanOrEqual(50);
    expect(rows.length).toBe(referenceData.rows.length + PROJECT_ROWS.length);
  });

  it("every row has a source: a reference file with detail, or a project rationale", () => {
    for (const row of rows) {
      const source = row.source as { kind?: string; file?: string; detail?: string; rationale?: string } | undefined;
      expect(source, label(row)).toBeDefined();
      if (source!.kind === "reference") {
        expect(source!.file, label(row)).toMatch(/^[\w.-]+\/[\w.-]+$/);
        expect(source!.detail?.length ?? 0, label(row)).toBeGreaterThan(10);
      } else {
        expect(source!.kind, label(row)).toBe("project");
      }
    }
  });

  it("every id on both sides exists in its catalog", () => {
    for (const row of rows) {
      expect(getFrameworkItem(row.from.framework, row.from.id), `from ${label(row)}`).not.toBeNull();
      expect(getFrameworkItem(row.to.framework, row.to.id), `to ${label(row)}`).not.toBeNull();
    }
  });

  it("project rows carry a specific rationale of more than 30 characters, one sentence each", () => {
    const rationales = new Set<string>();
    for (const row of PROJECT_ROWS) {
      expect(row.source.kind, label(row)).toBe("project");
      if (row.source.kind !== "project") continue;
      expect(row.source.rationale.length, label(row)).toBeGreaterThan(30);
      expect(row.source.rationale, label(row)).toMatch(/^[A-Z].*\.$/);
      expect(rationales.has(row.source.rationale), `duplicate rationale: ${label(row)}`).toBe(false);
      rationales.add(row.source.rationale);
    }
  });

  it("links no item to itself and no pair twice (in either direction)", () => {
    const seen = new Set<string>();
    for (const row of rows) {
      const a = `${row.from.framework}:${row.from.id}`;
      const b = `${row.to.framework}:${row.to.id}`;
      expect(a, label(row)).not.toBe(b);
      const pair = [a, b].sort().join(" | ");
      expect(seen.has(pair), `pair twice: ${label(row)}`).toBe(false);
      seen.add(pair);
    }
  });

  it("uses 'mitigates' only from ATLAS mitigations to ATLAS techniques", () => {
    for (const row of rows.filter((r) => r.relation === "mitigates")) {
      expect([row.from.framework, row.to.framework], label(row)).toEqual(["atlas_mitigation", "atlas_technique"]);
    }
  });

  it("covers the correspondences the dashboard relies on", () => {
    const has = (from: string, to: string) => rows.some((r) => `${r.from.framework}:${r.from.id}` === from && `${r.to.framework}:${r.to.id}` === to);
    expect(has("owasp_llm_2025:LLM01:2025", "atlas_technique:AML.T0051")).toBe(true);
    expect(has("owasp_llm_2025:LLM03:2025", "atlas_technique:AML.T0010")).toBe(true);
    expect(has("owasp_llm_2025:LLM04:2025", "atlas_technique:AML.T0020")).toBe(true);
    expect(has("owasp_llm_2025:LLM10:2025", "atlas_technique:AML.T0029")).toBe(true);
    expect(has("owasp_llm_2025:LLM10:2025", "atlas_technique:AML.T0034")).toBe(true);
    expect(has("iso42001:A.6.2.8", "eu_ai_act:Art 12")).toBe(true);
    expect(has("iso42001:A.6.2.7", "eu_ai_act:Art 11")).toBe(true);
    expect(has("atlas_mitigation:AML.M0015", "atlas_technique:AML.T0015")).toBe(true);
    expect(has("owasp_agentic_2026:ASI01:2026", "owasp_llm_2025:LLM01:2025")).toBe(true);
  });

  it("keeps the SSSOM predicate and confidence of IBM's rows", () => {
    const row = rows.find((r) => r.from.id === "ASI02:2026" && r.to.id === "LLM06:2025")!;
    expect(row.relation).toBe("related");
    expect(row.source).toMatchObject({
      kind: "reference",
      file: "ibm-ai-atlas-nexus/owasp_asi2owasp_llm.tsv",
      detail: expect.stringMatching(/skos:narrowMatch, confidence 0\.90/),
    });
  });
});

describe("relatedItems", () => {
  it("finds rows in both directions, with the other side's title, grouped by framework", () => {
    const fromIso = relatedItems({ framework: "iso42001", id: "A.6.2.8" });
    const eu = fromIso.find((g) => g.framework === "eu_ai_act")!;
    expect(eu.frameworkName).toBe("EU AI Act");
    expect(eu.items.map((i) => i.id)).toEqual(["Art 12", "Art 19"]);
    expect(eu.items[0]).toMatchObject({
      title: "Record-keeping",
      relation: "supports",
      direction: "outgoing",
      href: "/controls/eu_ai_act/Art%2012",
      source: { kind: "project" },
    });
    expect(fromIso.find((g) => g.framework === "atlas_mitigation")!.items[0]).toMatchObject({
      id: "AML.M0024",
      title: "AI Telemetry Logging",
      direction: "incoming",
    });

    const fromEu = relatedItems({ framework: "eu_ai_act", id: "Art 12" });
    expect(fromEu.find((g) => g.framework === "iso42001")!.items).toEqual([
      expect.objectContaining({ id: "A.6.2.8", title: "AI system recording of event logs", relation: "supports", direction: "incoming" }),
    ]);
  });

  it("groups in framework order and lists items in catalog order", () => {
    const groups = relatedItems({ framework: "atlas_technique", id: "AML.T0051" });
    expect(groups.map((g) => g.framework)).toEqual(["owasp_llm_2025", "atlas_mitigation"]);
    const mitigations = groups[1].items.map((i) => i.id);
    expect(mitigations).toEqual([...mitigations].sort());
    expect(mitigations).toContain("AML.M0020");
    expect(groups[1].items.every((i) => i.relation === "mitigates" && i.direction === "incoming")).toBe(true);
  });

  it("is empty for an item without rows", () => {
    expect(relatedItems({ framework: "iso42001", id: "A.4.3" })).toEqual([]);
  });

  it("agrees with the rows in both directions for every item", () => {
    for (const row of rows) {
      const out = relatedItems(row.from).find((g) => g.framework === row.to.framework)!.items;
      expect(
        out.some((i) => i.id === row.to.id && i.direction === "outgoing"),
        label(row),
      ).toBe(true);
      const back = relatedItems(row.to).find((g) => g.framework === row.from.framework)!.items;
      expect(
        back.some((i) => i.id === row.from.id && i.direction === "incoming"),
        label(row),
      ).toBe(true);
    }
  });
});

describe("equivalentControls", () => {
  const controls = EVIDENCE_FRAMEWORK_IDS.flatMap((framework) => listFrameworkItems(framework).map((item) => ({ framework, id: item.id })));

  it("is symmetric over every ISO/IEC 42001, EU AI Act and NIST AI RMF item", () => {
    for (const a of controls) {
      for (const b of equivalentControls(a)) {
        const back = equivalentControls({ framework: b.framework, id: b.id });
        expect(
          back.some((c) => c.framework === a.framework && c.id === a.id),
          `${a.framework}:${a.id} → ${b.framework}:${b.id}`,
        ).toBe(true);
      }
    }
  });

  it("follows equivalent and supports rows both ways, never related ones, and never returns the item itself", () => {
    const forLogs = equivalentControls({ framework: "iso42001", id: "A.6.2.8" });
    expect(forLogs.map((c) => `${c.framework}:${c.id}:${c.hops}`)).toEqual(["eu_ai_act:Art 12:1", "eu_ai_act:Art 19:1"]);
    const forArt12 = equivalentControls({ framework: "eu_ai_act", id: "Art 12" });
    expect(forArt12.map((c) => c.id)).toEqual(["A.6.2.8"]);
    // A.9.2 → Art 14 is "related": no evidence reuse
    expect(equivalentControls({ framework: "eu_ai_act", id: "Art 14" }).some((c) => c.id === "A.9.2")).toBe(false);
    for (const a of controls) expect(equivalentControls(a).some((c) => c.framework === a.framework && c.id === a.id)).toBe(false);
  });

  it("takes one extra hop only through an equivalent row", () => {
    // A.6.2.6 ≡ MEASURE 2.4, MEASURE 2.4 supports Art 72 → Art 72 is reachable from A.6.2.6 directly anyway;
    // MEASURE 2.4 reaches Art 26 through A.6.2.6 (equivalent + supports) in two hops.
    const forMeasure = equivalentControls({ framework: "nist_ai_rmf", id: "MEASURE 2.4" });
    expect(forMeasure.find((c) => c.id === "Art 26")).toMatchObject({ hops: 2, via: { framework: "iso42001", id: "A.6.2.6" } });
    expect(forMeasure.find((c) => c.id === "A.6.2.6")).toMatchObject({ hops: 1, via: null });
    // two "supports" rows do not chain: A.5.2 → Art 9 ← MANAGE 1.3
    expect(equivalentControls({ framework: "iso42001", id: "A.5.2" }).some((c) => c.id === "MANAGE 1.3")).toBe(false);
    // ATLAS and OWASP items never take part
    expect(equivalentControls({ framework: "iso42001", id: "A.7.5" }).every((c) => ["iso42001", "eu_ai_act", "nist_ai_rmf"].includes(c.framework))).toBe(true);
  });
});
