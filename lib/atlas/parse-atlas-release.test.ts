import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { AppError } from "@/lib/errors";
import { parseAtlasRelease } from "./parse-atlas-release";
import { ATLAS_MAX_BYTES, ATLAS_MAX_ISSUES } from "./schemas";
import { readReference } from "@/tests/reference-data";

// A small release in the shape of ATLAS.yaml: 3 tactics, 2 techniques (one with 2 tactics listed out
// of matrix order), 2 sub-techniques (one listed before its parent), 1 mitigation, 1 case study.
function release() {
  return {
    id: "ATLAS",
    name: "Adversarial Threat Landscape for AI Systems",
    version: "9.1.0",
    matrices: [
      {
        id: "ATLAS",
        name: "ATLAS Matrix",
        tactics: [
          {
            id: "AML.TA0002",
            name: "Reconnaissance",
            description: "Recon.",
            "object-type": "tactic",
            "ATT&CK-reference": { id: "TA0043", url: "https://attack.mitre.org/tactics/TA0043/" },
          },
          { id: "AML.TA0003", name: "Resource Development", description: "Resources.", "object-type": "tactic" },
          { id: "AML.TA0004", name: "Initial Access", description: "Access.", "object-type": "tactic" },
        ],
        techniques: [
          {
            id: "AML.T0001.000",
            name: "Early Sub",
            description: "Listed before its parent.",
            "object-type": "technique",
            "subtechnique-of": "AML.T0001",
            maturity: "feasible",
          },
          {
            id: "AML.T0000",
            name: "Search",
            description: "Searching.",
            "object-type": "technique",
            tactics: ["AML.TA0002"],
            maturity: "demonstrated",
            created_date: "2021-05-13",
          },
          { id: "AML.T0000.000", name: "Journals", description: "Journals.", "object-type": "technique", "subtechnique-of": "AML.T0000" },
          { id: "AML.T0001", name: "Two Tactics", description: "Twice.", "object-type": "technique", tactics: ["AML.TA0004", "AML.TA0002", "AML.TA0004"] },
        ],
        mitigations: [
          {
            id: "AML.M0000",
            name: "Limit Release",
            description: "Limit.",
            "object-type": "mitigation",
            techniques: [
              { id: "AML.T0001", use: "First." },
              { id: "AML.T0000", use: "Second." },
              { id: "AML.T0001", use: "Again." },
            ],
            "ml-lifecycle": ["Deployment", { id: "AML.T0000.000", use: "Misplaced." }],
            category: ["Policy"],
          },
        ],
      },
    ],
    "case-studies": [
      {
        id: "AML.CS0000",
        name: "A Case",
        "object-type": "case-study",
        summary: "What happened.",
        "incident-date": "2020-01-01",
        "incident-date-granularity": "YEAR",
        procedure: [
          { tactic: "AML.TA0004", technique: "AML.T0001", description: "Step 1." },
          { tactic: "AML.TA0002", technique: "AML.T0000.000", description: "Step 2." },
          { tactic: "AML.TA0004", technique: "AML.T0001", description: "Step 3." },
        ],
        target: "A system",
        actor: "Researchers",
        "case-study-type": "exercise",
        references: [{ title: "Paper", url: "https://example.org/paper" }],
      },
    ],
  };
}

type Release = ReturnType<typeof release>;

function yamlOf(edit?: (r: Release) => void): string {
  const r = release();
  edit?.(r);
  return YAML.stringify(r);
}

/** The issues of the VALIDATION error `parseAtlasRelease(text)` must throw. */
function issuesOf(text: string) {
  let error: unknown;
  try {
    parseAtlasRelease(text);
  } catch (e) {
    error = e;
  }
  expect(error, "expected the file to be refused").toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("VALIDATION");
  return (error as AppError).issues;
}

const pathsOf = (text: string) => issuesOf(text).map((i) => i.path);

describe("parseAtlasRelease: a valid release", () => {
  const parsed = parseAtlasRelease(yamlOf());

  it("returns the release's id, version and counts", () => {
    expect(parsed).toMatchObject({ id: "ATLAS", version: "9.1.0", counts: { tactics: 3, techniques: 2, subtechniques: 2, mitigations: 1, caseStudies: 1 } });
  });

  it("keeps the file order as position, tactics in matrix order", () => {
    expect(parsed.tactics.map((t) => [t.id, t.position])).toEqual([
      ["AML.TA0002", 0],
      ["AML.TA0003", 1],
      ["AML.TA0004", 2],
    ]);
    expect(parsed.techniques.map((t) => [t.id, t.kind, t.position])).toEqual([
      ["AML.T0001.000", "subtechnique", 0],
      ["AML.T0000", "technique", 1],
      ["AML.T0000.000", "subtechnique", 2],
      ["AML.T0001", "technique", 3],
    ]);
  });

  it("sorts a technique's tactics into matrix order without duplicates; sub-techniques inherit their parent's", () => {
    const byId = new Map(parsed.techniques.map((t) => [t.id, t]));
    expect(byId.get("AML.T0001")!.tacticIds).toEqual(["AML.TA0002", "AML.TA0004"]);
    expect(byId.get("AML.T0001.000")).toMatchObject({ parentId: "AML.T0001", tacticIds: ["AML.TA0002", "AML.TA0004"] });
    expect(byId.get("AML.T0000.000")).toMatchObject({ parentId: "AML.T0000", tacticIds: ["AML.TA0002"] });
  });

  it("lists a mitigation's techniques once each, sorted, and keeps the 'use' texts in data", () => {
    const m = parsed.mitigations[0];
    expect(m.techniqueIds).toEqual(["AML.T0000", "AML.T0001"]);
    expect(m.data.techniques).toHaveLength(3);
    expect(m.data.category).toEqual(["Policy"]);
  });

  it("gives a case study its summary as description, the techniques and tactics its procedure uses, the rest in data", () => {
    const c = parsed.caseStudies[0];
    expect(c).toMatchObject({ description: "What happened.", techniqueIds: ["AML.T0001", "AML.T0000.000"], tacticIds: ["AML.TA0002", "AML.TA0004"] });
    expect(Object.keys(c.data).sort()).toEqual(["actor", "case-study-type", "incident-date", "incident-date-granularity", "procedure", "references", "target"]);
  });

  it("keeps extra keys in data, without the object-type and the keys stored in columns", () => {
    expect(parsed.tactics[0].data).toEqual({ "ATT&CK-reference": { id: "TA0043", url: "https://attack.mitre.org/tactics/TA0043/" } });
    expect(parsed.techniques[1].data).toEqual({ maturity: "demonstrated", created_date: "2021-05-13" });
  });

  it("warns, without refusing, about a technique listed twice and a technique reference under ml-lifecycle", () => {
    expect(parsed.warnings).toEqual([
      { path: "matrices.0.mitigations.0.techniques.2.id", message: expect.stringContaining("lists AML.T0001 more than once") },
      { path: "matrices.0.mitigations.0.ml-lifecycle.1", message: expect.stringContaining("AML.T0000.000") },
    ]);
  });

  it("keeps a version written as a YAML number as written (5.10, not 5.1)", () => {
    expect(parseAtlasRelease(yamlOf().replace("version: 9.1.0", "version: 5.10")).version).toBe("5.10");
  });

  it("reads YAML 1.2 whatever the file declares: dates stay text", () => {
    const parsedOld = parseAtlasRelease(`%YAML 1.1\n---\n${yamlOf()}`);
    expect(parsedOld.techniques[1].data.created_date).toBe("2021-05-13");
  });

  it("accepts a leading byte-order mark", () => {
    expect(parseAtlasRelease(`\uFEFF${yamlOf()}`).counts.tactics).toBe(3);
  });
});

describe("parseAtlasRelease: refused files name the offending path", () => {
  it("bad YAML → (yaml) with line and column", () => {
    const issues = issuesOf(yamlOf().replace("version: 9.1.0\n", "version: 9.1.0\nversion: 9.2.0\n"));
    expect(issues[0].path).toBe("(yaml)");
    expect(issues[0].message).toMatch(/^Line 4, column 1: Map keys must be unique/);
    expect(issuesOf("id: [unclosed\nname: x\n")[0].message).toMatch(/^Line \d+, column \d+: /);
  });

  it("several YAML documents, a list, a scalar or nothing → refused as a whole", () => {
    expect(pathsOf(`${yamlOf()}---\nid: other\n`)).toEqual(["(yaml)"]);
    expect(pathsOf("- a\n- b\n")).toEqual(["(file)"]);
    expect(pathsOf("just text")).toEqual(["(file)"]);
    expect(pathsOf("  \n")).toEqual(["(file)"]);
  });

  it("missing required keys", () => {
    expect(pathsOf(yamlOf((r) => delete (r.matrices[0].techniques[1] as Partial<Release["matrices"][0]["techniques"][1]>).name))).toEqual([
      "matrices.0.techniques.1.name",
    ]);
    expect(pathsOf(yamlOf((r) => delete (r as Partial<Release>).version))).toEqual(["version"]);
    expect(pathsOf(yamlOf((r) => delete (r["case-studies"][0] as Partial<Release["case-studies"][0]>).procedure))).toEqual(["case-studies.0.procedure"]);
    expect(issuesOf(yamlOf((r) => delete (r.matrices[0].tactics[2] as Partial<Release["matrices"][0]["tactics"][2]>).description))[0]).toEqual({
      path: "matrices.0.tactics.2.description",
      message: "Required",
    });
  });

  it("wrong types", () => {
    const issues = issuesOf(yamlOf((r) => Object.assign(r["case-studies"][0], { name: 42 })));
    expect(issues).toEqual([{ path: "case-studies.0.name", message: "Expected text, found number 42" }]);
    expect(pathsOf(yamlOf((r) => Object.assign(r.matrices[0].techniques[1], { tactics: "AML.TA0002" })))).toEqual(["matrices.0.techniques.1.tactics"]);
    expect(pathsOf(yamlOf((r) => Object.assign(r.matrices[0], { techniques: { a: 1 } })))).toEqual(["matrices.0.techniques"]);
    expect(pathsOf(yamlOf((r) => Object.assign(r.matrices[0].tactics[0], { "object-type": "technique" })))).toEqual(["matrices.0.tactics.0.object-type"]);
  });

  it("ids that do not look like ATLAS ids of their kind", () => {
    expect(pathsOf(yamlOf((r) => (r.matrices[0].tactics[1].id = "AML.T0005")))).toContain("matrices.0.tactics.1.id");
    expect(pathsOf(yamlOf((r) => (r.matrices[0].mitigations[0].id = "M0000")))).toEqual(["matrices.0.mitigations.0.id"]);
  });

  it("duplicate ids → the path of the second occurrence, also across lists", () => {
    const issues = issuesOf(yamlOf((r) => r.matrices[0].techniques.push({ ...r.matrices[0].techniques[1], name: "Copy" })));
    expect(issues).toEqual([{ path: "matrices.0.techniques.4.id", message: "Duplicate id AML.T0000 (first at matrices.0.techniques.1.id)" }]);
    expect(pathsOf(yamlOf((r) => r["case-studies"].push({ ...r["case-studies"][0] })))).toEqual(["case-studies.1.id"]);
  });

  it("a sub-technique whose parent does not exist, is a sub-technique, or is not named", () => {
    expect(issuesOf(yamlOf((r) => (r.matrices[0].techniques[2]["subtechnique-of"] = "AML.T0099")))).toEqual([
      { path: "matrices.0.techniques.2.subtechnique-of", message: "Unknown parent technique AML.T0099" },
    ]);
    expect(pathsOf(yamlOf((r) => delete (r.matrices[0].techniques[2] as { "subtechnique-of"?: string })["subtechnique-of"]))).toEqual([
      "matrices.0.techniques.2.subtechnique-of",
    ]);
    // "subtechnique-of" must name a technique id: a sub-technique id does not even match the pattern
    expect(pathsOf(yamlOf((r) => (r.matrices[0].techniques[2]["subtechnique-of"] = "AML.T0001.000")))).toEqual(["matrices.0.techniques.2.subtechnique-of"]);
  });

  it("a technique without tactics, with none, or with an unknown tactic", () => {
    expect(pathsOf(yamlOf((r) => delete (r.matrices[0].techniques[1] as { tactics?: string[] }).tactics))).toEqual(["matrices.0.techniques.1.tactics"]);
    expect(pathsOf(yamlOf((r) => (r.matrices[0].techniques[1].tactics = [])))).toEqual(["matrices.0.techniques.1.tactics"]);
    expect(issuesOf(yamlOf((r) => (r.matrices[0].techniques[3].tactics = ["AML.TA0002", "AML.TA0099"])))).toEqual([
      { path: "matrices.0.techniques.3.tactics.1", message: "Unknown tactic AML.TA0099" },
    ]);
  });

  it("a mitigation or case-study step referring to an unknown technique or tactic", () => {
    expect(issuesOf(yamlOf((r) => (r.matrices[0].mitigations[0].techniques[1].id = "AML.T0099")))).toEqual([
      { path: "matrices.0.mitigations.0.techniques.1.id", message: "Unknown technique AML.T0099" },
    ]);
    expect(pathsOf(yamlOf((r) => Object.assign(r["case-studies"][0].procedure[1], { technique: "AML.T0099", tactic: "AML.TA0099" })))).toEqual([
      "case-studies.0.procedure.1.tactic",
      "case-studies.0.procedure.1.technique",
    ]);
  });

  it("more than one matrix", () => {
    expect(pathsOf(yamlOf((r) => r.matrices.push(r.matrices[0])))).toEqual(["matrices"]);
  });

  it("a file over the size limit, before parsing it", () => {
    const issues = issuesOf(`${yamlOf()}#${"x".repeat(ATLAS_MAX_BYTES)}\n`);
    expect(issues).toEqual([{ path: "(file)", message: "Larger than the limit of 20 MB" }]);
  });

  it("reports at most ATLAS_MAX_ISSUES issues, then how many more", () => {
    const issues = issuesOf(
      yamlOf((r) => {
        for (const t of r.matrices[0].techniques) Object.assign(t, { name: 1, description: 2 });
      }),
    );
    expect(issues).toHaveLength(8);
    const many = issuesOf(
      yamlOf((r) => {
        for (let i = 0; i < 60; i++) r["case-studies"].push({ ...r["case-studies"][0], id: `AML.CS${String(i + 1).padStart(4, "0")}`, name: "" });
      }),
    );
    expect(many).toHaveLength(ATLAS_MAX_ISSUES + 1);
    expect(many.at(-1)).toEqual({ path: "(file)", message: "… and 10 more issues" });
  });

  it("a file that expands aliases exponentially", () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x, x]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]",
      "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]",
    ].join("\n");
    expect(pathsOf(bomb)).toEqual(["(yaml)"]);
  });
});

describe("parseAtlasRelease: the reference release (ATLAS 5.6.0)", () => {
  it("parses with the published counts and the known oddities as warnings", () => {
    const parsed = parseAtlasRelease(readReference("atlas/ATLAS.yaml"));
    expect(parsed.version).toBe("5.6.0");
    expect(parsed.counts).toEqual({ tactics: 16, techniques: 101, subtechniques: 69, mitigations: 35, caseStudies: 57 });
    expect(parsed.warnings.map((w) => w.path)).toEqual([
      "matrices.0.mitigations.2.techniques.7.id",
      "matrices.0.mitigations.4.techniques.11.id",
      "matrices.0.mitigations.18.ml-lifecycle.6",
      "matrices.0.mitigations.34.ml-lifecycle.4",
    ]);
  });
});
