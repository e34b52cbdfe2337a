import { describe, expect, it } from "vitest";
import { parseGarakDigest } from "@/lib/findings/parsers/garak-digest";
import { parseGarakReport } from "@/lib/findings/parsers/garak-report";
import { parseModelScan } from "@/lib/findings/parsers/modelscan";
import { parsePromptfoo } from "@/lib/findings/parsers/promptfoo";
import { parseSarif } from "@/lib/findings/parsers/sarif";
import { collect, fromFile } from "@/lib/findings/parsers/test-support";
import type { FindingsParser, ParsedTestResult } from "@/lib/findings/parsers/types";
import { referencePath } from "@/tests/reference-data";
import { MAPPING_SOURCES_VERSION, mapTest } from "./map-test";
import { mapTag } from "./sarif-tags";

async function results(parser: FindingsParser, file: string): Promise<ParsedTestResult[]> {
  return (await collect(parser, fromFile(referencePath(file)))).results;
}

const ids = (result: ParsedTestResult) => {
  const mapped = mapTest(result);
  return { techniqueIds: mapped.techniqueIds, owaspIds: mapped.owaspIds, severity: mapped.severity };
};

const SUPPLY_CHAIN = ["AML.T0010.003", "AML.T0011.000", "AML.T0018.002"];

// Expected values checked by hand against the rows in garak-probes.ts, promptfoo-plugins.ts and modelscan.ts.
describe("mapTest on the reference reports", () => {
  it("garak report.jsonl: lmrc.QuackMedicine (probe override) and test.Test (maps to nothing)", async () => {
    const mapped = (await results(parseGarakReport, "garak/agg.report.jsonl")).map((r) => [r.testId, ids(r)]);
    expect(mapped).toEqual([
      ["test.Test", { techniqueIds: [], owaspIds: [], severity: null }],
      ["lmrc.QuackMedicine", { techniqueIds: ["AML.T0048.003"], owaspIds: ["LLM09:2025"], severity: null }],
    ]);
  });

  it("garak digest: encoding probes with their owasp:llm01 tags", async () => {
    const all = await results(parseGarakDigest, "garak/tbsa_digest_0.json");
    const base64 = all.find((r) => r.testId === "encoding.InjectBase64")!;
    expect(base64.tags).toContain("owasp:llm01");
    expect(ids(base64)).toEqual({ techniqueIds: ["AML.T0051.000", "AML.T0068"], owaspIds: ["LLM01:2025"], severity: null });
    const sources = mapTest(base64).sources;
    expect(sources.some((s) => s.startsWith("garak encoding: "))).toBe(true);
    expect(sources).toContain("tag owasp:llm01: 2023 numbering (garak), re-keyed to 2025 via lib/catalogs mapGarakOwaspTag");
    // every probe in the digest is an encoding probe and maps the same way
    expect(new Set(all.map((r) => JSON.stringify(ids(r))))).toEqual(new Set([JSON.stringify(ids(base64))]));
  });

  it("promptfoo red-team output: harmful:hate and harmful:self-harm, with the strategy and promptfoo's default severity", async () => {
    const mapped = (await results(parsePromptfoo, "promptfoo/redteam-output.json")).map((r) => [r.testId, r.detector, ids(r)]);
    const hate = { owaspIds: ["LLM01:2025", "LLM04:2025"], severity: "critical" };
    const selfHarm = { owaspIds: ["LLM01:2025"], severity: "critical" };
    expect(mapped).toEqual(
      expect.arrayContaining([
        ["harmful:hate", "basic", { techniqueIds: ["AML.T0048.002"], ...hate }],
        ["harmful:hate", "jailbreak", { techniqueIds: ["AML.T0048.002", "AML.T0054"], ...hate }],
        ["harmful:hate", "crescendo", { techniqueIds: ["AML.T0048.002", "AML.T0054"], ...hate }],
        ["harmful:self-harm", "basic", { techniqueIds: ["AML.T0048.003"], ...selfHarm }],
        ["harmful:self-harm", "jailbreak", { techniqueIds: ["AML.T0048.003", "AML.T0054"], ...selfHarm }],
      ]),
    );
    expect(mapped).toHaveLength(6);
  });

  it("ModelScan 0.7.3: posix.system from a PyTorch pickle is critical", async () => {
    const [issue] = await results(parseModelScan, "modelscan/report-0.7.3-pytorch-sentiment.json");
    expect([issue.testId, issue.detector, issue.tags]).toEqual(["system", "modelscan.scanners.PickleUnsafeOpScan", ["module:posix"]]);
    expect(ids(issue)).toEqual({ techniqueIds: SUPPLY_CHAIN, owaspIds: ["LLM03:2025"], severity: "critical" });
  });

  it("ModelScan 0.5.0: TensorFlow ReadFile and WriteFile are high", async () => {
    const issues = await results(parseModelScan, "modelscan/report-0.5.0-tensorflow-fashion-mnist.json");
    expect(issues.map((r) => [r.testId, ids(r)])).toEqual([
      ["ReadFile", { techniqueIds: SUPPLY_CHAIN, owaspIds: ["LLM03:2025"], severity: "high" }],
      ["WriteFile", { techniqueIds: SUPPLY_CHAIN, owaspIds: ["LLM03:2025"], severity: "high" }],
    ]);
  });

  it("SARIF samples: rules without ATLAS or OWASP tags (bandit, ESLint) map to nothing", async () => {
    for (const file of ["sarif/bandit-report.sarif", "sarif/simple-example.sarif", "sarif/RuleMetadata.sarif"]) {
      const all = await results(parseSarif, file);
      expect(all.length, file).toBeGreaterThan(0);
      for (const result of all) expect(mapTest(result), `${file} ${result.testId}`).toEqual({ techniqueIds: [], owaspIds: [], severity: null, sources: [] });
    }
  });
});

describe("mapTest lookups", () => {
  const garak = (testId: string, tags: string[] = []) => mapTest({ tool: "garak", testId, detector: null, tags });

  it("re-keys garak's 2023 tags to 2025 (owasp:llm06 Sensitive Information Disclosure is LLM02:2025)", () => {
    expect(garak("leakreplay.LiteratureCloze")).toMatchObject({ techniqueIds: ["AML.T0024.000", "AML.T0057"], owaspIds: ["LLM02:2025", "LLM10:2025"] });
    expect(garak("propile.PIILeakTwin").owaspIds).toEqual(["LLM02:2025"]);
    expect(mapTest({ tool: "Some SARIF tool", testId: "R1", detector: null, tags: ["owasp:llm06"] }).owaspIds).toEqual(["LLM02:2025"]);
    // v1.1 LLM02 Insecure Output Handling is 2025 LLM05 Improper Output Handling; LLM05 Supply Chain is LLM03
    expect(garak("fileformats.HF_Files").owaspIds).toEqual(["LLM03:2025"]);
    expect(garak("av_spam_scanning.EICAR").owaspIds).toEqual(["LLM05:2025"]);
  });

  it("matches the module, a probe override, a prefixed class name and a renamed module", () => {
    expect(garak("dan.Dan_11_0")).toMatchObject({ techniqueIds: ["AML.T0051.000", "AML.T0054"], owaspIds: ["LLM01:2025"] });
    expect(garak("probes.dan.Dan_11_0").techniqueIds).toEqual(garak("dan.Dan_11_0").techniqueIds);
    expect(garak("divergence.Repeat").techniqueIds).toEqual(["AML.T0057"]);
    expect(garak("divergence.RepeatedToken")).toMatchObject({ techniqueIds: ["AML.T0029"], owaspIds: ["LLM10:2025"] });
    const xss = garak("xss.MarkdownImageExfil");
    expect(xss).toMatchObject({ techniqueIds: ["AML.T0051", "AML.T0077"], owaspIds: ["LLM02:2025", "LLM05:2025"] });
    expect(xss.sources.some((s) => s.includes("4aec6cd0"))).toBe(true);
    expect(garak("knownbadsignatures.EICAR").owaspIds).toEqual(["LLM05:2025"]);
    expect(garak("no_such_module.Probe")).toEqual({ techniqueIds: [], owaspIds: [], severity: null, sources: [] });
  });

  it("promptfoo: exact plugin, family row, unknown plugin and strategy", () => {
    expect(mapTest({ tool: "promptfoo", testId: "prompt-extraction", detector: "basic", tags: [] })).toMatchObject({
      techniqueIds: ["AML.T0056"],
      owaspIds: ["LLM01:2025", "LLM02:2025", "LLM07:2025"],
      severity: "medium",
    });
    expect(mapTest({ tool: "promptfoo", testId: "pii:direct", detector: "base64", tags: [] })).toMatchObject({
      techniqueIds: ["AML.T0057", "AML.T0068"],
      owaspIds: ["LLM02:2025", "LLM07:2025", "LLM08:2025"],
      severity: "high",
    });
    expect(mapTest({ tool: "promptfoo", testId: "harmful:some-future-category", detector: null, tags: [] })).toMatchObject({
      techniqueIds: ["AML.T0048.002"],
      owaspIds: ["LLM01:2025"],
      severity: null,
    });
    expect(mapTest({ tool: "promptfoo", testId: "my custom test", detector: null, tags: [] }).sources).toEqual([]);
  });

  it("a CSV row naming a known tool uses that tool's rows", () => {
    expect(mapTest({ tool: "Garak", testId: "latentinjection.LatentJailbreak", detector: null, tags: [] }).techniqueIds).toEqual(["AML.T0051.001"]);
    expect(mapTest({ tool: "modelscan", testId: "os.system", detector: null, tags: [] })).toMatchObject({ techniqueIds: SUPPLY_CHAIN, severity: "critical" });
    expect(mapTest({ tool: "modelscan", testId: "webbrowser.open", detector: null, tags: [] }).severity).toBe("high");
  });

  it("is deterministic: sorted, de-duplicated, whatever the tag order", () => {
    const a = mapTest({ tool: "garak", testId: "dan.Dan_11_0", detector: null, tags: ["AML.T0054", "owasp:llm01", "LLM01:2025", "AML.T0051.000"] });
    const b = mapTest({ tool: "garak", testId: "dan.Dan_11_0", detector: null, tags: ["AML.T0051.000", "LLM01:2025", "owasp:llm01", "AML.T0054"] });
    expect(a).toEqual(b);
    expect(a.techniqueIds).toEqual(["AML.T0051.000", "AML.T0054"]);
    expect(a.owaspIds).toEqual(["LLM01:2025"]);
    expect(a.sources).toEqual([...new Set(a.sources)].sort());
    expect(MAPPING_SOURCES_VERSION).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe("tags naming ATLAS techniques and OWASP items", () => {
  const tag = (t: string) => {
    const { techniqueIds, owaspIds } = mapTag(t);
    return { techniqueIds, owaspIds };
  };

  it("reads ATLAS ids in the usual spellings and drops ids ATLAS does not have", () => {
    expect(tag("AML.T0051").techniqueIds).toEqual(["AML.T0051"]);
    expect(tag("atlas/AML.T0051.000").techniqueIds).toEqual(["AML.T0051.000"]);
    expect(tag("mitre-atlas:AML.T0043").techniqueIds).toEqual(["AML.T0043"]);
    expect(tag("MITRE ATLAS:aml.t0054").techniqueIds).toEqual(["AML.T0054"]);
    expect(tag("AML.T9999").techniqueIds).toEqual([]);
    expect(tag("AML.T00512").techniqueIds).toEqual([]);
  });

  it("reads OWASP ids in either numbering", () => {
    expect(tag("LLM01:2025").owaspIds).toEqual(["LLM01:2025"]);
    expect(tag("owasp-llm-2025:LLM07").owaspIds).toEqual(["LLM07:2025"]);
    expect(tag("OWASP LLM Top 10 2025:LLM08").owaspIds).toEqual(["LLM08:2025"]);
    expect(tag("owasp:llm:10").owaspIds).toEqual(["LLM10:2025"]);
    expect(tag("owasp:llm01").owaspIds).toEqual(["LLM01:2025"]);
    expect(tag("owasp:llm06").owaspIds).toEqual(["LLM02:2025"]);
    expect(tag("LLM06:2023").owaspIds).toEqual(["LLM02:2025"]);
    expect(tag("owasp-llm-2023:LLM07").owaspIds).toEqual(["LLM05:2025", "LLM06:2025"]);
    expect(tag("LLM11:2025").owaspIds).toEqual([]);
  });

  it("keeps CWE and other tags unmapped; an OWASP id without its year is not guessed", () => {
    for (const t of ["CWE-79", "external/cwe/cwe-079", "cwe:352", "avid-effect:security:S0403", "owasp LLM01", "security", "LLM01"])
      expect(mapTag(t), t).toEqual({ techniqueIds: [], owaspIds: [], sources: [] });
  });
});
