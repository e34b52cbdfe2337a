import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { db } from "@/lib/db/client";
import { createTestOrg, type TestOrg } from "@/scripts/support/create-test-org";
import { referencePath } from "@/tests/reference-data";

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const ROOT = path.resolve(import.meta.dirname, "../..");
const REFERENCE_FILE = referencePath("atlas/ATLAS.yaml");
const TMP = mkdtempSync(path.join(tmpdir(), "atlas-cli-"));

/** Runs `npm run atlas:import -- …` against the test database; resolves with its exit code and output. */
function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      "npm",
      ["run", "--silent", "atlas:import", "--", ...args],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

function tempFile(name: string, content: string): string {
  const file = path.join(TMP, name);
  writeFileSync(file, content);
  return file;
}

async function slugOf(org: TestOrg): Promise<string> {
  return (await db.organization.findUniqueOrThrow({ where: { id: org.orgId }, select: { slug: true } })).slug;
}

const CATALOG_NOW = (slug: string, version: string) =>
  `Catalog of ${slug} now: MITRE ATLAS ${version} (imported): 16 tactics, 101 techniques, 69 sub-techniques, 35 mitigations, 57 case studies.`;

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

describe("scripts/atlas-import.ts", () => {
  let org: TestOrg;
  let slug: string;

  beforeAll(async () => {
    org = await createTestOrg("atlas-cli");
    slug = await slugOf(org);
  });

  it("imports the reference release as the system actor and prints what the catalog now holds", async () => {
    const { code, stdout, stderr } = await runCli([REFERENCE_FILE, "--org", slug]);
    expect(stderr).not.toContain("Error");
    expect(stdout).toContain("Imported MITRE ATLAS 5.6.0");
    expect(stdout).toMatch(/imported in \d+\.\d\d s\./);
    expect(stdout).toContain("Changes against the built-in catalog 5.6.0: none");
    expect(stdout).toContain("Warning: matrices.0.mitigations.18.ml-lifecycle.6: A technique reference (AML.T0052.001)");
    expect(stdout.trim().split("\n").at(-1)).toBe(CATALOG_NOW(slug, "5.6.0"));
    expect(code).toBe(0);
    const release = await db.atlasRelease.findFirstOrThrow({ where: { orgId: org.orgId, isCurrent: true }, select: { importedById: true } });
    expect(release.importedById).toBe("system");
    const event = await db.auditEvent.findFirstOrThrow({ where: { orgId: org.orgId, action: "atlas.import" }, select: { actorType: true, actorLabel: true } });
    expect(event).toEqual({ actorType: "system", actorLabel: "atlas-import CLI" });
  });

  it("the same file again → 'already imported', exit 0, nothing written", async () => {
    const before = await db.atlasRelease.count({ where: { orgId: org.orgId } });
    const { code, stdout } = await runCli([REFERENCE_FILE, "--org", slug]);
    expect(stdout).toContain("was already imported");
    expect(stdout.trim().split("\n").at(-1)).toBe(CATALOG_NOW(slug, "5.6.0"));
    expect(code).toBe(0);
    expect(await db.atlasRelease.count({ where: { orgId: org.orgId } })).toBe(before);
  });

  it("a newer release → the diff summary, one line per change", async () => {
    const doc = YAML.parseDocument(readFileSync(REFERENCE_FILE, "utf8"));
    doc.set("version", "5.7.0");
    doc.setIn(["matrices", 0, "techniques", 0, "name"], "Search Open Technical Databases (Renamed)");
    const { code, stdout } = await runCli([tempFile("newer.yaml", doc.toString()), "--org", slug]);
    expect(stdout).toContain("Imported MITRE ATLAS 5.7.0; it is now the organisation's current catalog (previously 5.6.0).");
    expect(stdout).toContain("Changes against the previously current release 5.6.0: 0 added, 0 removed, 1 renamed, 0 moved.");
    expect(stdout).toContain('renamed  technique    AML.T0000  "Search Open Technical Databases" → "Search Open Technical Databases (Renamed)"');
    expect(stdout.trim().split("\n").at(-1)).toBe(CATALOG_NOW(slug, "5.7.0"));
    expect(code).toBe(0);
  });

  it("a malformed file → every issue with its path on stderr, exit 1, nothing written", async () => {
    const doc = YAML.parseDocument(readFileSync(REFERENCE_FILE, "utf8"));
    doc.deleteIn(["matrices", 0, "techniques", 12, "name"]);
    doc.setIn(["case-studies", 3, "id"], "AML.CS0000");
    const before = await db.atlasRelease.count({ where: { orgId: org.orgId } });
    const { code, stderr } = await runCli([tempFile("bad.yaml", doc.toString()), "--org", slug]);
    expect(stderr).toContain("Error (VALIDATION): The file is not a valid MITRE ATLAS release.");
    expect(stderr).toContain("  matrices.0.techniques.12.name: Required");
    expect(code).toBe(1);
    // the schema error stops before the cross-checks; the duplicate id is reported once the file parses
    doc.setIn(["matrices", 0, "techniques", 12, "name"], "Named Again");
    const second = await runCli([tempFile("bad2.yaml", doc.toString()), "--org", slug]);
    expect(second.stderr).toContain("  case-studies.3.id: Duplicate id AML.CS0000 (first at case-studies.0.id)");
    expect(second.code).toBe(1);
    const yamlError = await runCli([tempFile("bad3.yaml", "id: ATLAS\nid: again\n"), "--org", slug]);
    expect(yamlError.stderr).toContain("(yaml): Line 2, column 1: Map keys must be unique");
    expect(yamlError.code).toBe(1);
    expect(await db.atlasRelease.count({ where: { orgId: org.orgId } })).toBe(before);
  });

  it("a missing file, an unknown organisation, or no arguments → a clear message and exit 1", async () => {
    const missing = await runCli([path.join(TMP, "nope.yaml"), "--org", slug]);
    expect(missing.stderr).toContain(`Error: File not found: ${path.join(TMP, "nope.yaml")}`);
    expect(missing.code).toBe(1);
    const unknown = await runCli([REFERENCE_FILE, "--org", "no-such-org-slug"]);
    expect(unknown.stderr).toContain('Error: No organisation with slug "no-such-org-slug".');
    expect(unknown.code).toBe(1);
    const bare = await runCli([]);
    expect(bare.stderr).toContain("Usage: npm run atlas:import -- <file> --org <slug>");
    expect(bare.code).toBe(1);
  });
});
