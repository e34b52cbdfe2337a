import { createReadStream, readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createTestOrg, type TestOrg } from "@/scripts/support/create-test-org";
import { auditSeq, expectAppError } from "@/tests/support/harness";
import { createSystem } from "@/lib/systems/create-system";
import { importFindings } from "@/lib/findings/import-findings";
import { queueFindingImport } from "@/lib/findings/queue-finding-import";
import { processFindingImport } from "@/lib/findings/process-finding-import";
import { getFindingImport } from "@/lib/findings/get-finding-import";
import { findingFingerprint } from "@/lib/findings/finding-fingerprint";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";

const REFERENCE = process.env.REFERENCE_DATA_DIR ?? path.resolve(process.cwd(), "../shared/reference");

type Eval = { probe: string; detector: string; passed: number; total: number };

/** A garak 0.14-style report: the setup line, one failing attempt per failing eval, and the eval lines. */
function garakReport(evals: Eval[], runId = "run-1"): string {
  const lines: object[] = [
    {
      entry_type: "start_run setup",
      "_config.version": "0.14.0",
      "plugins.target_type": "openai",
      "plugins.target_name": "gpt-test",
      "transient.run_id": runId,
      "transient.starttime_iso": "2026-12-01T10:00:00",
    },
  ];
  for (const e of evals) {
    if (e.passed < e.total) {
      lines.push({
        entry_type: "attempt",
        status: 2,
        probe_classname: e.probe,
        prompt: { turns: [{ role: "user", content: { text: `attack prompt for ${e.probe}` } }] },
        outputs: [{ text: "<script>alert(1)</script> harmful output" }],
        detector_results: { [e.detector]: [0.9] },
      });
    }
  }
  for (const e of evals) {
    lines.push({
      entry_type: "eval",
      probe: e.probe,
      detector: e.detector,
      passed: e.passed,
      fails: e.total - e.passed,
      nones: 0,
      total_evaluated: e.total,
      total_processed: e.total,
    });
  }
  return lines.map((line) => JSON.stringify(line)).join("\n") + "\n";
}

async function* chunks(text: string, size = 97): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text, "utf8");
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function stored(orgId: string) {
  const [imports, results, findings, seq] = await Promise.all([
    db.findingImport.count({ where: { orgId } }),
    db.testResult.count({ where: { orgId } }),
    db.finding.findMany({ where: { orgId }, orderBy: { fingerprint: "asc" } }),
    auditSeq(orgId),
  ]);
  return { imports, results, findings, seq };
}

let org: TestOrg;
let systemId: string;
let otherSystemId: string;

beforeAll(async () => {
  org = await createTestOrg("findings");
  systemId = (await createSystem({ ctx: org.as("compliance_officer"), input: { name: "Claims assistant" } })).id;
  otherSystemId = (await createSystem({ ctx: org.as("compliance_officer"), input: { name: "Owned by another", ownerId: org.users.admin.id } })).id;
});

afterEach(() => {
  delete process.env.FINDINGS_MAX_BYTES;
});

describe("importFindings", () => {
  const failing: Eval = { probe: "promptinject.HijackHateHumans", detector: "promptinject.AttackRogueString", passed: 6, total: 10 };
  const passing: Eval = { probe: "encoding.InjectBase64", detector: "encoding.DecodeMatch", passed: 20, total: 20 };

  it("imports a garak report: results, one finding per failing test, the file's hash, one audit event", async () => {
    const text = garakReport([failing, passing]);
    const before = await auditSeq(org.orgId);
    const summary = await importFindings({ ctx: org.as("compliance_officer"), input: { systemId, source: chunks(text), fileName: "report.jsonl" } });
    expect(summary).toMatchObject({
      status: "completed",
      format: "garak",
      tool: "garak",
      toolVersion: "0.14.0",
      target: "openai gpt-test",
      sha256: createHash("sha256").update(text).digest("hex"),
      bytes: Buffer.byteLength(text),
      results: 2,
      findings: { opened: 1, updated: 0, reopened: 0, notReproduced: 0 },
      duplicate: false,
      rejected: [],
    });
    expect(await auditSeq(org.orgId)).toBe(before + 1);
    const event = await db.auditEvent.findFirstOrThrow({ where: { orgId: org.orgId, seq: before + 1 } });
    expect(event).toMatchObject({ action: "finding_import.create", entityId: summary.importId, subjectId: systemId });

    const finding = await db.finding.findFirstOrThrow({ where: { orgId: org.orgId, systemId } });
    expect(finding).toMatchObject({
      fingerprint: findingFingerprint("garak", failing.probe, failing.detector),
      status: "open",
      lastEvaluated: 10,
      lastFailed: 4,
      lastAttackSuccessRate: 0.4,
      severity: "medium",
      firstImportId: summary.importId,
    });
    expect(finding.techniqueIds.length).toBeGreaterThan(0);
    expect(finding.owaspIds).toContain("LLM01:2025");
    const results = await db.testResult.findMany({ where: { importId: summary.importId! }, orderBy: { testId: "asc" } });
    expect(results.map((r) => [r.testId, r.evaluated, r.failed, r.findingId !== null])).toEqual([
      [passing.probe, 20, 0, false],
      [failing.probe, 10, 4, true],
    ]);
    const evidence = results[1].evidence as { output: string; possiblyHarmful: boolean }[];
    expect(evidence[0]).toMatchObject({ possiblyHarmful: true, output: "<script>alert(1)</script> harmful output" });
    expect((await verifyAuditChain({ ctx: org.as("auditor") })).ok).toBe(true);
  });

  it("stores nothing for a byte-identical file and reports duplicate: true", async () => {
    const text = garakReport([failing, passing]);
    const before = await stored(org.orgId);
    const summary = await importFindings({ ctx: org.as("compliance_officer"), input: { systemId, source: chunks(text, 1000) } });
    expect(summary.duplicate).toBe(true);
    expect(summary.status).toBe("completed");
    expect(await stored(org.orgId)).toEqual(before);
  });

  it("updates a finding that fails again, marks one whose test passes as not reproduced, reopens a mitigated one", async () => {
    const again = await importFindings({
      ctx: org.as("compliance_officer"),
      input: { systemId, source: chunks(garakReport([{ ...failing, passed: 2 }, passing], "run-2")) },
    });
    expect(again.findings).toEqual({ opened: 0, updated: 1, reopened: 0, notReproduced: 0 });
    const updated = await db.finding.findFirstOrThrow({ where: { orgId: org.orgId, systemId } });
    expect(updated).toMatchObject({ lastImportId: again.importId, lastFailed: 8, lastAttackSuccessRate: 0.8, severity: "high", notReproducedImportId: null });

    const pass = await importFindings({
      ctx: org.as("compliance_officer"),
      input: { systemId, source: chunks(garakReport([{ ...failing, passed: 10 }], "run-3")) },
    });
    expect(pass.findings).toEqual({ opened: 0, updated: 0, reopened: 0, notReproduced: 1 });
    const notReproduced = await db.finding.findFirstOrThrow({ where: { orgId: org.orgId, systemId } });
    expect(notReproduced).toMatchObject({ status: "open", notReproducedImportId: pass.importId, lastFailedImportId: again.importId });
    // the passing result counts for the finding (its history), though it does not fail
    expect(await db.testResult.count({ where: { findingId: notReproduced.id } })).toBe(3);

    await db.finding.update({ where: { id: notReproduced.id }, data: { status: "mitigated", statusReason: "Input filter deployed" } });
    const fails = await importFindings({
      ctx: org.as("compliance_officer"),
      input: { systemId, source: chunks(garakReport([{ ...failing, passed: 9 }], "run-4")) },
    });
    expect(fails.findings).toEqual({ opened: 0, updated: 0, reopened: 1, notReproduced: 0 });
    expect(await db.finding.findFirstOrThrow({ where: { orgId: org.orgId, systemId } })).toMatchObject({ status: "open", statusReason: "", lastFailed: 1 });
  });

  it("rejects a file with a bad line, naming it, and stores nothing", async () => {
    const text = garakReport([failing]).replace('"entry_type": "eval"', '"entry_type": "eval"').trimEnd() + "\n{not json\n";
    const before = await stored(org.orgId);
    const summary = await importFindings({ ctx: org.as("compliance_officer"), input: { systemId, source: chunks(text) } });
    expect(summary).toMatchObject({
      importId: null,
      status: "rejected",
      format: "garak",
      rejected: [{ location: "line 4", message: expect.stringMatching(/JSON/) }],
    });
    expect(summary.sha256).toBe(createHash("sha256").update(text).digest("hex"));
    expect(await stored(org.orgId)).toEqual(before);
  });

  it("rejects an unrecognised file and one over the size limit with a clear message", async () => {
    const before = await stored(org.orgId);
    const unknown = await importFindings({ ctx: org.as("compliance_officer"), input: { systemId, source: chunks("hello,world\n1,2\n") } });
    expect(unknown.rejected[0]).toMatchObject({ location: "line 1", message: expect.stringMatching(/unrecognised format/) });
    process.env.FINDINGS_MAX_BYTES = "100";
    const large = await importFindings({ ctx: org.as("compliance_officer"), input: { systemId, source: chunks(garakReport([failing])) } });
    expect(large).toMatchObject({
      status: "rejected",
      rejected: [{ location: "(file)", message: "The file is larger than the limit of 100 bytes (FINDINGS_MAX_BYTES)." }],
    });
    expect(await stored(org.orgId)).toEqual(before);
  });

  it("leaves no rows when the database connection dies mid-file", async () => {
    const before = await stored(org.orgId);
    const text = garakReport([
      { ...failing, probe: "dan.Dan_11_0" },
      { ...failing, probe: "lmrc.Profanity" },
    ]);
    let killed = false;
    async function* killing(): AsyncGenerator<Uint8Array> {
      const bytes = Buffer.from(text);
      yield bytes.subarray(0, 200);
      // the import's transaction is idle, waiting for the next chunk: end its connection
      const terminated = await db.$queryRaw<{ ok: boolean }[]>`
        SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'`;
      killed = terminated.some((row) => row.ok);
      yield bytes.subarray(200);
    }
    await expect(importFindings({ ctx: org.as("compliance_officer"), input: { systemId, source: killing() } })).rejects.toThrow();
    expect(killed).toBe(true);
    expect(await stored(org.orgId)).toEqual(before);
  });

  it("checks the permission and the system's organisation", async () => {
    const source = () => chunks(garakReport([failing]));
    await expectAppError(importFindings({ ctx: org.as("auditor"), input: { systemId, source: source() } }), "FORBIDDEN");
    await expectAppError(importFindings({ ctx: org.as("risk_owner"), input: { systemId: otherSystemId, source: source() } }), "FORBIDDEN");
    const other = await createTestOrg("findings-other");
    await expectAppError(importFindings({ ctx: other.as("admin"), input: { systemId, source: source() } }), "NOT_FOUND");
    await expectAppError(importFindings({ ctx: org.as("admin"), input: { systemId, format: "nessus", source: source() } }), "VALIDATION");
  });

  it("imports the real reference reports of every format", async () => {
    const files: [string, string][] = [
      ["garak/test_with_ci.report.jsonl", "garak"],
      ["garak/tbsa_digest_0.json", "garak-digest"],
      ["promptfoo/redteam-output.json", "promptfoo"],
      ["modelscan/report-0.7.3-pytorch-sentiment.json", "modelscan"],
      ["sarif/bandit-report.sarif", "sarif"],
    ];
    const ctx = org.as("admin");
    const sys = (await createSystem({ ctx, input: { name: "Reference target" } })).id;
    for (const [file, format] of files) {
      const full = path.join(REFERENCE, file);
      const summary = await importFindings({ ctx, input: { systemId: sys, source: createReadStream(full), fileName: path.basename(file) } });
      expect(summary, file).toMatchObject({ status: "completed", format, bytes: readFileSync(full).byteLength, rejected: [] });
      expect(summary.results, file).toBeGreaterThan(0);
    }
    const findings = await db.finding.findMany({ where: { systemId: sys } });
    expect(findings.some((f) => f.tool === "promptfoo" && f.techniqueIds.length > 0)).toBe(true);
    expect(findings.some((f) => f.techniqueIds.some((t) => t.startsWith("AML.T0010") || t.startsWith("AML.T0011")))).toBe(true);
  });
});

describe("queued imports (queueFindingImport + processFindingImport)", () => {
  it("stores the file in chunks, then the job imports it once; a second delivery changes nothing", async () => {
    const ctx = org.as("compliance_officer");
    const sys = (await createSystem({ ctx, input: { name: "Queued target" } })).id;
    const evals: Eval[] = Array.from({ length: 40 }, (_, i) => ({ probe: `dan.Dan_${i}`, detector: "dan.DAN", passed: i % 2, total: 1 }));
    const text = garakReport(evals);
    const queued = await queueFindingImport({ ctx, input: { systemId: sys, source: chunks(text, 5000), fileName: "big.jsonl" } });
    expect(queued).toMatchObject({ status: "queued", bytes: Buffer.byteLength(text), sha256: createHash("sha256").update(text).digest("hex") });
    // the embedded database runs the job in-process; with DATABASE_URL a worker does. Run it here either way.
    await processFindingImport({ importId: queued.importId! });
    const done = await getFindingImport({ ctx: org.as("auditor"), input: { importId: queued.importId! } });
    expect(done).toMatchObject({ status: "completed", results: 40, findings: { opened: 20 } });
    expect(await db.findingImportChunk.count({ where: { importId: queued.importId! } })).toBe(0);
    expect(await db.auditEvent.findFirstOrThrow({ where: { orgId: org.orgId, entityId: queued.importId!, action: "finding_import.process" } })).toMatchObject({
      actorType: "system",
      actorLabel: `background import for ${ctx.actor.label}`,
      subjectId: sys,
      changes: { status: { before: "queued", after: "completed" }, results: { before: null, after: 40 }, opened: { before: null, after: 20 } },
    });
    const seq = await auditSeq(org.orgId);
    await processFindingImport({ importId: queued.importId! });
    expect(await auditSeq(org.orgId)).toBe(seq);
    expect(await db.testResult.count({ where: { importId: queued.importId! } })).toBe(40);

    const again = await queueFindingImport({ ctx, input: { systemId: sys, source: chunks(text) } });
    expect(again).toMatchObject({ duplicate: true, importId: queued.importId });
  });

  it("ends a queued file the parser refuses as rejected, with the line", async () => {
    const ctx = org.as("compliance_officer");
    const sys = (await createSystem({ ctx, input: { name: "Rejected target" } })).id;
    const queued = await queueFindingImport({ ctx, input: { systemId: sys, format: "garak", source: chunks('{"entry_type": "eval", "probe": "x"}\n') } });
    await processFindingImport({ importId: queued.importId! });
    const done = await getFindingImport({ ctx, input: { importId: queued.importId! } });
    expect(done).toMatchObject({ status: "rejected", rejected: [{ location: "line 1" }] });
    expect(await db.testResult.count({ where: { importId: queued.importId! } })).toBe(0);
    await expectAppError(getFindingImport({ ctx: (await createTestOrg("other-import")).as("admin"), input: { importId: queued.importId! } }), "NOT_FOUND");
  });
});

describe("requeueQueuedImports", () => {
  it("queues the job again for an import left waiting (its job never sent), and the job imports it once", async () => {
    const ctx = org.as("compliance_officer");
    const sys = (await createSystem({ ctx, input: { name: "Lost job target" } })).id;
    const queued = await queueFindingImport({
      ctx,
      input: { systemId: sys, source: chunks(garakReport([{ probe: "dan.Dan_1", detector: "dan.DAN", passed: 0, total: 2 }])) },
    });
    await db.findingImport.update({ where: { id: queued.importId! }, data: { createdAt: new Date(Date.now() - 10 * 60_000) } });
    const { requeueQueuedImports } = await import("@/lib/findings/requeue-queued-imports");
    expect(await requeueQueuedImports()).toBeGreaterThanOrEqual(1);
    await processFindingImport({ importId: queued.importId! });
    expect((await getFindingImport({ ctx, input: { importId: queued.importId! } })).status).toBe("completed");
  });
});
