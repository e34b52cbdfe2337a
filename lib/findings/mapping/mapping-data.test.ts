import { describe, expect, it } from "vitest";
import { parseAtlasRelease } from "@/lib/atlas/parse-atlas-release";
import { getAtlasCatalog } from "@/lib/catalogs/get-atlas-catalog";
import { getOwaspCatalog } from "@/lib/catalogs/get-owasp-catalog";
import { readReference } from "@/tests/reference-data";
import { GARAK_MODULE_RENAMES, GARAK_PROBES, type GarakProbeRow } from "./garak-probes";
import { listMappingRows } from "./list-mapping-rows";
import { MODELSCAN_SCANNERS, MODELSCAN_UNSAFE_OPERATORS } from "./modelscan";
import { PROMPTFOO_DEFAULT_SEVERITY, PROMPTFOO_PLUGINS, PROMPTFOO_STRATEGIES } from "./promptfoo-plugins";
import { mapTest } from "./map-test";

const rows = listMappingRows();
const label = (row: { tool: string; key: string }) => `${row.tool} ${row.key}`;

describe("built-in mapping rows", () => {
  it("cover every data file", () => {
    const count = (tool: string) => rows.filter((r) => r.tool === tool).length;
    expect(count("garak")).toBe(GARAK_PROBES.length);
    expect(count("promptfoo")).toBe(PROMPTFOO_PLUGINS.length + PROMPTFOO_STRATEGIES.length);
    expect(count("modelscan")).toBeGreaterThan(MODELSCAN_SCANNERS.length + MODELSCAN_UNSAFE_OPERATORS.length);
  });

  it("every ATLAS id exists in ATLAS.yaml (5.6.0) and in the built-in catalog", () => {
    const release = parseAtlasRelease(readReference("atlas/ATLAS.yaml"));
    expect(release.version).toBe("5.6.0");
    const inYaml = new Set(release.techniques.map((t) => t.id));
    const inCatalog = new Set(getAtlasCatalog().techniques.map((t) => t.id));
    const ids = rows.flatMap((row) => row.techniqueIds.map((id) => [label(row), id] as const));
    expect(ids.length).toBeGreaterThan(150);
    expect(ids.filter(([, id]) => !inYaml.has(id))).toEqual([]);
    expect(ids.filter(([, id]) => !inCatalog.has(id))).toEqual([]);
  });

  it("every OWASP id exists in the built-in OWASP LLM Top 10 2025 catalog", () => {
    const known = new Set(getOwaspCatalog().llm2025.items.map((item) => item.id));
    const ids = rows.flatMap((row) => row.owaspIds.map((id) => [label(row), id] as const));
    expect(ids.length).toBeGreaterThan(100);
    expect(ids.filter(([, id]) => !known.has(id))).toEqual([]);
  });

  it("every row has a source of its own, and no key appears twice", () => {
    expect(rows.filter((row) => row.source.trim().length < 20).map(label)).toEqual([]);
    const keys = rows.map(label);
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
    for (const rename of GARAK_MODULE_RENAMES) expect(rename.source, rename.from).toMatch(/garak commit/);
  });

  it("lists ids sorted and once each", () => {
    for (const row of rows) {
      expect([...new Set(row.techniqueIds)].sort(), label(row)).toEqual([...row.techniqueIds]);
      expect([...new Set(row.owaspIds)].sort(), label(row)).toEqual([...row.owaspIds]);
    }
  });
});

type PluginCache = { probes: Record<string, { tags?: string[] }> };

describe("garak rows against garak's probe tags (plugin_cache.json)", () => {
  const cache = JSON.parse(readReference("garak/plugin_cache.json")) as PluginCache;
  const probes = Object.entries(cache.probes)
    .map(([key, probe]) => ({ name: key.replace(/^probes\./, ""), tags: probe.tags ?? [] }))
    .filter((probe) => !probe.name.startsWith("base."));
  const byProbe = new Map((GARAK_PROBES as readonly GarakProbeRow[]).filter((r) => r.probe).map((r) => [r.probe!, r]));
  const byModule = new Map((GARAK_PROBES as readonly GarakProbeRow[]).filter((r) => !r.probe).map((r) => [r.module, r]));

  it("has a row for every probe module garak ships", () => {
    const modules = [...new Set(probes.map((p) => p.name.split(".")[0]))].sort();
    expect(modules.length).toBeGreaterThan(40);
    expect(modules.filter((m) => !byModule.has(m))).toEqual([]);
    expect([...byModule.keys()].filter((m) => !modules.includes(m))).toEqual([]);
  });

  it("stores exactly garak's owasp:llmNN tags for every probe (module row or the probe's override)", () => {
    const wrong = probes.flatMap((probe) => {
      const row = byProbe.get(probe.name) ?? byModule.get(probe.name.split(".")[0]);
      const expected = probe.tags.filter((t) => /^owasp:llm\d{2}$/.test(t)).sort();
      const stored = [...(row?.garakOwaspTags ?? [])].sort();
      return JSON.stringify(stored) === JSON.stringify(expected) ? [] : [`${probe.name}: stored ${stored.join(",")} garak ${expected.join(",")}`];
    });
    expect(wrong).toEqual([]);
    // every override names a probe garak has, in its own module
    for (const name of byProbe.keys())
      expect(
        probes.some((p) => p.name === name),
        name,
      ).toBe(true);
  });
});

type PromptfooDerived = {
  ALL_PLUGINS: string[];
  riskCategorySeverityMap: Record<string, string>;
  OWASP_LLM_TOP_10_MAPPING: Record<string, { plugins: string[] }>;
};

describe("promptfoo rows against promptfoo 0.123.1 (redteam-mappings.derived.json)", () => {
  const derived = JSON.parse(readReference("promptfoo/promptfoo-0.123.1-redteam-mappings.derived.json")) as PromptfooDerived;

  it("maps every plugin (exactly or through its family) with promptfoo's default severity", () => {
    expect(derived.ALL_PLUGINS.length).toBeGreaterThan(100);
    const unmapped = derived.ALL_PLUGINS.filter((plugin) => mapTest({ tool: "promptfoo", testId: plugin, detector: null, tags: [] }).sources.length < 2);
    expect(unmapped).toEqual([]);
    for (const plugin of derived.ALL_PLUGINS) {
      expect(PROMPTFOO_DEFAULT_SEVERITY[plugin], plugin).toBe(derived.riskCategorySeverityMap[plugin]);
      expect(mapTest({ tool: "promptfoo", testId: plugin, detector: null, tags: [] }).severity, plugin).toBe(derived.riskCategorySeverityMap[plugin]);
    }
    expect(Object.keys(PROMPTFOO_DEFAULT_SEVERITY).sort()).toEqual([...derived.ALL_PLUGINS].sort());
  });

  it("keeps every OWASP item promptfoo maps a plugin to (owasp:llm:NN is the 2025 numbering)", () => {
    const family = new Set(derived.ALL_PLUGINS.filter((p) => p.startsWith("harmful:")));
    const missing: string[] = [];
    for (const [key, { plugins }] of Object.entries(derived.OWASP_LLM_TOP_10_MAPPING)) {
      const id = `LLM${key.split(":").at(-1)}:2025`;
      // "harmful" in promptfoo's table stands for the whole harmful:* family
      for (const plugin of plugins.flatMap((p) => (p === "harmful" ? [...family] : [p]))) {
        if (!mapTest({ tool: "promptfoo", testId: plugin, detector: null, tags: [] }).owaspIds.includes(id)) missing.push(`${plugin} ${id}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe("ModelScan rows against ModelScan's severity levels (docs/severity_levels.md)", () => {
  it("rates every module the document calls CRITICAL or HIGH as it does", () => {
    const doc = readReference("modelscan/severity_levels.md");
    const listed = (level: string) =>
      new RegExp(`\\*\\*${level}:\\*\\*[^\\n]*\\n\\s*- ([^\\n]+)`)
        .exec(doc)![1]
        .split(",")
        .map((s) => s.trim());
    const severity = (moduleName: string, operator: string) =>
      mapTest({ tool: "modelscan", testId: operator, detector: "modelscan.scanners.PickleUnsafeOpScan", tags: [`module:${moduleName}`] }).severity;
    const critical = listed("CRITICAL");
    expect(critical).toContain("posix");
    for (const name of critical) {
      // exec, eval, open and breakpoint are builtins; the rest are whole modules
      const [moduleName, operator] = ["exec", "eval", "open", "breakpoint"].includes(name) ? ["builtins", name] : [name, "anything"];
      expect(severity(moduleName, operator), name).toBe("critical");
    }
    for (const name of listed("HIGH")) {
      if (name.startsWith("Tensorflow ")) expect(severity("Tensorflow", name.slice("Tensorflow ".length)), name).toBe("high");
      else if (name === "httplib" || name === "webbrowser") expect(severity(name, "anything"), name).toBe("high");
      else expect(severity(name === "request.api" ? "requests.api" : name, "get"), name).toBe("high"); // the document's request.api is requests.api in ModelScan's settings
    }
  });
});
