import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogItemHref } from "./catalog-item-href";
import { CATALOG_FRAMEWORK_IDS, FRAMEWORK_IDS, FRAMEWORKS, isFrameworkId } from "./frameworks";
import { getFrameworkItem } from "./get-framework-item";
import { listFrameworkItems } from "./list-framework-items";
import { mapGarakOwaspTag } from "./map-garak-owasp-tag";
import { frameworkItemRefSchema } from "./schemas";
import { searchCatalogs } from "./search-catalogs";

const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

describe("frameworks", () => {
  it("lists the six frameworks with name, version, attribution, licence and url", () => {
    expect(FRAMEWORKS.map((f) => f.id)).toEqual([...FRAMEWORK_IDS]);
    for (const framework of FRAMEWORKS) {
      expect(framework.name).not.toBe("");
      expect(framework.version).not.toBe("");
      expect(framework.attribution.length).toBeGreaterThan(40);
      expect(framework.licence).not.toBe("");
      expect(framework.url).toMatch(/^https?:\/\//);
    }
    expect(FRAMEWORKS.find((f) => f.id === "owasp_llm_2025")!.attribution).toContain("OWASP GenAI Security Project");
    expect(FRAMEWORKS.find((f) => f.id === "owasp_llm_2025")!.licence).toBe("CC BY-SA 4.0");
    expect(isFrameworkId("iso42001")).toBe(true);
    expect(isFrameworkId("atlas_technique")).toBe(false);
  });
});

describe("listFrameworkItems / getFrameworkItem", () => {
  it("gives every catalog in official order with unique ids", () => {
    const counts = Object.fromEntries(CATALOG_FRAMEWORK_IDS.map((f) => [f, listFrameworkItems(f).length]));
    expect(counts).toEqual({
      iso42001: 38,
      eu_ai_act: 44,
      nist_ai_rmf: 72,
      owasp_llm_2025: 10,
      owasp_agentic_2026: 10,
      atlas_mitigation: 35,
      atlas_technique: 170,
    });
    for (const framework of CATALOG_FRAMEWORK_IDS) {
      const ids = listFrameworkItems(framework).map((item) => item.id);
      expect(new Set(ids).size, framework).toBe(ids.length);
    }
    const iso = listFrameworkItems("iso42001").map((item) => item.id);
    expect(iso.slice(0, 2)).toEqual(["A.2.2", "A.2.3"]);
    expect(iso.at(-1)).toBe("A.10.4");
    expect(listFrameworkItems("nist_ai_rmf")[0].id).toBe("GOVERN 1.1");
    expect(
      listFrameworkItems("eu_ai_act")
        .map((item) => item.id)
        .slice(0, 3),
    ).toEqual(["Art 4", "Art 5", "Art 6"]);
  });

  it("fills parent and group label per framework", () => {
    expect(getFrameworkItem("iso42001", "A.6.2.6")).toEqual({
      framework: "iso42001",
      id: "A.6.2.6",
      title: "AI system operation and monitoring",
      parentId: "A.6.2",
      groupLabel: "A.6.2 AI system life cycle",
    });
    expect(getFrameworkItem("iso42001", "A.2.2")).toMatchObject({ parentId: "A.2", groupLabel: "A.2 Policies related to AI" });
    expect(getFrameworkItem("eu_ai_act", "Art 9")).toMatchObject({
      title: "Risk management system",
      parentId: null,
      groupLabel: "Chapter III, Section 2: Requirements for high-risk AI systems",
    });
    expect(getFrameworkItem("eu_ai_act", "Art 50")).toMatchObject({
      groupLabel: "Chapter IV: Transparency obligations for providers and deployers of certain AI systems",
    });
    expect(getFrameworkItem("nist_ai_rmf", "MAP 3.5")).toMatchObject({ parentId: "MAP 3", title: expect.stringMatching(/^Processes for human oversight/) });
    expect(getFrameworkItem("owasp_llm_2025", "LLM01:2025")).toMatchObject({ title: "Prompt Injection", parentId: null });
    expect(getFrameworkItem("atlas_mitigation", "AML.M0015")).toMatchObject({ title: "Adversarial Input Detection" });
    expect(getFrameworkItem("atlas_technique", "AML.T0051.000")).toMatchObject({
      title: "LLM Prompt Injection: Direct",
      parentId: "AML.T0051",
      groupLabel: "Execution",
    });
    expect(getFrameworkItem("iso42001", "A.1.1")).toBeNull();
    expect(getFrameworkItem("eu_ai_act", "9")).toBeNull();
  });

  it("the item-ref schema accepts existing items only", () => {
    expect(frameworkItemRefSchema.safeParse({ framework: "iso42001", id: "A.6.2.6" }).success).toBe(true);
    expect(frameworkItemRefSchema.safeParse({ framework: "iso42001", id: "A.6.2.99" }).success).toBe(false);
    expect(frameworkItemRefSchema.safeParse({ framework: "atlas_technique", id: "AML.T0051" }).success).toBe(false);
  });
});

describe("catalogItemHref", () => {
  it("points ATLAS objects to /threats and framework items to /controls with the id encoded", () => {
    expect(catalogItemHref({ framework: "atlas_technique", id: "AML.T0051" })).toBe("/threats/techniques/AML.T0051");
    expect(catalogItemHref({ framework: "atlas_mitigation", id: "AML.M0000" })).toBe("/threats/mitigations/AML.M0000");
    expect(catalogItemHref({ framework: "iso42001", id: "A.6.2.6" })).toBe("/controls/iso42001/A.6.2.6");
    expect(catalogItemHref({ framework: "eu_ai_act", id: "Art 9" })).toBe("/controls/eu_ai_act/Art%209");
  });
});

describe("searchCatalogs", () => {
  it("ranks the technique first for its id", () => {
    const results = searchCatalogs("AML.T0051");
    expect(results[0]).toEqual({ kind: "technique", id: "AML.T0051", title: "LLM Prompt Injection", href: "/threats/techniques/AML.T0051" });
    expect(results.slice(1, 4).map((r) => r.id)).toEqual(["AML.T0051.000", "AML.T0051.001", "AML.T0051.002"]);
  });

  it("is case-insensitive and finds words across ATLAS and the frameworks", () => {
    const ids = searchCatalogs("prompt injection").map((r) => r.id);
    expect(ids).toContain("AML.T0051");
    expect(ids).toContain("LLM01:2025");
    expect(searchCatalogs("PROMPT INJECTION").map((r) => r.id)).toEqual(ids);
    expect(ids.indexOf("LLM01:2025")).toBeLessThan(5);
    expect(ids.indexOf("AML.T0051")).toBeLessThan(5);
  });

  it("finds an ISO control by id, with its href", () => {
    expect(searchCatalogs("A.6.2.6")[0]).toEqual({
      kind: "framework_item",
      framework: "iso42001",
      id: "A.6.2.6",
      title: "AI system operation and monitoring",
      href: "/controls/iso42001/A.6.2.6",
    });
  });

  it("knows the other names of ids and the other ATLAS kinds", () => {
    expect(searchCatalogs("GV-1.1")[0]).toMatchObject({ framework: "nist_ai_rmf", id: "GOVERN 1.1" });
    expect(searchCatalogs("article 14")[0]).toMatchObject({ framework: "eu_ai_act", id: "Art 14" });
    expect(searchCatalogs("llm07")[0]).toMatchObject({ framework: "owasp_llm_2025", id: "LLM07:2025" });
    expect(searchCatalogs("AML.M0000")[0]).toMatchObject({ kind: "mitigation", framework: "atlas_mitigation", href: "/threats/mitigations/AML.M0000" });
    expect(searchCatalogs("AML.CS0000")[0]).toMatchObject({ kind: "case_study", href: "/threats/case-studies/AML.CS0000" });
    expect(searchCatalogs("ai model access")[0]).toMatchObject({ kind: "tactic", id: "AML.TA0000" });
  });

  it("links every kind of result to a page the app has", () => {
    // one result of each kind and framework; the route patterns are the app's page files
    const results = ["AML.TA0000", "AML.T0051", "AML.T0051.000", "AML.M0000", "AML.CS0000", "A.6.2.6", "Art 14", "GV-1.1", "LLM07", "ASI01"].map(
      (q) => searchCatalogs(q)[0],
    );
    const routes: [RegExp, string][] = [
      [/^\/threats#tactic-AML\.TA\d{4}$/, "app/(app)/threats/page.tsx"],
      [/^\/threats\/techniques\/[^/]+$/, "app/(app)/threats/techniques/[id]/page.tsx"],
      [/^\/threats\/mitigations\/[^/]+$/, "app/(app)/threats/mitigations/[id]/page.tsx"],
      [/^\/threats\/case-studies\/[^/]+$/, "app/(app)/threats/case-studies/[id]/page.tsx"],
      [/^\/controls\/[a-z0-9_]+\/[^/]+$/, "app/(app)/controls/[framework]/[controlId]/page.tsx"],
    ];
    expect(new Set(results.map((r) => r.framework ?? r.kind)).size).toBe(9);
    for (const result of results) {
      const route = routes.find(([pattern]) => pattern.test(result.href));
      expect(route, result.href).toBeDefined();
      expect(existsSync(path.join(REPO_ROOT, route![1])), route![1]).toBe(true);
    }
  });

  it("returns nothing for a blank query and at most 50 results", () => {
    expect(searchCatalogs("   ")).toEqual([]);
    expect(searchCatalogs("a").length).toBe(50);
    expect(searchCatalogs("no such thing anywhere")).toEqual([]);
  });
});

describe("mapGarakOwaspTag", () => {
  it("re-keys garak's v1.1 numbering to the 2025 list", () => {
    expect(mapGarakOwaspTag("owasp:llm01")).toEqual(["LLM01:2025"]);
    expect(mapGarakOwaspTag("owasp:llm06")).toEqual(["LLM02:2025"]);
    expect(mapGarakOwaspTag("owasp:llm02")).toEqual(["LLM05:2025"]);
    expect(mapGarakOwaspTag("owasp:llm07")).toEqual(["LLM06:2025", "LLM05:2025"]);
    expect(mapGarakOwaspTag("OWASP:LLM10")).toEqual(["LLM10:2025"]);
  });

  it("returns [] for other tags", () => {
    expect(mapGarakOwaspTag("avid-effect:security:S0403")).toEqual([]);
    expect(mapGarakOwaspTag("owasp:llm11")).toEqual([]);
    expect(mapGarakOwaspTag("owasp:llm1")).toEqual([]);
  });
});
