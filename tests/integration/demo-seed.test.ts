import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { ServiceContext } from "@/lib/context";
import { seedDemo } from "@/lib/demo/seed-demo";
import { DEMO_MEMBERS, DEMO_ORG } from "@/lib/demo/demo-systems";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { getCompliancePosture } from "@/lib/controls/get-compliance-posture";
import { deleteRisk } from "@/lib/risks/delete-risk";
import { DEMO_FINDING_REPORTS, demoReferenceDir, seedDemoFindings } from "@/lib/demo/seed-demo-findings";
import { findingFingerprint } from "@/lib/findings/finding-fingerprint";

// The only test file that uses the demo organisation (slug "demo" and the fixed demo e-mail
// addresses): the other files create organisations with random slugs, and every run of the
// integration project gets its own database (tests/setup/integration-global.ts).

const ROOT = path.resolve(import.meta.dirname, "../..");
const EMBEDDED_TIMEOUT_MS = 150_000;

type SeedRun = { code: number | null; stdout: string; stderr: string; ms: number };

/** `npx tsx prisma/seed.ts` on a fresh embedded database (DATABASE_URL empty, so .env cannot set it either). */
function seedEmbedded(dataDir: string): Promise<SeedRun> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      "npx",
      ["tsx", "prisma/seed.ts"],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: "", PGLITE_DIR: dataDir }, timeout: EMBEDDED_TIMEOUT_MS },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr, ms: Date.now() - started });
      },
    );
  });
}

async function counts(orgId: string) {
  const where = { orgId };
  const [threatEntries, risks, controlStatuses, evidence, evidenceLinks, findingImports, testResults, findings, auditSeq] = await Promise.all([
    db.threatProfileEntry.count({ where }),
    db.risk.count({ where }),
    db.systemControl.count({ where }),
    db.evidence.count({ where }),
    db.evidenceLink.count({ where }),
    db.findingImport.count({ where }),
    db.testResult.count({ where }),
    db.finding.count({ where }),
    db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { auditSeq: true } }).then((o) => o.auditSeq),
  ]);
  return { threatEntries, risks, controlStatuses, evidence, evidenceLinks, findingImports, testResults, findings, auditSeq };
}

describe("demo seed: threats, risks, controls and evidence", () => {
  let orgId: string;
  let ctx: ServiceContext;
  let first: Awaited<ReturnType<typeof seedDemo>>;
  let embeddedDir: string;
  let embedded: Promise<SeedRun[]>;

  beforeAll(async () => {
    // the embedded run takes longest (initdb, migrations, bcrypt): start it first, check it last
    embeddedDir = await mkdtemp(path.join(os.tmpdir(), "aigov-demo-seed-"));
    const dataDir = path.join(embeddedDir, "pglite");
    embedded = seedEmbedded(dataDir).then(async (run) => [run, await seedEmbedded(dataDir)]);
    first = await seedDemo();
    orgId = first.orgId;
    ctx = { orgId, actor: { type: "system", label: "demo-seed test" } };
  });

  afterAll(async () => {
    await embedded?.catch(() => undefined);
    if (embeddedDir) await rm(embeddedDir, { recursive: true, force: true });
  });

  it("creates every section in the first run and reports what it added", async () => {
    const now = await counts(orgId);
    expect(first.created).toBe(true);
    expect(first.added).toMatchObject({
      organisation: true,
      threatEntries: now.threatEntries,
      risks: now.risks,
      controlStatuses: now.controlStatuses,
      evidence: now.evidence,
      findingImports: now.findingImports,
    });
    expect(now.threatEntries).toBeGreaterThanOrEqual(60);
    expect(now.risks).toBeGreaterThanOrEqual(30);
    expect(now.controlStatuses).toBeGreaterThanOrEqual(100);
    expect(now.evidence).toBeGreaterThanOrEqual(8);
    expect(now.evidenceLinks).toBeGreaterThan(now.evidence); // attached to several controls, some with linkEvidence
    const sources = await db.threatProfileEntry.groupBy({ by: ["source"], where: { orgId }, _count: { _all: true } });
    expect(Object.fromEntries(sources.map((s) => [s.source, s._count._all]))).toMatchObject({ suggested: expect.any(Number), manual: expect.any(Number) });
    const kinds = await db.evidence.groupBy({ by: ["kind"], where: { orgId }, _count: { _all: true } });
    expect(kinds.map((k) => k.kind).sort()).toEqual(["file", "link"]);
    const statuses = await db.systemControl.groupBy({ by: ["status"], where: { orgId }, _count: { _all: true } });
    expect(statuses.map((s) => s.status).sort()).toEqual(["implemented", "in_progress", "not_applicable"]);
  });

  it("names in every risk only techniques of its system's threat profile", async () => {
    const [risks, entries] = await Promise.all([
      db.risk.findMany({ where: { orgId }, select: { title: true, systemId: true, techniqueIds: true } }),
      db.threatProfileEntry.findMany({ where: { orgId }, select: { systemId: true, techniqueId: true } }),
    ]);
    const profile = new Set(entries.map((e) => `${e.systemId} ${e.techniqueId}`));
    for (const risk of risks) {
      for (const id of risk.techniqueIds) expect(profile.has(`${risk.systemId} ${id}`), `${risk.title}: ${id}`).toBe(true);
    }
    expect(risks.filter((r) => r.techniqueIds.length > 0).length).toBeGreaterThanOrEqual(15);
  });

  it("gives risks demo owners, due dates, linked controls and every status, with named approvers for accepted ones", async () => {
    const risks = await db.risk.findMany({
      where: { orgId },
      select: {
        status: true,
        ownerId: true,
        dueDate: true,
        residualLikelihood: true,
        acceptedById: true,
        acceptanceReason: true,
        _count: { select: { controls: true } },
      },
    });
    const members = await db.membership.findMany({ where: { orgId }, select: { userId: true, role: true, user: { select: { email: true } } } });
    const demoMembers = new Map(members.filter((m) => DEMO_MEMBERS.some((d) => d.email === m.user.email)).map((m) => [m.userId, m.role]));
    expect(risks.every((r) => r.ownerId !== null && demoMembers.has(r.ownerId) && r.dueDate !== null && r._count.controls > 0)).toBe(true);
    expect(new Set(risks.map((r) => r.status))).toEqual(new Set(["open", "in_treatment", "closed", "accepted"]));
    expect(risks.filter((r) => r.status === "closed" || r.status === "in_treatment").every((r) => r.residualLikelihood !== null)).toBe(true);
    const accepted = risks.filter((r) => r.status === "accepted");
    expect(accepted.length).toBeGreaterThanOrEqual(1);
    for (const r of accepted) {
      expect(["executive", "compliance_officer"]).toContain(demoMembers.get(r.acceptedById!));
      expect(r.acceptanceReason.length).toBeGreaterThan(10);
    }
  });

  it("leaves the compliance posture between 1 % and 99 %, for the organisation and each worked system", async () => {
    const posture = await getCompliancePosture({ ctx });
    expect(posture.overall.percent).toBeGreaterThanOrEqual(1);
    expect(posture.overall.percent).toBeLessThanOrEqual(99);
    expect(posture.overall.evidenced).toBeGreaterThan(0);
    const worked = await db.aISystem.findMany({ where: { orgId, controls: { some: { status: "in_progress" } } }, select: { id: true } });
    expect(worked.length).toBeGreaterThanOrEqual(2);
    for (const system of worked) {
      const one = await getCompliancePosture({ ctx, input: { systemId: system.id } });
      expect(one.overall.percent).toBeGreaterThanOrEqual(1);
      expect(one.overall.percent).toBeLessThanOrEqual(99);
    }
  });

  it("records an audit event for every row it wrote, and the chain verifies", async () => {
    const now = await counts(orgId);
    const events = await db.auditEvent.findMany({ where: { orgId }, select: { action: true, entityId: true, changes: true } });
    const of = (action: string) => events.filter((e) => e.action === action);
    const added = of("threat.add").flatMap((e) => (e.changes as { techniqueIds: { after: string[] } }).techniqueIds.after);
    expect(added.length).toBe(now.threatEntries);
    expect(of("risk.create").length).toBe(now.risks);
    expect(of("risk.accept").length).toBe(await db.risk.count({ where: { orgId, status: "accepted" } }));
    expect(new Set(of("control.update").map((e) => e.entityId)).size).toBe(now.controlStatuses);
    expect(of("evidence.create").length).toBe(now.evidence);
    expect(of("evidence.create").length + of("evidence.link").length).toBeGreaterThan(now.evidence);
    const report = await verifyAuditChain({ ctx });
    expect(report).toMatchObject({ ok: true, checked: now.auditSeq });
  });

  it("imports the real scanner reports of the reference data on their demo systems, with findings", async () => {
    const files = Object.values(DEMO_FINDING_REPORTS).flat();
    expect(first.added.findingImports).toBe(files.length);
    expect(first.notes).toEqual([]);
    const imports = await db.findingImport.findMany({
      where: { orgId },
      select: { status: true, fileName: true, format: true, system: { select: { name: true } } },
    });
    expect(imports.every((i) => i.status === "completed")).toBe(true);
    const imported = imports.map((i) => `${i.system.name} ${i.fileName}`).sort();
    const expected = Object.entries(DEMO_FINDING_REPORTS)
      .flatMap(([system, reports]) => reports.map((r) => `${system} ${path.basename(r.file)}`))
      .sort();
    expect(imported).toEqual(expected);
    expect(new Set(imports.map((i) => i.format))).toEqual(new Set(["garak", "garak-digest", "promptfoo", "modelscan", "sarif"]));
    // every system with reports has open findings
    const bySystem = await db.finding.groupBy({ by: ["systemId"], where: { orgId, status: "open" }, _count: { _all: true } });
    expect(bySystem).toHaveLength(Object.keys(DEMO_FINDING_REPORTS).length);
    // the two garak runs of the same probe × detector: 0 of 8, then 13 of 50 outputs failing
    const history = await db.testResult.findMany({
      where: { orgId, fingerprint: findingFingerprint("garak", "test.Test", "always.Pass") },
      select: { evaluated: true, failed: true, findingId: true, importId: true },
      orderBy: { createdAt: "asc" },
    });
    const fileNames = new Map((await db.findingImport.findMany({ where: { orgId }, select: { id: true, fileName: true } })).map((i) => [i.id, i.fileName]));
    expect(history.map((h) => [fileNames.get(h.importId), h.evaluated, h.failed])).toEqual([
      ["test.report.jsonl", 8, 0],
      ["test_with_ci.report.jsonl", 50, 13],
    ]);
    expect(history[1].findingId).not.toBeNull();
    const finding = await db.finding.findUniqueOrThrow({ where: { id: history[1].findingId! }, select: { status: true, lastAttackSuccessRate: true } });
    expect(finding).toEqual({ status: "open", lastAttackSuccessRate: 13 / 50 });
    const audits = await db.auditEvent.count({ where: { orgId, action: "finding_import.create" } });
    expect(audits).toBe(files.length);
  });

  it("imports no findings, with one note, when the reference data is missing", async () => {
    const missing = path.join(os.tmpdir(), "aigov-no-reference-data");
    const before = await counts(orgId);
    const result = await seedDemoFindings({ orgId, actor: ctx.actor, referenceDir: missing });
    expect(result).toEqual({ imported: 0, notes: [expect.stringContaining(missing)] });
    expect(await counts(orgId)).toEqual(before);
    expect(demoReferenceDir()).toBe(path.resolve(process.env.REFERENCE_DATA_DIR?.trim() || path.resolve(process.cwd(), "../shared/reference")));
  });

  it("adds nothing when run again", async () => {
    const before = await counts(orgId);
    const again = await seedDemo();
    expect(again.orgId).toBe(orgId);
    expect(again.created).toBe(false);
    expect(again.added).toEqual({ organisation: false, systems: 0, threatEntries: 0, risks: 0, controlStatuses: 0, evidence: 0, findingImports: 0 });
    expect(again.notes).toEqual([]);
    expect(again.logins).toHaveLength(DEMO_MEMBERS.length);
    expect(await counts(orgId)).toEqual(before);
  });

  it("adds the risks again to a demo organisation that has none, and only them", async () => {
    const risks = await db.risk.findMany({ where: { orgId }, select: { id: true } });
    for (const risk of risks) await deleteRisk({ ctx, input: { id: risk.id } });
    const before = await counts(orgId);
    const resumed = await seedDemo();
    expect(resumed.added).toEqual({
      organisation: false,
      systems: 0,
      threatEntries: 0,
      risks: risks.length,
      controlStatuses: 0,
      evidence: 0,
      findingImports: 0,
    });
    expect(await counts(orgId)).toMatchObject({ ...before, risks: risks.length, auditSeq: expect.any(Number) });
    expect((await verifyAuditChain({ ctx })).ok).toBe(true);
    expect(await db.organization.count({ where: { slug: DEMO_ORG.slug } })).toBe(1);
  });

  it(
    "runs twice on the embedded database: everything the first time, nothing the second",
    async () => {
      const [firstRun, secondRun] = await embedded;
      expect({ code: firstRun.code, stderr: firstRun.stderr }).toEqual({ code: 0, stderr: "" });
      expect(firstRun.stdout).toMatch(
        /^Created the demo organisation with its members: \d+ AI systems, \d+ threat-profile entries, \d+ risks, \d+ control statuses, \d+ pieces of evidence and 7 scanner reports\.$/m,
      );
      expect({ code: secondRun.code, stderr: secondRun.stderr }).toEqual({ code: 0, stderr: "" });
      expect(secondRun.stdout).toMatch(/^The demo organisation already exists: nothing was added/m);
    },
    EMBEDDED_TIMEOUT_MS * 2,
  );
});
