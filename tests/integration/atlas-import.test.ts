import { beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { db } from "@/lib/db/client";
import type { ServiceContext } from "@/lib/context";
import { ROLES } from "@/lib/auth/roles";
import { createTestOrg, type TestOrg } from "@/scripts/support/create-test-org";
import { auditSeq, expectAppError } from "@/tests/support/harness";
import { getAtlasCatalog } from "@/lib/catalogs/get-atlas-catalog";
import { importAtlasRelease } from "@/lib/atlas/import-atlas-release";
import { getAtlasView } from "@/lib/atlas/get-atlas-view";
import { getAtlasTechnique } from "@/lib/atlas/get-atlas-technique";
import { getAtlasMitigation } from "@/lib/atlas/get-atlas-mitigation";
import { getAtlasCaseStudy } from "@/lib/atlas/get-atlas-case-study";
import { listAtlasReleases } from "@/lib/atlas/list-atlas-releases";
import type { AtlasImportResult } from "@/lib/atlas/schemas";
import { readReference } from "@/tests/reference-data";

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const REFERENCE_YAML = readReference("atlas/ATLAS.yaml");
/** The reference file read independently of the code under test (plain `yaml`). */
const REFERENCE = YAML.parse(REFERENCE_YAML) as {
  version: string;
  matrices: {
    tactics: { id: string; name: string }[];
    techniques: { id: string; name: string; tactics?: string[]; "subtechnique-of"?: string }[];
    mitigations: { id: string; techniques: { id: string }[] }[];
  }[];
  "case-studies": { id: string; procedure: { technique: string }[] }[];
};
const MATRIX = REFERENCE.matrices[0];

const importAs = (ctx: ServiceContext, yaml: string) => importAtlasRelease({ ctx, input: { yaml } });

/** What an import may change: the releases, the current one, the audit chain, the stored objects. */
async function snapshot(orgId: string) {
  const [releases, current, seq, objects] = await Promise.all([
    db.atlasRelease.count({ where: { orgId } }),
    db.atlasRelease.findFirst({ where: { orgId, isCurrent: true }, select: { id: true } }),
    auditSeq(orgId),
    db.atlasObject.count({ where: { orgId } }),
  ]);
  return { releases, currentId: current?.id ?? null, seq, objects };
}

/** The reference release edited through the YAML document model (the test's own serialisation). */
function editedReference(edit: (doc: YAML.Document) => void): string {
  const doc = YAML.parseDocument(REFERENCE_YAML);
  edit(doc);
  return doc.toString();
}

const techniqueIndex = (id: string) => MATRIX.techniques.findIndex((t) => t.id === id);
const isReferenced = (id: string) =>
  MATRIX.techniques.some((t) => t["subtechnique-of"] === id) ||
  MATRIX.mitigations.some((m) => m.techniques.some((t) => t.id === id)) ||
  REFERENCE["case-studies"].some((c) => c.procedure.some((s) => s.technique === id));

/**
 * "ATLAS 5.7.0", built from the reference: one technique renamed, one removed (one nothing refers to),
 * one added, one moved to another tactic (one with sub-techniques, which follow it).
 */
function newerRelease() {
  const topLevel = MATRIX.techniques.filter((t) => !t["subtechnique-of"]);
  const removed = topLevel.find((t) => !isReferenced(t.id))!;
  const moved = topLevel.find((t) => t.tactics!.length === 1 && MATRIX.techniques.some((s) => s["subtechnique-of"] === t.id) && t.id !== removed.id)!;
  const renamed = topLevel.find((t) => t.id !== removed.id && t.id !== moved.id)!;
  const toTactic = MATRIX.tactics.find((t) => t.id !== moved.tactics![0])!.id;
  const added = {
    id: "AML.T0999",
    name: "Test-Only Technique",
    description: "Added by the test.",
    "object-type": "technique",
    tactics: [MATRIX.tactics[0].id],
    maturity: "feasible",
  };
  const yaml = editedReference((doc) => {
    doc.set("version", "5.7.0");
    doc.setIn(["matrices", 0, "techniques", techniqueIndex(renamed.id), "name"], `${renamed.name} (Renamed)`);
    doc.setIn(["matrices", 0, "techniques", techniqueIndex(moved.id), "tactics"], doc.createNode([toTactic]));
    doc.deleteIn(["matrices", 0, "techniques", techniqueIndex(removed.id)]);
    doc.addIn(["matrices", 0, "techniques"], doc.createNode(added));
  });
  return { yaml, removed, moved, renamed, added, toTactic, movedSubs: MATRIX.techniques.filter((s) => s["subtechnique-of"] === moved.id) };
}

const REFERENCE_COUNTS = { tactics: 16, techniques: 101, subtechniques: 69, mitigations: 35, caseStudies: 57 };

// ---------------------------------------------------------------------------------------------
// Conformance: the reference release
// ---------------------------------------------------------------------------------------------

describe("importAtlasRelease: the reference release (ATLAS 5.6.0)", () => {
  let org: TestOrg;
  let result: AtlasImportResult;
  let seqBefore: number;

  beforeAll(async () => {
    org = await createTestOrg("atlas-ref");
    seqBefore = await auditSeq(org.orgId);
    // the 2 s import target is measured by `npm run bench:threats`, not asserted in a test
    result = await importAs(org.as("admin"), REFERENCE_YAML);
  });

  it("imports 16 tactics, 101 techniques, 69 sub-techniques, 35 mitigations, 57 case studies", async () => {
    expect(result).toMatchObject({ status: "imported", versionOrder: "same", release: { version: "5.6.0", isCurrent: true, counts: REFERENCE_COUNTS } });
    const view = await getAtlasView({ ctx: org.as("auditor") });
    expect(view.source).toEqual({ kind: "imported", version: "5.6.0", releaseId: result.release.id, importedAt: result.release.importedAt });
    expect({
      tactics: view.tactics.length,
      techniques: view.techniques.filter((t) => t.parentId === null).length,
      subtechniques: view.techniques.filter((t) => t.parentId !== null).length,
      mitigations: view.mitigations.length,
      caseStudies: view.caseStudies.length,
    }).toEqual(REFERENCE_COUNTS);
    expect(await db.atlasObject.count({ where: { releaseId: result.release.id } })).toBe(16 + 170 + 35 + 57);
  });

  it("keeps the tactic order of the file (the matrix order)", async () => {
    const view = await getAtlasView({ ctx: org.as("executive") });
    expect(view.tactics.map((t) => t.id)).toEqual(MATRIX.tactics.map((t) => t.id));
    expect(view.tactics.map((t) => t.name)).toEqual(MATRIX.tactics.map((t) => t.name));
  });

  it("agrees with the built-in catalog of the same version: same ids, names, parents, tactics, slugs and mitigation links", async () => {
    const view = await getAtlasView({ ctx: org.as("admin") });
    const builtin = getAtlasCatalog();
    expect(view.tactics).toEqual(builtin.tactics);
    expect(view.techniques.map(({ description: _d, ...t }) => t)).toEqual(builtin.techniques);
    expect(view.mitigations.map(({ description: _d, ...m }) => m)).toEqual(builtin.mitigations);
    expect(view.caseStudies).toEqual(builtin.caseStudies);
    expect(result.release.changes).toEqual({ baseline: { kind: "builtin", version: "5.6.0" }, added: [], removed: [], renamed: [], moved: [] });
  });

  it("writes exactly one atlas.import audit event", async () => {
    expect(await auditSeq(org.orgId)).toBe(seqBefore + 1);
    const event = await db.auditEvent.findUniqueOrThrow({
      where: { orgId_seq: { orgId: org.orgId, seq: seqBefore + 1 } },
      select: { action: true, entityType: true, entityId: true, changes: true },
    });
    expect(event).toMatchObject({
      action: "atlas.import",
      entityType: "atlas_release",
      entityId: result.release.id,
      changes: { version: { before: null, after: "5.6.0" }, counts: { before: null, after: REFERENCE_COUNTS } },
    });
  });

  it("returns the release's oddities as warnings (duplicate technique links, technique references under ml-lifecycle)", () => {
    expect(result.warnings.map((w) => w.path)).toEqual([
      "matrices.0.mitigations.2.techniques.7.id",
      "matrices.0.mitigations.4.techniques.11.id",
      "matrices.0.mitigations.18.ml-lifecycle.6",
      "matrices.0.mitigations.34.ml-lifecycle.4",
    ]);
  });

  it("loads descriptions only when asked", async () => {
    const cheap = await getAtlasView({ ctx: org.as("risk_owner") });
    expect(cheap.techniques.every((t) => t.description === null)).toBe(true);
    const full = await getAtlasView({ ctx: org.as("risk_owner"), input: { descriptions: true } });
    expect(full.techniques.every((t) => typeof t.description === "string" && t.description.length > 0)).toBe(true);
    expect(full.mitigations.every((m) => typeof m.description === "string")).toBe(true);
  });

  it("getAtlasTechnique: description, inherited tactics, sub-techniques, mitigations and the case studies that use it", async () => {
    const parent = await getAtlasTechnique({ ctx: org.as("auditor"), input: { id: "AML.T0000" } });
    expect(parent).toMatchObject({
      releaseVersion: "5.6.0",
      inCurrentRelease: true,
      technique: { id: "AML.T0000", parentId: null, tacticIds: ["AML.TA0002"] },
    });
    expect(parent).not.toHaveProperty("lastSeenIn");
    expect(parent.technique.description).toMatch(/^Adversaries may search for publicly available research/);
    expect(parent.technique.subtechniques.map((s) => s.id)).toEqual(["AML.T0000.000", "AML.T0000.001", "AML.T0000.002"]);
    expect(parent.mitigations.map((m) => m.id)).toContain("AML.M0000");
    expect(parent.mitigations.every((m) => m.description)).toBe(true);

    const sub = await getAtlasTechnique({ ctx: org.as("auditor"), input: { id: "AML.T0000.001" } });
    expect(sub.technique).toMatchObject({ parentId: "AML.T0000", tacticIds: ["AML.TA0002"], subtechniques: [] });
    const usingIt = REFERENCE["case-studies"]
      .filter((c) => c.procedure.some((s) => s.technique === "AML.T0000.001"))
      .map((c) => c.id)
      .sort();
    expect(usingIt.length).toBeGreaterThan(0);
    expect(sub.caseStudies.map((c) => c.id)).toEqual(usingIt);
  });

  it("getAtlasMitigation: techniques with their 'use'; the misplaced ml-lifecycle reference is not a link", async () => {
    const m = await getAtlasMitigation({ ctx: org.as("compliance_officer"), input: { id: "AML.M0018" } });
    expect(m.mitigation).toMatchObject({ id: "AML.M0018", name: "User Training", category: ["Policy"] });
    expect(m.mitigation.techniqueIds).toEqual(["AML.T0011", "AML.T0011.000", "AML.T0011.001", "AML.T0052", "AML.T0052.000"]);
    expect(m.mitigation.mlLifecycle).toHaveLength(6);
    expect(m.techniques.find((t) => t.id === "AML.T0052")?.use).toContain("phishing");
  });

  it("getAtlasCaseStudy: summary, references and the procedure with names", async () => {
    const c = await getAtlasCaseStudy({ ctx: org.as("executive"), input: { id: "AML.CS0000" } });
    expect(c.caseStudy).toMatchObject({ id: "AML.CS0000", incidentDate: "2020-01-01", incidentDateGranularity: "YEAR", type: "exercise" });
    expect(c.caseStudy.summary).toContain("Palo Alto Networks");
    expect(c.caseStudy.procedure).toHaveLength(6);
    expect(c.caseStudy.procedure[0]).toMatchObject({
      tacticId: "AML.TA0002",
      tacticName: "Reconnaissance",
      techniqueId: "AML.T0000.001",
      techniqueName: "Pre-Print Repositories",
    });
    expect(c.caseStudy.references[0].url).toBe("https://arxiv.org/abs/1802.03162");
  });

  it("an unknown id → NOT_FOUND", async () => {
    await expectAppError(getAtlasTechnique({ ctx: org.as("admin"), input: { id: "AML.T9999" } }), "NOT_FOUND");
    await expectAppError(getAtlasMitigation({ ctx: org.as("admin"), input: { id: "AML.T0000" } }), "NOT_FOUND");
    await expectAppError(getAtlasCaseStudy({ ctx: org.as("admin"), input: { id: "AML.M0000" } }), "NOT_FOUND");
  });

  it("importing the same file again is a no-op: no new release, no audit event", async () => {
    const before = await snapshot(org.orgId);
    const again = await importAs(org.as("admin"), REFERENCE_YAML);
    expect(again).toMatchObject({ status: "unchanged", versionOrder: null, release: { id: result.release.id, isCurrent: true } });
    expect(again.message).toContain("already imported");
    // the same bytes behind a byte-order mark (as a browser upload reads them) are the same file
    expect((await importAs(org.as("admin"), `\uFEFF${REFERENCE_YAML}`)).status).toBe("unchanged");
    expect(await snapshot(org.orgId)).toEqual(before);
    expect(await listAtlasReleases({ ctx: org.as("admin") })).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------------------
// Malformed files
// ---------------------------------------------------------------------------------------------

describe("importAtlasRelease: malformed files are refused with the path and change nothing", () => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await createTestOrg("atlas-bad");
    await importAs(org.as("admin"), REFERENCE_YAML);
  });

  const subIndex = MATRIX.techniques.findIndex((t) => t["subtechnique-of"]);
  const cases: [string, () => string, string, RegExp?][] = [
    [
      "bad YAML (duplicate key)",
      () => REFERENCE_YAML.replace("version: 5.6.0\n", "version: 5.6.0\nversion: 5.7.0\n"),
      "(yaml)",
      /^Line 5, column 1: Map keys must be unique/,
    ],
    ["bad YAML (unclosed flow sequence)", () => REFERENCE_YAML.replace("version: 5.6.0\n", "version: [5.6.0\n"), "(yaml)", /^Line \d+, column \d+: /],
    [
      "missing technique name",
      () => editedReference((d) => d.deleteIn(["matrices", 0, "techniques", 12, "name"])),
      "matrices.0.techniques.12.name",
      /^Required$/,
    ],
    ["missing case-study id", () => editedReference((d) => d.deleteIn(["case-studies", 3, "id"])), "case-studies.3.id"],
    ["missing matrices", () => editedReference((d) => d.delete("matrices")), "matrices"],
    ["wrong type", () => editedReference((d) => d.setIn(["matrices", 0, "tactics", 2, "name"], 42)), "matrices.0.tactics.2.name", /number 42/],
    [
      "duplicate technique id",
      () => editedReference((d) => d.setIn(["matrices", 0, "techniques", 40, "id"], MATRIX.techniques[5].id)),
      "matrices.0.techniques.40.id",
      /^Duplicate id/,
    ],
    [
      "duplicate case-study id",
      () => editedReference((d) => d.setIn(["case-studies", 3, "id"], REFERENCE["case-studies"][0].id)),
      "case-studies.3.id",
      /^Duplicate id/,
    ],
    [
      "sub-technique with an unknown parent",
      () => editedReference((d) => d.setIn(["matrices", 0, "techniques", subIndex, "subtechnique-of"], "AML.T0998")),
      `matrices.0.techniques.${subIndex}.subtechnique-of`,
      /Unknown parent/,
    ],
    [
      "sub-technique without a parent",
      () => editedReference((d) => d.deleteIn(["matrices", 0, "techniques", subIndex, "subtechnique-of"])),
      `matrices.0.techniques.${subIndex}.subtechnique-of`,
    ],
    [
      "technique with an unknown tactic",
      () => editedReference((d) => d.setIn(["matrices", 0, "techniques", 0, "tactics", 0], "AML.TA0099")),
      "matrices.0.techniques.0.tactics.0",
      /Unknown tactic AML.TA0099/,
    ],
    [
      "mitigation with an unknown technique",
      () => editedReference((d) => d.setIn(["matrices", 0, "mitigations", 3, "techniques", 0, "id"], "AML.T0998")),
      "matrices.0.mitigations.3.techniques.0.id",
      /Unknown technique/,
    ],
    ["not a release at all", () => "- just\n- a list\n", "(file)"],
    ["an empty file", () => "", "yaml"],
  ];

  it.each(cases)("%s → VALIDATION at the path, nothing written", async (_label, make, path, message) => {
    const before = await snapshot(org.orgId);
    const error = await expectAppError(importAs(org.as("admin"), make()), "VALIDATION");
    const issue = error.issues.find((i) => i.path === path);
    expect(issue, `issues: ${JSON.stringify(error.issues)}`).toBeDefined();
    if (message) expect(issue!.message).toMatch(message);
    expect(await snapshot(org.orgId)).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------
// A newer release, then older ones
// ---------------------------------------------------------------------------------------------

describe("importAtlasRelease: a newer release", () => {
  let org: TestOrg;
  let first: AtlasImportResult;
  let second: AtlasImportResult;
  const newer = newerRelease();

  beforeAll(async () => {
    org = await createTestOrg("atlas-newer");
    first = await importAs(org.as("admin"), REFERENCE_YAML);
    second = await importAs(org.as("admin"), newer.yaml);
  });

  it("imports and becomes current; the old release stays, not current", async () => {
    expect(second).toMatchObject({ status: "imported", versionOrder: "newer", release: { version: "5.7.0", isCurrent: true } });
    const releases = await listAtlasReleases({ ctx: org.as("auditor") });
    expect(releases.map((r) => [r.version, r.isCurrent])).toEqual([
      ["5.7.0", true],
      ["5.6.0", false],
    ]);
    expect(releases[0].counts).toEqual(REFERENCE_COUNTS); // one technique removed, one added
    expect(await db.atlasObject.count({ where: { releaseId: first.release.id } })).toBe(16 + 170 + 35 + 57);
    const view = await getAtlasView({ ctx: org.as("auditor") });
    expect(view.source).toMatchObject({ kind: "imported", version: "5.7.0", releaseId: second.release.id });
  });

  it("the diff names exactly the renamed, removed, added and moved technique", () => {
    const { removed, moved, renamed, added, toTactic } = newer;
    expect(second.release.changes).toEqual({
      baseline: { kind: "imported", version: "5.6.0", releaseId: first.release.id },
      added: [{ kind: "technique", id: added.id, name: added.name }],
      removed: [{ kind: "technique", id: removed.id, name: removed.name }],
      renamed: [{ kind: "technique", id: renamed.id, from: renamed.name, to: `${renamed.name} (Renamed)` }],
      moved: [{ kind: "technique", id: moved.id, name: moved.name, fromTactics: moved.tactics, toTactics: [toTactic], fromParent: null, toParent: null }],
    });
  });

  it("the moved technique's sub-techniques follow it", async () => {
    expect(newer.movedSubs.length).toBeGreaterThan(0);
    const view = await getAtlasView({ ctx: org.as("admin") });
    for (const s of newer.movedSubs) expect(view.techniques.find((t) => t.id === s.id)?.tacticIds).toEqual([newer.toTactic]);
  });

  it("a technique only in the old release still resolves, from that release", async () => {
    const gone = await getAtlasTechnique({ ctx: org.as("risk_owner"), input: { id: newer.removed.id } });
    expect(gone).toMatchObject({
      inCurrentRelease: false,
      lastSeenIn: { version: "5.6.0" },
      releaseVersion: "5.6.0",
      technique: { id: newer.removed.id, name: newer.removed.name },
    });
    expect(gone.technique.description).toBeTruthy();
    const renamed = await getAtlasTechnique({ ctx: org.as("risk_owner"), input: { id: newer.renamed.id } });
    expect(renamed).toMatchObject({ inCurrentRelease: true, releaseVersion: "5.7.0", technique: { name: `${newer.renamed.name} (Renamed)` } });
    const added = await getAtlasTechnique({ ctx: org.as("risk_owner"), input: { id: newer.added.id } });
    expect(added).toMatchObject({ inCurrentRelease: true, technique: { description: "Added by the test." } });
  });

  it("the old file again → unchanged, and the newer release stays current", async () => {
    const before = await snapshot(org.orgId);
    const again = await importAs(org.as("admin"), REFERENCE_YAML);
    expect(again).toMatchObject({ status: "unchanged", release: { id: first.release.id, isCurrent: false } });
    expect(again.message).toContain("not the current catalog");
    expect(await snapshot(org.orgId)).toEqual(before);
  });

  it("an OLDER version with other content may be imported: it becomes current and the result says so", async () => {
    const older = editedReference((d) => {
      d.set("version", "5.5.0");
      d.setIn(["matrices", 0, "tactics", 0, "description"], "Edited for 5.5.0.");
    });
    const seq = await auditSeq(org.orgId);
    const result = await importAs(org.as("admin"), older);
    expect(result).toMatchObject({ status: "imported", versionOrder: "older", release: { version: "5.5.0", isCurrent: true } });
    expect(result.message).toContain("OLDER than the previously current release 5.7.0");
    expect(await auditSeq(org.orgId)).toBe(seq + 1);
    expect(await db.atlasRelease.count({ where: { orgId: org.orgId, isCurrent: true } })).toBe(1);

    const sameVersion = editedReference((d) => {
      d.set("version", "5.5.0");
      d.setIn(["matrices", 0, "tactics", 0, "description"], "Edited again.");
    });
    const result2 = await importAs(org.as("admin"), sameVersion);
    expect(result2).toMatchObject({ status: "imported", versionOrder: "same", release: { version: "5.5.0", isCurrent: true } });
    expect(result2.message).toContain("same version 5.5.0 but different content");
    expect(await listAtlasReleases({ ctx: org.as("admin") })).toHaveLength(4);
  });
});

describe("importAtlasRelease: concurrent imports in one organisation", () => {
  it("the same file twice at once → one import, one no-op, one audit event", async () => {
    const org = await createTestOrg("atlas-race");
    const seq = await auditSeq(org.orgId);
    const results = await Promise.all([importAs(org.as("admin"), REFERENCE_YAML), importAs(org.system, REFERENCE_YAML)]);
    expect(results.map((r) => r.status).sort()).toEqual(["imported", "unchanged"]);
    expect(await snapshot(org.orgId)).toMatchObject({ releases: 1, seq: seq + 1 });
  });

  it("two different files at once → both imported, exactly one current, diffed one after the other", async () => {
    const org = await createTestOrg("atlas-race2");
    const [x, y] = await Promise.all([importAs(org.as("admin"), REFERENCE_YAML), importAs(org.as("admin"), newerRelease().yaml)]);
    const current = await db.atlasRelease.findMany({ where: { orgId: org.orgId, isCurrent: true }, select: { id: true } });
    expect(current).toHaveLength(1);
    // whichever committed second was compared with the first, not with the built-in catalog
    const [earlier, later] = [x, y].sort((a, b) => a.release.importedAt.localeCompare(b.release.importedAt));
    expect(current[0].id).toBe(later.release.id);
    expect(later.release.changes.baseline).toEqual({ kind: "imported", version: earlier.release.version, releaseId: earlier.release.id });
  });
});

// ---------------------------------------------------------------------------------------------
// Permissions and tenant isolation
// ---------------------------------------------------------------------------------------------

describe("importAtlasRelease: permissions", () => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await createTestOrg("atlas-perm");
  });

  const tokenCtx = (orgId: string): ServiceContext => ({ orgId, actor: { type: "token", tokenId: "tok_test", scopes: ["read", "write"], label: "token" } });

  it("only an admin may import: other roles and API tokens are FORBIDDEN and nothing is written", async () => {
    const before = await snapshot(org.orgId);
    for (const role of ROLES.filter((r) => r !== "admin")) await expectAppError(importAs(org.as(role), REFERENCE_YAML), "FORBIDDEN");
    await expectAppError(importAs(tokenCtx(org.orgId), REFERENCE_YAML), "FORBIDDEN");
    // refused before the file is even looked at
    await expectAppError(importAs(org.as("auditor"), "not: [yaml"), "FORBIDDEN");
    expect(await snapshot(org.orgId)).toEqual(before);
    expect(before.releases).toBe(0);
  });

  it("every role and a read token may read the catalog", async () => {
    for (const role of ROLES) expect((await getAtlasView({ ctx: org.as(role) })).source.kind).toBe("builtin");
    const reader: ServiceContext = { orgId: org.orgId, actor: { type: "token", tokenId: "tok_r", scopes: ["read"], label: "reader" } };
    expect((await getAtlasTechnique({ ctx: reader, input: { id: "AML.T0000" } })).inCurrentRelease).toBe(true);
    expect(await listAtlasReleases({ ctx: reader })).toEqual([]);
  });
});

describe("ATLAS releases: tenant isolation", () => {
  let a: TestOrg;
  let b: TestOrg;
  const newer = newerRelease();

  beforeAll(async () => {
    [a, b] = await Promise.all([createTestOrg("atlas-a"), createTestOrg("atlas-b")]);
    await importAs(a.as("admin"), newer.yaml);
  });

  it("org B does not see org A's release: its view is the built-in catalog, its history empty", async () => {
    expect((await getAtlasView({ ctx: a.as("admin") })).source).toMatchObject({ kind: "imported", version: "5.7.0" });
    const view = await getAtlasView({ ctx: b.as("admin"), input: { descriptions: true } });
    expect(view.source).toEqual({ kind: "builtin", version: getAtlasCatalog().version });
    expect(view.techniques.every((t) => t.description === null)).toBe(true);
    expect(await listAtlasReleases({ ctx: b.as("admin") })).toEqual([]);
  });

  it("org B resolves neither org A's techniques nor its descriptions", async () => {
    await expectAppError(getAtlasTechnique({ ctx: b.as("admin"), input: { id: newer.added.id } }), "NOT_FOUND");
    const t = await getAtlasTechnique({ ctx: b.as("admin"), input: { id: "AML.T0000" } });
    expect(t).toMatchObject({ inCurrentRelease: true, releaseVersion: getAtlasCatalog().version, technique: { description: null }, caseStudies: [] });
    expect(t.mitigations.every((m) => m.description === null)).toBe(true);
    expect((await getAtlasMitigation({ ctx: b.as("admin"), input: { id: "AML.M0000" } })).mitigation.description).toBeNull();
    expect((await getAtlasCaseStudy({ ctx: b.as("admin"), input: { id: "AML.CS0000" } })).caseStudy.summary).toBeNull();
    // the renamed technique keeps its built-in name in B
    expect((await getAtlasTechnique({ ctx: b.as("admin"), input: { id: newer.renamed.id } })).technique.name).toBe(newer.renamed.name);
  });

  it("org A: a technique its only release dropped still resolves from the built-in catalog it saw before", async () => {
    const gone = await getAtlasTechnique({ ctx: a.as("auditor"), input: { id: newer.removed.id } });
    expect(gone).toMatchObject({
      inCurrentRelease: false,
      lastSeenIn: { version: getAtlasCatalog().version },
      technique: { name: newer.removed.name, description: null },
    });
  });

  it("org B may import the file org A imported: the no-op check is per organisation", async () => {
    const result = await importAs(b.as("admin"), newer.yaml);
    expect(result.status).toBe("imported");
    expect((await listAtlasReleases({ ctx: a.as("admin") })).map((r) => r.id)).not.toContain(result.release.id);
  });
});
