import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { importSummarySchema } from "@/lib/findings/schemas";
import { createSystem } from "@/lib/systems/create-system";
import { createTestOrg, type TestOrg } from "@/scripts/support/create-test-org";
import { auditSeq } from "@/tests/support/harness";
import { referencePath } from "@/tests/reference-data";

const ROOT = path.resolve(import.meta.dirname, "../..");
const TMP = mkdtempSync(path.join(tmpdir(), "ingest-cli-"));
const GARAK = referencePath("garak/test_with_ci.report.jsonl");
const SARIF = referencePath("sarif/bandit-report.sarif");

/** Runs `npm run ingest -- …` against the test database; resolves with its exit code and output. */
function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      "npm",
      ["run", "--silent", "ingest", "--", ...args],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

/** The last line of stdout, which --json makes the import summary. */
const lastJson = (stdout: string) => JSON.parse(stdout.trim().split("\n").at(-1)!);

async function stored(orgId: string) {
  const [imports, results, findings, seq] = await Promise.all([
    db.findingImport.count({ where: { orgId } }),
    db.testResult.count({ where: { orgId } }),
    db.finding.count({ where: { orgId } }),
    auditSeq(orgId),
  ]);
  return { imports, results, findings, seq };
}

describe("scripts/ingest.ts", () => {
  let org: TestOrg;
  let slug: string;
  let systemId: string;

  beforeAll(async () => {
    org = await createTestOrg("ingest-cli");
    slug = (await db.organization.findUniqueOrThrow({ where: { id: org.orgId }, select: { slug: true } })).slug;
    systemId = (await createSystem({ ctx: org.as("admin"), input: { name: "CLI target" } })).id;
  });

  it("imports a garak report as the system actor; --json prints exactly the import summary on the last line; again is a duplicate (exit 0)", async () => {
    const bytes = readFileSync(GARAK);
    const { code, stdout, stderr } = await runCli(["--org", slug, "--system", systemId, "--json", GARAK]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout.trim().split("\n")).toHaveLength(1);
    const summary = lastJson(stdout);
    expect(Object.keys(summary)).toEqual(Object.keys(importSummarySchema.shape));
    expect(importSummarySchema.parse(summary)).toEqual(summary);
    expect(summary).toMatchObject({
      status: "completed",
      format: "garak",
      tool: "garak",
      sha256: createHash("sha256").update(bytes).digest("hex"),
      bytes: bytes.byteLength,
      duplicate: false,
      rejected: [],
    });
    expect(summary.results).toBeGreaterThan(0);
    const row = await db.findingImport.findUniqueOrThrow({
      where: { id: summary.importId },
      select: { orgId: true, systemId: true, fileName: true, uploadedByLabel: true },
    });
    expect(row).toEqual({ orgId: org.orgId, systemId, fileName: path.basename(GARAK), uploadedByLabel: "ingest CLI" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { orgId: org.orgId, action: "finding_import.create", entityId: summary.importId } });
    expect(event).toMatchObject({ actorType: "system", actorLabel: "ingest CLI", subjectId: systemId });

    const before = await stored(org.orgId);
    const again = await runCli(["--org", slug, "--system", systemId, "--json", "--format", "garak", GARAK]);
    expect(again.code).toBe(0);
    expect(lastJson(again.stdout)).toEqual({ ...summary, duplicate: true });
    expect(await stored(org.orgId)).toEqual(before);
  });

  it("prints a human summary (and progress on stderr) without --json", async () => {
    const { code, stdout, stderr } = await runCli(["--org", slug, "--system", systemId, "--format", "sarif", SARIF]);
    expect(code).toBe(0);
    expect(stdout).toContain(`Imported ${path.basename(SARIF)} on "CLI target" (${slug})`);
    expect(stdout).toMatch(/^Format sarif, Security audit for python\.$/m);
    expect(stderr).toMatch(/^\d+ (bytes|KB|MB), [\d,]+ records$/m);
    expect(stdout).toMatch(/Findings: \d+ opened, 0 updated, 0 reopened, 0 not reproduced\./);
    const repeat = await runCli(["--org", slug, "--system", systemId, SARIF]);
    expect(repeat.code).toBe(0);
    expect(repeat.stdout).toContain("was already imported");
    expect(repeat.stdout).toContain("nothing was stored");
  });

  it("a refused file exits 1, names the line and stores nothing", async () => {
    const bad = path.join(TMP, "bad.report.jsonl");
    const text = `${readFileSync(GARAK, "utf8").trimEnd()}\n{not json\n`;
    writeFileSync(bad, text);
    const line = text.trimEnd().split("\n").length;
    const before = await stored(org.orgId);

    const json = await runCli(["--org", slug, "--system", systemId, "--json", bad]);
    expect(json.code).toBe(1);
    expect(lastJson(json.stdout)).toMatchObject({ importId: null, status: "rejected", format: "garak", rejected: [{ location: `line ${line}` }] });

    const human = await runCli(["--org", slug, "--system", systemId, bad]);
    expect(human.code).toBe(1);
    expect(human.stderr).toContain("Refused bad.report.jsonl: nothing was stored.");
    expect(human.stderr).toContain(`line ${line}: `);

    const large = await runCli(["--org", slug, "--system", systemId, "--json", GARAK], { FINDINGS_MAX_BYTES: "1000" });
    expect(large.code).toBe(1);
    expect(lastJson(large.stdout).rejected).toEqual([{ location: "(file)", message: "The file is larger than the limit of 1000 bytes (FINDINGS_MAX_BYTES)." }]);
    expect(await stored(org.orgId)).toEqual(before);
  });

  it("usage errors exit 2 with the usage text and store nothing", { timeout: 120_000 }, async () => {
    const before = await stored(org.orgId);
    const cases: [string[], string][] = [
      [["--org", slug, "--system", systemId, "--colour", GARAK], "Unknown option '--colour'"],
      [["--system", systemId, GARAK], "--org <slug> is required."],
      [["--org", slug, GARAK], "--system <id> is required."],
      [["--org", slug, "--system", systemId], "Name the file to import."],
      [["--org", slug, "--system", systemId, "--format", "nessus", GARAK], 'Unknown format "nessus"'],
      [["--org", "no-such-org", "--system", systemId, GARAK], 'No organisation with slug "no-such-org".'],
      [["--org", slug, "--system", "c0000000000000000000000000", GARAK], 'No AI system with id "c0000000000000000000000000"'],
      [["--org", slug, "--system", systemId, path.join(TMP, "missing.jsonl")], "File not found:"],
    ];
    const results = await Promise.all(cases.map(([args]) => runCli(args)));
    for (const [i, [args, message]] of cases.entries()) {
      const { code, stdout, stderr } = results[i];
      expect(code, args.join(" ")).toBe(2);
      expect(stderr, args.join(" ")).toContain(message);
      expect(stderr).toContain("Usage: npm run ingest -- --org <slug> --system <id>");
      expect(stdout).toBe("");
    }
    // another organisation's system is unknown here
    const other = await createTestOrg("ingest-cli-other");
    const otherSystem = (await createSystem({ ctx: other.as("admin"), input: { name: "Elsewhere" } })).id;
    expect((await runCli(["--org", slug, "--system", otherSystem, GARAK])).code).toBe(2);
    expect(await stored(org.orgId)).toEqual(before);
    expect(await stored(other.orgId)).toMatchObject({ imports: 0 });
  });
});
