import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { buildCatalogFiles, REPO_ROOT } from "@/scripts/build-catalogs";
import { getAtlasCatalog } from "@/lib/catalogs/get-atlas-catalog";
import { getEuAiActCatalog } from "@/lib/catalogs/get-eu-ai-act-catalog";
import { getIso42001Catalog } from "@/lib/catalogs/get-iso42001-catalog";
import { getNistAiRmfCatalog } from "@/lib/catalogs/get-nist-ai-rmf-catalog";
import { getOwaspCatalog } from "@/lib/catalogs/get-owasp-catalog";
import { mapGarakOwaspTag } from "@/lib/catalogs/map-garak-owasp-tag";
import { readReference, REFERENCE_DIR } from "@/tests/reference-data";

// Two layers: the committed catalogs must be internally consistent (always checked), and they must
// say what the reference files say (checked whenever the reference set is present: REFERENCE_DATA_DIR,
// default ../shared/reference next to the repository). The reference files are read here with their
// own parsers, independently of scripts/build-catalogs.ts, except for the reproducibility check.

const atlas = getAtlasCatalog();

describe("built-in catalogs: internal consistency", () => {
  it("ATLAS 5.6.0 has 16 tactics, 101 techniques + 69 sub-techniques, 35 mitigations, 57 case studies", () => {
    expect(atlas.version).toBe("5.6.0");
    expect(atlas.tactics).toHaveLength(16);
    expect(atlas.techniques.filter((t) => t.parentId === null)).toHaveLength(101);
    expect(atlas.techniques.filter((t) => t.parentId !== null)).toHaveLength(69);
    expect(atlas.mitigations).toHaveLength(35);
    expect(atlas.caseStudies).toHaveLength(57);
  });

  it("every sub-technique's parent is a technique and the sub-technique carries exactly its tactics", () => {
    const byId = new Map(atlas.techniques.map((t) => [t.id, t]));
    const tacticIds = new Set(atlas.tactics.map((t) => t.id));
    for (const technique of atlas.techniques) {
      expect(technique.tacticIds.length, technique.id).toBeGreaterThan(0);
      for (const id of technique.tacticIds) expect(tacticIds.has(id), `${technique.id} → ${id}`).toBe(true);
      if (technique.parentId === null) continue;
      const parent = byId.get(technique.parentId);
      expect(parent, technique.id).toBeDefined();
      expect(parent!.parentId, technique.id).toBeNull();
      expect(technique.tacticIds, technique.id).toEqual(parent!.tacticIds);
    }
  });

  it("every mitigation names existing techniques, sorted and without duplicates", () => {
    const ids = new Set(atlas.techniques.map((t) => t.id));
    for (const mitigation of atlas.mitigations) {
      expect(mitigation.techniqueIds.length, mitigation.id).toBeGreaterThan(0);
      expect(new Set(mitigation.techniqueIds).size, mitigation.id).toBe(mitigation.techniqueIds.length);
      expect([...mitigation.techniqueIds].sort(), mitigation.id).toEqual(mitigation.techniqueIds);
      for (const id of mitigation.techniqueIds) expect(ids.has(id), `${mitigation.id} → ${id}`).toBe(true);
    }
  });

  it("ISO/IEC 42001 Annex A has 9 groups (A.2-A.10) and 38 controls, each in an existing group", () => {
    const iso = getIso42001Catalog();
    expect(iso.groups.map((g) => g.id)).toEqual(["A.2", "A.3", "A.4", "A.5", "A.6", "A.7", "A.8", "A.9", "A.10"]);
    expect(iso.controls).toHaveLength(38);
    const groups = new Set(iso.groups.map((g) => g.id));
    for (const control of iso.controls) expect(groups.has(control.groupId), control.id).toBe(true);
  });

  it("NIST AI RMF has 4 functions, 19 categories and 72 subcategories with GV-/MP-/MS-/MG- short ids", () => {
    const nist = getNistAiRmfCatalog();
    expect(nist.functions.map((f) => f.id)).toEqual(["GOVERN", "MAP", "MEASURE", "MANAGE"]);
    expect(nist.categories).toHaveLength(19);
    expect(nist.subcategories).toHaveLength(72);
    expect(nist.subcategories.find((s) => s.id === "GOVERN 1.1")).toMatchObject({ shortId: "GV-1.1", functionId: "GOVERN", categoryId: "GOVERN 1" });
    expect(nist.subcategories.find((s) => s.id === "MEASURE 2.13")).toMatchObject({ shortId: "MS-2.13", categoryId: "MEASURE 2" });
  });

  it("OWASP LLM 2025 is exactly LLM01:2025 … LLM10:2025, and every v1.1 id maps to 2025 ids", () => {
    const owasp = getOwaspCatalog();
    expect(owasp.llm2025.items.map((i) => i.id)).toEqual(Array.from({ length: 10 }, (_, i) => `LLM${String(i + 1).padStart(2, "0")}:2025`));
    expect(owasp.llm2025.items.map((i) => i.short)).toEqual(Array.from({ length: 10 }, (_, i) => `LLM${String(i + 1).padStart(2, "0")}`));
    expect(owasp.agentic2026.items.map((i) => i.id)).toEqual(Array.from({ length: 10 }, (_, i) => `ASI${String(i + 1).padStart(2, "0")}:2026`));
    const ids2025 = new Set(owasp.llm2025.items.map((i) => i.id));
    for (const item of owasp.llm2023.items) {
      const targets = owasp.crosswalk2023to2025.mapping[item.short];
      expect(targets?.length, item.short).toBeGreaterThan(0);
      for (const target of targets) expect(ids2025.has(target), `${item.short} → ${target}`).toBe(true);
    }
  });

  it("every catalog names its source files, commit, licence and attribution", () => {
    const sources = [atlas.source, getOwaspCatalog().source, getIso42001Catalog().source, getEuAiActCatalog().source, getNistAiRmfCatalog().source];
    for (const source of sources) {
      expect(source.files.length).toBeGreaterThan(0);
      expect(source.attribution.length).toBeGreaterThan(40);
      expect(source.licence).not.toBe("");
      for (const file of source.files) {
        expect(
          file.upstream.some((u) => u.commit !== null && /^[0-9a-f]{40}$/.test(u.commit)),
          file.file,
        ).toBe(true);
        expect(file.licence, file.file).not.toBe("");
      }
    }
  });
});

describe(`built-in catalogs match the reference files (${REFERENCE_DIR})`, () => {
  it("ATLAS: tactic order, technique/mitigation/case-study ids and names equal ATLAS.yaml", () => {
    type Named = { id: string; name: string };
    const yaml = parseYaml(readReference("atlas/ATLAS.yaml")) as {
      version: string;
      matrices: {
        tactics: Named[];
        techniques: (Named & { tactics?: string[]; "subtechnique-of"?: string })[];
        mitigations: (Named & { techniques: { id: string }[] })[];
      }[];
      "case-studies": Named[];
    };
    const matrix = yaml.matrices[0];
    expect(atlas.version).toBe(String(yaml.version));
    expect(atlas.tactics.map((t) => [t.id, t.name])).toEqual(matrix.tactics.map((t) => [t.id, t.name]));

    const names = (list: readonly Named[]) => Object.fromEntries(list.map((item) => [item.id, item.name]));
    expect(names(atlas.techniques)).toEqual(names(matrix.techniques));
    expect(names(atlas.mitigations)).toEqual(names(matrix.mitigations));
    expect(names(atlas.caseStudies)).toEqual(names(yaml["case-studies"]));

    const raw = new Map(matrix.techniques.map((t) => [t.id, t]));
    for (const technique of atlas.techniques) {
      const source = raw.get(technique.id)!;
      expect(technique.parentId, technique.id).toBe(source["subtechnique-of"] ?? null);
      const tactics = technique.parentId === null ? source.tactics : raw.get(technique.parentId)!.tactics;
      expect([...technique.tacticIds].sort(), technique.id).toEqual([...new Set(tactics)].sort());
    }
    for (const mitigation of matrix.mitigations) {
      const ours = atlas.mitigations.find((m) => m.id === mitigation.id)!;
      expect(ours.techniqueIds, mitigation.id).toEqual([...new Set(mitigation.techniques.map((t) => t.id))].sort());
    }
  });

  it("ATLAS: tactic short names are the Navigator layer's tactic slugs", () => {
    const layer = JSON.parse(readReference("atlas/atlas_layer_matrix.json")) as { techniques: { techniqueID: string; tactic?: string }[] };
    const slugs = new Set(layer.techniques.flatMap((t) => (t.tactic ? [t.tactic] : [])));
    expect(new Set(atlas.tactics.map((t) => t.shortName))).toEqual(slugs);
    const slugOf = new Map(atlas.tactics.map((t) => [t.id, t.shortName]));
    for (const entry of layer.techniques) {
      if (!entry.tactic) continue;
      const technique = atlas.techniques.find((t) => t.id === entry.techniqueID);
      expect(
        technique?.tacticIds.map((id) => slugOf.get(id)),
        entry.techniqueID,
      ).toContain(entry.tactic);
    }
  });

  it("ISO/IEC 42001: group and control ids and titles equal the reference, in order", () => {
    const ref = JSON.parse(readReference("frameworks/iso42001-2023-annexA.json")) as {
      annex_a_groups: { id: string; title: string; group?: string }[];
      annex_a_controls: { id: string; title: string; group: string }[];
    };
    const iso = getIso42001Catalog();
    expect(iso.groups.map((g) => [g.id, g.title])).toEqual(ref.annex_a_groups.filter((g) => !g.group).map((g) => [g.id, g.title]));
    expect(iso.controls.map((c) => [c.id, c.title, c.groupId])).toEqual(ref.annex_a_controls.map((c) => [c.id, c.title, c.group]));
  });

  it("NIST AI RMF: functions, categories and subcategories equal the reference", () => {
    const ref = JSON.parse(readReference("frameworks/nist-ai-rmf-1.0.json")) as {
      functions: { id: string }[];
      categories: { id: string; statement: string }[];
      subcategories: { id: string; short_id: string; category: string; statement: string }[];
    };
    const nist = getNistAiRmfCatalog();
    expect(nist.functions.map((f) => f.id)).toEqual(ref.functions.map((f) => f.id));
    expect(nist.categories.map((c) => [c.id, c.statement])).toEqual(ref.categories.map((c) => [c.id, c.statement]));
    expect(nist.subcategories.map((s) => [s.id, s.shortId, s.categoryId, s.statement])).toEqual(
      ref.subcategories.map((s) => [s.id, s.short_id, s.category, s.statement]),
    );
  });

  it("OWASP: the 2025, v1.1 and Agentic 2026 titles and the v1.1→2025 crosswalk equal the reference", () => {
    const ref = JSON.parse(readReference("frameworks/owasp-top10.json")) as {
      owasp_llm_top10_2025: { items: { id: string; title: string }[] };
      owasp_llm_top10_2023_v1_1: { items: { id: string; title: string }[] };
      crosswalk_v1_1_to_2025: Record<string, string[] | string>;
      owasp_top10_agentic_2026: { items: { id: string; title: string }[] };
    };
    const owasp = getOwaspCatalog();
    expect(owasp.llm2025.items.map((i) => [i.id, i.title])).toEqual(ref.owasp_llm_top10_2025.items.map((i) => [i.id, i.title]));
    expect(owasp.llm2023.items.map((i) => [i.short, i.title])).toEqual(ref.owasp_llm_top10_2023_v1_1.items.map((i) => [i.id, i.title]));
    expect(owasp.agentic2026.items.map((i) => [i.id, i.title])).toEqual(ref.owasp_top10_agentic_2026.items.map((i) => [i.id, i.title]));
    const { _note: _ignored, ...mapping } = ref.crosswalk_v1_1_to_2025;
    expect(owasp.crosswalk2023to2025.mapping).toEqual(mapping);
  });

  it("EU AI Act: article numbers, titles and who they bind equal the reference", () => {
    const ref = JSON.parse(readReference("frameworks/eu-ai-act-structure.json")) as {
      articles: { article: number; title: string; applies_to?: string[] }[];
      article_5_prohibited_practices: { ref: string }[];
      annex_III_high_risk_areas: { point: string; items: Record<string, string> }[];
    };
    const eu = getEuAiActCatalog();
    expect(eu.articles.map((a) => [a.id, a.number, a.title, a.appliesToAsListed])).toEqual(
      ref.articles.map((a) => [`Art ${a.article}`, a.article, a.title, a.applies_to ?? []]),
    );
    for (const article of eu.articles) expect(article.appliesTo.length > 0, article.id).toBe(article.appliesToAsListed.length > 0);
    expect(eu.prohibitedPractices.map((p) => p.ref)).toEqual(ref.article_5_prohibited_practices.map((p) => p.ref));
    expect(eu.annexIII.map((a) => a.items.length)).toEqual(ref.annex_III_high_risk_areas.map((a) => Object.keys(a.items).length));
  });

  it("every garak owasp:llmNN tag in plugin_cache.json maps to at least one OWASP LLM 2025 item", () => {
    const cache = JSON.parse(readReference("garak/plugin_cache.json")) as Record<string, Record<string, { tags?: unknown }>>;
    const tags = new Set<string>();
    for (const plugins of Object.values(cache)) {
      for (const plugin of Object.values(plugins)) {
        if (!Array.isArray(plugin.tags)) continue;
        for (const tag of plugin.tags) if (typeof tag === "string" && tag.toLowerCase().startsWith("owasp:")) tags.add(tag);
      }
    }
    expect(tags.size).toBeGreaterThan(0);
    const ids2025 = new Set(getOwaspCatalog().llm2025.items.map((i) => i.id));
    for (const tag of tags) {
      expect(tag, "garak OWASP tags are owasp:llmNN").toMatch(/^owasp:llm\d{2}$/);
      const mapped = mapGarakOwaspTag(tag);
      expect(mapped.length, tag).toBeGreaterThan(0);
      for (const id of mapped) expect(ids2025.has(id), `${tag} → ${id}`).toBe(true);
    }
  });

  it("the committed JSON files are exactly what scripts/build-catalogs.ts builds now", () => {
    const { files } = buildCatalogFiles(REFERENCE_DIR);
    expect(files.length).toBe(6);
    for (const file of files) {
      const committed = readFileSync(path.join(REPO_ROOT, file.path), "utf8");
      expect(committed === file.content, `${file.path} is stale: run npm run catalogs:build`).toBe(true);
    }
    // and building twice gives the same bytes
    expect(buildCatalogFiles(REFERENCE_DIR).files).toEqual(files);
  });
});
