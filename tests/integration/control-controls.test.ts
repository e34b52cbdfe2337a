import { createHash, randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { ServiceContext } from "@/lib/context";
import { createTestOrg, type TestOrg } from "@/scripts/support/create-test-org";
import { auditSeq, expectAppError } from "@/tests/support/harness";
import { createSystem } from "@/lib/systems/create-system";
import { archiveSystem } from "@/lib/systems/archive-system";
import { proposeClassification } from "@/lib/classification/propose-classification";
import { decideClassification } from "@/lib/classification/decide-classification";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { listSystemControls } from "@/lib/controls/list-system-controls";
import { updateSystemControl } from "@/lib/controls/update-system-control";
import { getCompliancePosture } from "@/lib/controls/get-compliance-posture";
import { getFrameworkCoverage } from "@/lib/controls/get-framework-coverage";
import { listControlSystems } from "@/lib/controls/list-control-systems";
import type { CompliancePosture, SystemControlView, UpdateSystemControlInput } from "@/lib/controls/schemas";
import { createEvidence } from "@/lib/evidence/create-evidence";
import { linkEvidence } from "@/lib/evidence/link-evidence";
import { deleteEvidence } from "@/lib/evidence/delete-evidence";
import { getEvidenceFile } from "@/lib/evidence/get-evidence-file";
import { evidenceDownloadHeaders } from "@/lib/web/evidence-download-headers";
import { listSystemEvidence } from "@/lib/evidence/list-system-evidence";
import { MAX_EVIDENCE_FILE_BYTES } from "@/lib/evidence/schemas";
import { ALL_MAIN_NO } from "@/lib/classification/test-support";

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** What a refused call could have written in the organisation. */
async function writeState(orgId: string) {
  const [seq, controls, evidence, links] = await Promise.all([
    auditSeq(orgId),
    db.systemControl.findMany({ where: { orgId }, orderBy: { id: "asc" } }),
    db.evidence.count({ where: { orgId } }),
    db.evidenceLink.count({ where: { orgId } }),
  ]);
  return { seq, controls, evidence, links };
}

/** A call that must fail with VALIDATION naming `path` and write nothing. */
async function expectValidation(org: TestOrg, call: () => Promise<unknown>, path: string) {
  const before = await writeState(org.orgId);
  const error = await expectAppError(call(), "VALIDATION");
  expect(error.issues.map((i) => i.path)).toContain(path);
  expect(await writeState(org.orgId)).toEqual(before);
  return error;
}

/** A mutation that must append exactly one audit event of `action`; returns the call's value and the event. */
async function expectOneEvent<T>(org: TestOrg, action: string, call: () => Promise<T>) {
  const seq = await auditSeq(org.orgId);
  const value = await call();
  expect(await auditSeq(org.orgId)).toBe(seq + 1);
  const event = await db.auditEvent.findFirstOrThrow({ where: { orgId: org.orgId, seq: seq + 1 } });
  expect(event.action).toBe(action);
  return { value, event };
}

const find = (controls: SystemControlView[], framework: string, controlId: string) =>
  controls.find((c) => c.framework === framework && c.controlId === controlId);
const frameworkPosture = (posture: CompliancePosture, framework: string) => posture.frameworks.find((f) => f.framework === framework)!;
const bytesOf = (text: string) => new TextEncoder().encode(text);
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const unique = () => randomBytes(3).toString("hex");

async function makeSystem(org: TestOrg, input: Partial<Parameters<typeof createSystem>[0]["input"]> = {}) {
  return (await createSystem({ ctx: org.system, input: { name: `System ${unique()}`, lifecycleStage: "production", ...input } })).id;
}

const set = (ctx: ServiceContext, input: UpdateSystemControlInput) => updateSystemControl({ ctx, input });

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

let org: TestOrg;
let other: TestOrg;

beforeAll(async () => {
  [org, other] = await Promise.all([createTestOrg("controls"), createTestOrg("controls-other")]);
});

describe("listSystemControls", () => {
  it("lists the applicable controls with reasons and default statuses, grouped by framework", async () => {
    const systemId = await makeSystem(org, { riskTier: "high", euAiActRole: "provider" });
    const list = await listSystemControls({ ctx: org.as("auditor"), input: { systemId } });
    const count = (framework: string) => list.controls.filter((c) => c.framework === framework).length;
    expect([count("iso42001"), count("eu_ai_act"), count("nist_ai_rmf")]).toEqual([38, 16, 72]);
    expect(list.controls.filter((c) => c.framework === "eu_ai_act").map((c) => c.controlId)).toEqual([
      "Art 4",
      "Art 9",
      "Art 10",
      "Art 11",
      "Art 12",
      "Art 13",
      "Art 14",
      "Art 15",
      "Art 16",
      "Art 17",
      "Art 43",
      "Art 47",
      "Art 48",
      "Art 49",
      "Art 72",
      "Art 73",
    ]);
    const art9 = find(list.controls, "eu_ai_act", "Art 9")!;
    expect(art9).toMatchObject({
      title: "Risk management system",
      status: "not_started",
      justification: "",
      owner: null,
      reviewDate: null,
      version: null,
      evidence: [],
      evidenced: false,
    });
    expect(art9.reason).toMatch(/risk management system/);
    expect(find(list.controls, "iso42001", "A.2.2")!.reason).toMatch(/^AI management system scope/);
    expect(find(list.controls, "nist_ai_rmf", "GOVERN 1.1")!.reason).toMatch(/^Voluntary framework adopted/);
    expect(list.system).toMatchObject({ id: systemId, riskTier: "high", euAiActRole: "provider", archived: false });
    expect(list.classification).toBeNull();

    const onlyEu = await listSystemControls({ ctx: org.as("auditor"), input: { systemId, framework: "eu_ai_act" } });
    expect(onlyEu.controls).toHaveLength(16);
  });

  it("uses the latest decided classification: an Annex III 5(b) deployer gets Art 27 with a firm reason", async () => {
    const systemId = await makeSystem(org, { euAiActRole: "deployer" });
    const { id: assessmentId } = await proposeClassification({
      ctx: org.as("compliance_officer"),
      input: { systemId, answers: { ...ALL_MAIN_NO, annex3_areas: ["5b"], profiles_natural_persons: true, becomes_provider: false } },
    });
    // an undecided proposal changes nothing
    expect((await listSystemControls({ ctx: org.as("auditor"), input: { systemId, framework: "eu_ai_act" } })).controls.map((c) => c.controlId)).toEqual([
      "Art 4",
    ]);
    await decideClassification({ ctx: org.as("compliance_officer"), input: { systemId, decision: { assessmentId, decision: "accepted" } } });
    const list = await listSystemControls({ ctx: org.as("auditor"), input: { systemId, framework: "eu_ai_act" } });
    expect(list.system.riskTier).toBe("high");
    expect(list.classification).toMatchObject({ assessmentId });
    expect(list.controls.map((c) => c.controlId)).toEqual(["Art 4", "Art 26", "Art 27"]);
    expect(find(list.controls, "eu_ai_act", "Art 27")!.reason).toMatch(/Annex III point 5\(b\)/);
  });

  it("archived and retired systems have no applicable controls; other organisations' ids are NOT_FOUND", async () => {
    const retired = await makeSystem(org, { lifecycleStage: "retired" });
    expect((await listSystemControls({ ctx: org.as("admin"), input: { systemId: retired } })).controls).toEqual([]);
    const archived = await makeSystem(org);
    await archiveSystem({ ctx: org.system, input: { id: archived } });
    expect((await listSystemControls({ ctx: org.as("admin"), input: { systemId: archived } })).controls).toEqual([]);
    await expectAppError(listSystemControls({ ctx: other.as("admin"), input: { systemId: retired } }), "NOT_FOUND");
  });
});

describe("updateSystemControl", () => {
  let systemId: string;
  beforeAll(async () => {
    systemId = await makeSystem(org, { riskTier: "high", euAiActRole: "provider", ownerId: org.users.risk_owner.id });
  });

  it("creates the status on first save (one audit event naming the control), then updates it with optimistic concurrency", async () => {
    const ctx = org.as("compliance_officer");
    const { value: first, event } = await expectOneEvent(org, "control.update", () =>
      set(ctx, { systemId, framework: "iso42001", controlId: "A.6.2.6", status: "in_progress", ownerId: org.users.risk_owner.id, reviewDate: "2026-12-31" }),
    );
    expect(first).toMatchObject({
      status: "in_progress",
      version: 1,
      reviewDate: "2026-12-31",
      owner: { id: org.users.risk_owner.id, name: expect.any(String) },
    });
    expect(event).toMatchObject({ entityType: "control", subjectId: systemId });
    expect(event.changes).toMatchObject({
      framework: { before: null, after: "iso42001" },
      controlId: { before: null, after: "A.6.2.6" },
      status: { before: "not_started", after: "in_progress" },
      reviewDate: { before: null, after: "2026-12-31" },
    });

    const { value: second, event: update } = await expectOneEvent(org, "control.update", () =>
      set(ctx, { systemId, framework: "iso42001", controlId: "A.6.2.6", status: "implemented", version: 1 }),
    );
    expect(second).toMatchObject({ status: "implemented", version: 2, reviewDate: "2026-12-31", ownerId: org.users.risk_owner.id });
    expect(update.changes).toEqual({ status: { before: "in_progress", after: "implemented" } });
    expect(update.entityId).toBe(event.entityId);

    // stale or missing version: refused, nothing written
    for (const version of [1, null, undefined]) {
      const before = await writeState(org.orgId);
      await expectAppError(set(ctx, { systemId, framework: "iso42001", controlId: "A.6.2.6", status: "not_started", version }), "CONFLICT");
      expect(await writeState(org.orgId)).toEqual(before);
    }
    // a version for a control never saved is stale too
    await expectAppError(set(ctx, { systemId, framework: "iso42001", controlId: "A.6.2.7", status: "implemented", version: 3 }), "CONFLICT");

    // saving what is stored writes nothing
    const seq = await auditSeq(org.orgId);
    expect(await set(ctx, { systemId, framework: "iso42001", controlId: "A.6.2.6", status: "implemented", version: 2 })).toMatchObject({ version: 2 });
    expect(await set(ctx, { systemId, framework: "iso42001", controlId: "A.7.2", status: "not_started" })).toMatchObject({ version: null });
    expect(await auditSeq(org.orgId)).toBe(seq);

    const listed = await listSystemControls({ ctx: org.as("executive"), input: { systemId, framework: "iso42001" } });
    expect(find(listed.controls, "iso42001", "A.6.2.6")).toMatchObject({ status: "implemented", version: 2, reviewDate: "2026-12-31" });
  });

  it("not_applicable requires a justification of at least 10 characters (VALIDATION on justification, nothing written)", async () => {
    const ctx = org.as("admin");
    await expectValidation(org, () => set(ctx, { systemId, framework: "nist_ai_rmf", controlId: "MAP 1.1", status: "not_applicable" }), "justification");
    await expectValidation(
      org,
      () => set(ctx, { systemId, framework: "nist_ai_rmf", controlId: "MAP 1.1", status: "not_applicable", justification: "   too short  " }),
      "justification",
    );
    const saved = await set(ctx, {
      systemId,
      framework: "nist_ai_rmf",
      controlId: "MAP 1.1",
      status: "not_applicable",
      justification: "Covered by the group-level context analysis.",
    });
    expect(saved).toMatchObject({ status: "not_applicable", justification: "Covered by the group-level context analysis.", version: 1 });
    // clearing the justification of a not-applicable control is refused as well
    await expectValidation(org, () => set(ctx, { systemId, framework: "nist_ai_rmf", controlId: "MAP 1.1", justification: "", version: 1 }), "justification");
    // partial update keeps the stored justification
    const back = await set(ctx, { systemId, framework: "nist_ai_rmf", controlId: "MAP 1.1", status: "in_progress", version: 1 });
    const again = await set(ctx, { systemId, framework: "nist_ai_rmf", controlId: "MAP 1.1", status: "not_applicable", version: back.version });
    expect(again).toMatchObject({ status: "not_applicable", version: 3 });
  });

  it("only applicable, existing controls of the three control frameworks can be set", async () => {
    const ctx = org.as("admin");
    await expectValidation(org, () => set(ctx, { systemId, framework: "eu_ai_act", controlId: "Art 26", status: "implemented" }), "controlId");
    await expectValidation(org, () => set(ctx, { systemId, framework: "eu_ai_act", controlId: "Art 99", status: "implemented" }), "controlId");
    await expectValidation(org, () => set(ctx, { systemId, framework: "iso42001", controlId: "A.99.1", status: "implemented" }), "controlId");
    await expectValidation(
      org,
      () => set(ctx, { systemId, framework: "owasp_llm_2025" as never, controlId: "LLM01:2025", status: "implemented" }),
      "framework",
    );
    await expectValidation(org, () => set(ctx, { systemId, framework: "iso42001", controlId: "A.2.2", status: "done" as never }), "status");
    await expectValidation(org, () => set(ctx, { systemId, framework: "iso42001", controlId: "A.2.2", reviewDate: "2026-02-30" }), "reviewDate");
    await expectValidation(org, () => set(ctx, { systemId, framework: "iso42001", controlId: "A.2.2", ownerId: other.users.admin.id }), "ownerId");
    await expectValidation(org, () => set(ctx, { systemId, framework: "iso42001", controlId: "A.2.2", extra: 1 } as never), "extra");
  });

  it("risk owners edit controls of their own systems only; archived systems are refused", async () => {
    const own = await set(org.as("risk_owner"), { systemId, framework: "iso42001", controlId: "A.2.2", status: "in_progress" });
    expect(own.status).toBe("in_progress");
    const foreign = await makeSystem(org);
    await expectAppError(set(org.as("risk_owner"), { systemId: foreign, framework: "iso42001", controlId: "A.2.2", status: "in_progress" }), "FORBIDDEN");
    const archived = await makeSystem(org);
    await archiveSystem({ ctx: org.system, input: { id: archived } });
    await expectAppError(set(org.as("admin"), { systemId: archived, framework: "iso42001", controlId: "A.2.2", status: "in_progress" }), "CONFLICT");
  });
});

describe("evidence", () => {
  let systemId: string;
  beforeAll(async () => {
    systemId = await makeSystem(org, { riskTier: "high", euAiActRole: "provider" });
  });

  it("stores a file with its SHA-256 and size; it downloads only within the organisation", async () => {
    const content = bytesOf(`monitoring report ${unique()}\n`);
    const { value: evidence, event } = await expectOneEvent(org, "evidence.create", () =>
      createEvidence({
        ctx: org.as("compliance_officer"),
        input: {
          systemId,
          kind: "file",
          title: "",
          file: { name: "C:\\reports\\monitoring report.txt", mimeType: "text/plain", bytes: content },
          links: [{ framework: "iso42001", controlId: "A.6.2.6" }],
        },
      }),
    );
    expect(evidence).toMatchObject({
      kind: "file",
      title: "monitoring report.txt",
      fileName: "monitoring report.txt",
      mimeType: "text/plain",
      size: content.byteLength,
      sha256: sha256(content),
    });
    expect(evidence.links).toEqual([{ framework: "iso42001", controlId: "A.6.2.6" }]);
    expect(event.changes).toMatchObject({
      sha256: { before: null, after: sha256(content) },
      size: { before: null, after: content.byteLength },
      links: { before: null, after: ["iso42001 A.6.2.6"] },
    });
    // the audit trail records the SHA-256, never the bytes
    expect(Object.keys(event.changes as object)).not.toContain("content");

    const stored = await db.evidence.findUniqueOrThrow({ where: { id: evidence.id }, select: { content: true, orgId: true } });
    expect(Buffer.from(stored.content!).equals(Buffer.from(content))).toBe(true);

    const file = await getEvidenceFile({ ctx: org.as("auditor"), input: { evidenceId: evidence.id, systemId } });
    expect(Buffer.from(file.bytes).equals(Buffer.from(content))).toBe(true);
    expect(evidenceDownloadHeaders(file)).toMatchObject({
      "content-type": "text/plain",
      "content-length": String(content.byteLength),
      "x-content-type-options": "nosniff",
      "content-disposition": `attachment; filename="monitoring report.txt"; filename*=UTF-8''monitoring%20report.txt`,
      "repr-digest": `sha-256=:${Buffer.from(sha256(content), "hex").toString("base64")}:`,
    });
    await expectAppError(getEvidenceFile({ ctx: other.as("admin"), input: { evidenceId: evidence.id } }), "NOT_FOUND");
    await expectAppError(getEvidenceFile({ ctx: other.as("admin"), input: { evidenceId: evidence.id, systemId } }), "NOT_FOUND");
    const elsewhere = await makeSystem(org);
    await expectAppError(getEvidenceFile({ ctx: org.as("admin"), input: { evidenceId: evidence.id, systemId: elsewhere } }), "NOT_FOUND");
  });

  it("serves active content types as application/octet-stream", async () => {
    const evidence = await createEvidence({
      ctx: org.as("admin"),
      input: {
        systemId,
        kind: "file",
        file: { name: "x.svg", mimeType: "image/svg+xml", bytes: bytesOf("<svg onload=alert(1)/>") },
        links: [{ framework: "iso42001", controlId: "A.2.2" }],
      },
    });
    const file = await getEvidenceFile({ ctx: org.as("admin"), input: { evidenceId: evidence.id } });
    const headers = evidenceDownloadHeaders(file);
    expect(headers["content-type"]).toBe("application/octet-stream");
    expect(headers["content-security-policy"]).toContain("sandbox");
  });

  it("refuses files over 10 MB, empty files, non-http(s) links and inapplicable controls, writing nothing", async () => {
    const ctx = org.as("admin");
    const links = [{ framework: "iso42001" as const, controlId: "A.2.2" }];
    await expectValidation(
      org,
      () =>
        createEvidence({
          ctx,
          input: { systemId, kind: "file", file: { name: "big.bin", mimeType: "", bytes: new Uint8Array(MAX_EVIDENCE_FILE_BYTES + 1) }, links },
        }),
      "file",
    );
    await expectValidation(
      org,
      () => createEvidence({ ctx, input: { systemId, kind: "file", file: { name: "empty.txt", mimeType: "", bytes: new Uint8Array(0) }, links } }),
      "file",
    );
    await expectValidation(org, () => createEvidence({ ctx, input: { systemId, kind: "link", title: "x", url: "javascript:alert(1)", links } }), "url");
    await expectValidation(org, () => createEvidence({ ctx, input: { systemId, kind: "link", title: "x", url: "ftp://example.test/a", links } }), "url");
    await expectValidation(org, () => createEvidence({ ctx, input: { systemId, kind: "link", title: "", url: "https://example.test", links } }), "title");
    await expectValidation(org, () => createEvidence({ ctx, input: { systemId, kind: "link", title: "x", url: "https://example.test", links: [] } }), "links");
    await expectValidation(
      org,
      () =>
        createEvidence({
          ctx,
          input: { systemId, kind: "link", title: "x", url: "https://example.test", links: [{ framework: "eu_ai_act", controlId: "Art 26" }] },
        }),
      "links.0.controlId",
    );
    await expectValidation(
      org,
      () => createEvidence({ ctx, input: { systemId, kind: "link", title: "x", url: "https://example.test", links: [...links, ...links] } }),
      "links.1",
    );
  });

  it("accepts a file of exactly 10 MB", async () => {
    const bytes = randomBytes(MAX_EVIDENCE_FILE_BYTES);
    const evidence = await createEvidence({
      ctx: org.as("admin"),
      input: {
        systemId,
        kind: "file",
        file: { name: "exact.bin", mimeType: "application/octet-stream", bytes },
        links: [{ framework: "iso42001", controlId: "A.4.3" }],
      },
    });
    expect(evidence).toMatchObject({ size: MAX_EVIDENCE_FILE_BYTES, sha256: sha256(bytes) });
    await deleteEvidence({ ctx: org.as("admin"), input: { evidenceId: evidence.id } });
  });

  it("evidence attached to an ISO control shows on the crosswalked EU AI Act and NIST controls, marked via, without changing their status", async () => {
    const target = await makeSystem(org, { riskTier: "high", euAiActRole: "provider" });
    const evidence = await createEvidence({
      ctx: org.as("admin"),
      input: {
        systemId: target,
        kind: "link",
        title: "Production monitoring dashboard",
        url: "https://grafana.example.test/d/ai",
        links: [{ framework: "iso42001", controlId: "A.6.2.6" }],
      },
    });
    const { controls } = await listSystemControls({ ctx: org.as("auditor"), input: { systemId: target } });
    expect(find(controls, "iso42001", "A.6.2.6")!.evidence).toEqual([expect.objectContaining({ id: evidence.id, via: null })]);
    for (const [framework, controlId] of [
      ["eu_ai_act", "Art 72"],
      ["nist_ai_rmf", "MEASURE 2.4"],
    ] as const) {
      const control = find(controls, framework, controlId)!;
      expect(control.evidence, `${framework} ${controlId}`).toEqual([
        expect.objectContaining({
          id: evidence.id,
          title: "Production monitoring dashboard",
          via: { framework: "iso42001", controlId: "A.6.2.6", label: "via ISO/IEC 42001 A.6.2.6" },
        }),
      ]);
      expect(control).toMatchObject({ evidenced: true, status: "not_started" });
    }
    expect(find(controls, "eu_ai_act", "Art 9")!.evidence).toEqual([]);
    // the ISO control names what its evidence also counts for: only the crosswalked controls that apply
    // to this provider (Art 26 is crosswalked too, but binds deployers)
    expect(find(controls, "iso42001", "A.6.2.6")!.alsoCountsFor).toEqual([
      { framework: "eu_ai_act", controlId: "Art 72", title: expect.any(String) },
      { framework: "nist_ai_rmf", controlId: "MEASURE 2.4", title: expect.any(String) },
    ]);
    const isoOnly = await listSystemControls({ ctx: org.as("auditor"), input: { systemId: target, framework: "iso42001" } });
    expect(find(isoOnly.controls, "iso42001", "A.6.2.6")!.alsoCountsFor.map((o) => o.controlId)).toEqual(["Art 72", "MEASURE 2.4"]);
    expect(find(controls, "eu_ai_act", "Art 72")!.alsoCountsFor.map((o) => o.controlId)).toContain("A.6.2.6");
    // the logs control reaches Art 12 the same way
    await createEvidence({
      ctx: org.as("admin"),
      input: {
        systemId: target,
        kind: "link",
        title: "Log retention policy",
        url: "https://wiki.example.test/logs",
        links: [{ framework: "iso42001", controlId: "A.6.2.8" }],
      },
    });
    const again = await listSystemControls({ ctx: org.as("auditor"), input: { systemId: target, framework: "eu_ai_act" } });
    expect(find(again.controls, "eu_ai_act", "Art 12")!.evidence.map((e) => e.via?.label)).toEqual(["via ISO/IEC 42001 A.6.2.8"]);
    // never across systems
    const sibling = await makeSystem(org, { riskTier: "high", euAiActRole: "provider" });
    expect(find((await listSystemControls({ ctx: org.as("auditor"), input: { systemId: sibling } })).controls, "eu_ai_act", "Art 72")!.evidence).toEqual([]);
    // evidenced is counted in the posture, implemented is not: Art 72 (via A.6.2.6) and Art 12 (via A.6.2.8);
    // Art 26 and Art 19 are crosswalked too but do not apply to this provider
    const posture = await getCompliancePosture({ ctx: org.as("auditor"), input: { systemId: target } });
    expect(frameworkPosture(posture, "eu_ai_act")).toMatchObject({ implemented: 0, evidenced: 2 });
    expect(frameworkPosture(posture, "iso42001")).toMatchObject({ implemented: 0, evidenced: 2 });
    expect(frameworkPosture(posture, "nist_ai_rmf")).toMatchObject({ implemented: 0, evidenced: 1 });
  });

  it("linkEvidence attaches existing evidence to another control (one event); duplicates and inapplicable controls are refused", async () => {
    const evidence = await createEvidence({
      ctx: org.as("admin"),
      input: { systemId, kind: "link", title: "Risk register", url: "https://example.test/risks", links: [{ framework: "iso42001", controlId: "A.5.2" }] },
    });
    const { value, event } = await expectOneEvent(org, "evidence.link", () =>
      linkEvidence({ ctx: org.as("compliance_officer"), input: { evidenceId: evidence.id, framework: "eu_ai_act", controlId: "Art 9" } }),
    );
    expect(value.links).toEqual([
      { framework: "iso42001", controlId: "A.5.2" },
      { framework: "eu_ai_act", controlId: "Art 9" },
    ]);
    expect(event.changes).toEqual({ links: { before: ["iso42001 A.5.2"], after: ["iso42001 A.5.2", "eu_ai_act Art 9"] } });
    const art9 = find((await listSystemControls({ ctx: org.as("auditor"), input: { systemId, framework: "eu_ai_act" } })).controls, "eu_ai_act", "Art 9")!;
    expect(art9.evidence).toEqual([expect.objectContaining({ id: evidence.id, via: null })]);
    await expectAppError(linkEvidence({ ctx: org.as("admin"), input: { evidenceId: evidence.id, framework: "eu_ai_act", controlId: "Art 9" } }), "CONFLICT");
    await expectValidation(
      org,
      () => linkEvidence({ ctx: org.as("admin"), input: { evidenceId: evidence.id, framework: "eu_ai_act", controlId: "Art 26" } }),
      "controlId",
    );
    await expectAppError(
      linkEvidence({ ctx: other.as("admin"), input: { evidenceId: evidence.id, framework: "eu_ai_act", controlId: "Art 10" } }),
      "NOT_FOUND",
    );
  });

  it("deleteEvidence removes the evidence and its links (one event keeping its metadata), statuses untouched", async () => {
    const content = bytesOf("to be deleted");
    const evidence = await createEvidence({
      ctx: org.as("admin"),
      input: {
        systemId,
        kind: "file",
        file: { name: "d.txt", mimeType: "text/plain", bytes: content },
        links: [
          { framework: "iso42001", controlId: "A.3.2" },
          { framework: "nist_ai_rmf", controlId: "GOVERN 2.1" },
        ],
      },
    });
    await set(org.as("admin"), { systemId, framework: "iso42001", controlId: "A.3.2", status: "implemented" });
    const { event } = await expectOneEvent(org, "evidence.delete", () => deleteEvidence({ ctx: org.as("admin"), input: { evidenceId: evidence.id } }));
    expect(event.changes).toMatchObject({
      sha256: { before: sha256(content), after: null },
      links: { before: ["iso42001 A.3.2", "nist_ai_rmf GOVERN 2.1"], after: null },
    });
    expect(await db.evidenceLink.count({ where: { evidenceId: evidence.id } })).toBe(0);
    await expectAppError(getEvidenceFile({ ctx: org.as("admin"), input: { evidenceId: evidence.id } }), "NOT_FOUND");
    expect(find((await listSystemControls({ ctx: org.as("admin"), input: { systemId, framework: "iso42001" } })).controls, "iso42001", "A.3.2")!.status).toBe(
      "implemented",
    );
    expect((await listSystemEvidence({ ctx: org.as("admin"), input: { systemId } })).some((e) => e.id === evidence.id)).toBe(false);
    await expectAppError(deleteEvidence({ ctx: org.as("admin"), input: { evidenceId: evidence.id } }), "NOT_FOUND");
  });
});

describe("compliance posture", () => {
  let postureOrg: TestOrg;
  let highId: string;
  let minimalId: string;

  beforeAll(async () => {
    postureOrg = await createTestOrg("posture");
    highId = await makeSystem(postureOrg, { riskTier: "high", euAiActRole: "provider" });
    minimalId = await makeSystem(postureOrg, { riskTier: "minimal" });
    // out of scope: neither counts
    await makeSystem(postureOrg, { lifecycleStage: "retired" });
    const archived = await makeSystem(postureOrg);
    await archiveSystem({ ctx: postureOrg.system, input: { id: archived } });
  });

  const ctx = () => postureOrg.as("admin");
  const posture = (systemId?: string) => getCompliancePosture({ ctx: postureOrg.as("executive"), input: systemId ? { systemId } : {} });

  it("starts at 0 % with every applicable control not started", async () => {
    const high = await posture(highId);
    expect(high).toMatchObject({ scope: "system", systemId: highId, systems: 1 });
    expect(frameworkPosture(high, "iso42001")).toMatchObject({ applicable: 38, implemented: 0, notStarted: 38, percent: 0 });
    expect(frameworkPosture(high, "eu_ai_act")).toMatchObject({ applicable: 16, percent: 0 });
    expect(frameworkPosture(high, "nist_ai_rmf")).toMatchObject({ applicable: 72, percent: 0 });
    expect(high.overall).toMatchObject({ applicable: 126, percent: 0 });
    const orgWide = await posture();
    expect(orgWide).toMatchObject({ scope: "organization", systemId: null, systems: 3 });
    expect(frameworkPosture(orgWide, "iso42001").applicable).toBe(76);
    expect(frameworkPosture(orgWide, "eu_ai_act").applicable).toBe(17);
  });

  it("changes per framework, system and organisation as statuses change", async () => {
    const iso = (await listSystemControls({ ctx: ctx(), input: { systemId: highId, framework: "iso42001" } })).controls;
    for (const control of iso.slice(0, 19)) await set(ctx(), { systemId: highId, framework: "iso42001", controlId: control.controlId, status: "implemented" });
    await set(ctx(), { systemId: highId, framework: "iso42001", controlId: iso[19].controlId, status: "in_progress" });
    let high = await posture(highId);
    expect(frameworkPosture(high, "iso42001")).toMatchObject({ applicable: 38, implemented: 19, inProgress: 1, notStarted: 18, notApplicable: 0, percent: 50 });

    // two not applicable: 19 / 36
    for (const control of iso.slice(36, 38))
      await set(ctx(), {
        systemId: highId,
        framework: "iso42001",
        controlId: control.controlId,
        status: "not_applicable",
        justification: "Handled by the group ISMS, see the SoA.",
      });
    high = await posture(highId);
    expect(frameworkPosture(high, "iso42001")).toMatchObject({ implemented: 19, notApplicable: 2, percent: 52.8 });

    await set(ctx(), { systemId: highId, framework: "eu_ai_act", controlId: "Art 9", status: "implemented" });
    await set(ctx(), { systemId: highId, framework: "eu_ai_act", controlId: "Art 4", status: "implemented" });
    high = await posture(highId);
    expect(frameworkPosture(high, "eu_ai_act")).toMatchObject({ applicable: 16, implemented: 2, percent: 12.5 });
    expect(high.overall).toMatchObject({ applicable: 126, implemented: 21, notApplicable: 2, percent: 16.9 });

    // the minimal system: Art 4 is its only EU AI Act control
    await set(ctx(), { systemId: minimalId, framework: "eu_ai_act", controlId: "Art 4", status: "implemented" });
    expect(frameworkPosture(await posture(minimalId), "eu_ai_act")).toMatchObject({ applicable: 1, implemented: 1, percent: 100 });

    const orgWide = await posture();
    expect(frameworkPosture(orgWide, "iso42001")).toMatchObject({ applicable: 76, implemented: 19, notApplicable: 2, percent: 25.7 });
    expect(frameworkPosture(orgWide, "eu_ai_act")).toMatchObject({ applicable: 17, implemented: 3, percent: 17.6 });
    expect(frameworkPosture(orgWide, "nist_ai_rmf")).toMatchObject({ applicable: 144, implemented: 0, percent: 0 });
    expect(orgWide.overall).toMatchObject({ applicable: 237, implemented: 22, notApplicable: 2, percent: 9.4 });
  });

  it("drops a system's controls when it is archived, and follows a tier change", async () => {
    const before = await posture();
    const temp = await makeSystem(postureOrg, { riskTier: "limited" });
    await set(ctx(), { systemId: temp, framework: "eu_ai_act", controlId: "Art 50", status: "implemented" });
    expect(frameworkPosture(await posture(), "eu_ai_act")).toMatchObject({ applicable: 19, implemented: 4 });
    // a tier change (through classification) makes Art 50 inapplicable: its stored status is kept but not counted
    const { id: assessmentId } = await proposeClassification({
      ctx: postureOrg.system,
      input: { systemId: temp, answers: { annex1_product: false, annex3_areas: [] } },
    });
    await decideClassification({
      ctx: postureOrg.system,
      input: { systemId: temp, decision: { assessmentId, decision: "overridden", tier: "minimal", reason: "No transparency duty after all" } },
    });
    expect(frameworkPosture(await posture(), "eu_ai_act")).toMatchObject({ applicable: 18, implemented: 3 });
    expect(await db.systemControl.count({ where: { systemId: temp, controlId: "Art 50" } })).toBe(1);
    await archiveSystem({ ctx: postureOrg.system, input: { id: temp } });
    expect(await posture()).toEqual(before);
  });

  it("coverage per control and the systems a control is implemented in", async () => {
    const coverage = await getFrameworkCoverage({ ctx: postureOrg.as("auditor"), input: { framework: "eu_ai_act" } });
    expect(coverage.systems).toBe(3);
    expect(coverage.controls["Art 4"]).toMatchObject({ applicable: 2, implemented: 2 });
    expect(coverage.controls["Art 9"]).toMatchObject({ applicable: 1, implemented: 1, percent: 100 });
    expect(coverage.controls["Art 26"]).toBeUndefined();
    const systems = await listControlSystems({ ctx: postureOrg.as("auditor"), input: { framework: "eu_ai_act", controlId: "Art 4" } });
    expect(systems.map((s) => s.status)).toEqual(["implemented", "implemented"]);
    expect(systems.map((s) => s.id).sort()).toEqual([highId, minimalId].sort());
  });
});

describe("audit chain", () => {
  it("stays valid after every control and evidence mutation above", async () => {
    await expect(verifyAuditChain({ ctx: org.as("auditor") })).resolves.toMatchObject({ ok: true });
  });
});
