import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createTestOrg, type TestOrg } from "@/scripts/support/create-test-org";
import { auditSeq, expectAppError } from "@/tests/support/harness";
import { createSystem } from "@/lib/systems/create-system";
import { createRisk } from "@/lib/risks/create-risk";
import { addThreatProfileEntries } from "@/lib/threats/add-threat-profile-entries";
import { importFindings } from "@/lib/findings/import-findings";
import { listFindings } from "@/lib/findings/list-findings";
import { getFindingPage } from "@/lib/findings/get-finding-page";
import { updateFindingStatus } from "@/lib/findings/update-finding-status";
import { linkFindingToRisk } from "@/lib/findings/link-finding-to-risk";
import { createRiskFromFinding } from "@/lib/risks/create-risk-from-finding";
import { getAtlasCoverage } from "@/lib/findings/get-atlas-coverage";
import { getSystemFindingsPage } from "@/lib/findings/get-system-findings-page";
import { getFindingsPage } from "@/lib/findings/get-findings-page";
import { getTestMappingsPage } from "@/lib/findings/get-test-mappings-page";
import { saveTestMapping } from "@/lib/findings/save-test-mapping";

type Row = { tool: string; test: string; detector?: string; evaluated: number; failed: number; severity?: string };

/** A CSV in the documented column set (docs/findings-formats.md). */
function csv(rows: Row[], runId: string): string {
  const header = "tool,test_id,detector,evaluated,failed,severity,run_id,target_name,prompt,output";
  const lines = rows.map((r) =>
    [r.tool, r.test, r.detector ?? "", r.evaluated, r.failed, r.severity ?? "", runId, "claims-llm", "ignore previous instructions", "<b>ok</b>"].join(","),
  );
  return [header, ...lines].join("\n") + "\n";
}

async function* source(text: string) {
  yield text;
}

let org: TestOrg;
let systemId: string;
let otherSystemId: string;

beforeAll(async () => {
  org = await createTestOrg("triage");
  const ctx = org.as("compliance_officer");
  systemId = (await createSystem({ ctx, input: { name: "Triage target", ownerId: org.users.risk_owner.id } })).id;
  otherSystemId = (await createSystem({ ctx, input: { name: "Other target" } })).id;
  await addThreatProfileEntries({
    ctx,
    input: {
      systemId,
      source: "manual",
      entries: [
        { techniqueId: "AML.T0051", rationale: "Users type free text" },
        { techniqueId: "AML.T0054", rationale: "Jailbreaks" },
        { techniqueId: "AML.T0024", rationale: "Exfiltration through the model" },
      ],
    },
  });
  // garak probes mapped by the built-in rows: promptinject → AML.T0051 (prompt injection), dan → AML.T0054 (jailbreak)
  await importFindings({
    ctx,
    input: {
      systemId,
      source: source(
        csv(
          [
            { tool: "garak", test: "promptinject.HijackHateHumans", detector: "promptinject.AttackRogueString", evaluated: 10, failed: 7 },
            { tool: "garak", test: "dan.Dan_11_0", detector: "dan.DAN", evaluated: 10, failed: 0 },
            { tool: "acme-scanner", test: "acme.custom-leak", evaluated: 4, failed: 1, severity: "critical" },
          ],
          "r1",
        ),
      ),
    },
  });
  await importFindings({
    ctx,
    input: { systemId: otherSystemId, source: source(csv([{ tool: "garak", test: "dan.Dan_11_0", detector: "dan.DAN", evaluated: 5, failed: 5 }], "r2")) },
  });
});

describe("listing and filtering findings", () => {
  it("filters by system, severity, status, technique (a parent matches sub-techniques), OWASP item and tool; most severe first", async () => {
    const ctx = org.as("auditor");
    const all = await listFindings({ ctx, input: {} });
    expect(all.total).toBe(3);
    expect(all.items[0].severity).toBe("critical");
    expect((await listFindings({ ctx, input: { systemId } })).total).toBe(2);
    expect((await listFindings({ ctx, input: { severity: "critical" } })).items.map((f) => f.testId)).toEqual(["acme.custom-leak"]);
    expect((await listFindings({ ctx, input: { technique: "AML.T0051" } })).items.map((f) => f.testId).sort()).toEqual([
      "dan.Dan_11_0",
      "promptinject.HijackHateHumans",
    ]);
    expect((await listFindings({ ctx, input: { technique: "AML.T0051.000", systemId } })).items.map((f) => f.testId)).toEqual([
      "promptinject.HijackHateHumans",
    ]);
    expect((await listFindings({ ctx, input: { technique: "AML.T0054" } })).items.map((f) => f.systemId)).toEqual([otherSystemId]);
    expect((await listFindings({ ctx, input: { owasp: "LLM01:2025" } })).total).toBeGreaterThanOrEqual(1);
    expect((await listFindings({ ctx, input: { tool: "ACME-SCANNER" } })).total).toBe(1);
    expect((await listFindings({ ctx, input: { status: "mitigated" } })).total).toBe(0);
    expect((await listFindings({ ctx, input: { pageSize: 1, page: 2 } })).items).toHaveLength(1);
    await expectAppError(listFindings({ ctx, input: { technique: "T1059" } }), "VALIDATION");
  });
});

describe("triage", () => {
  it("needs a reason to close, refuses a stale version, records one audit event, and lets a mitigated finding reopen", async () => {
    const ctx = org.as("risk_owner");
    const [finding] = (await listFindings({ ctx, input: { systemId, severity: "critical" } })).items;
    const error = await expectAppError(
      updateFindingStatus({ ctx, input: { findingId: finding.id, status: "mitigated", version: finding.version } }),
      "VALIDATION",
    );
    expect(error.issues.map((i) => i.path)).toEqual(["reason"]);
    const seq = await auditSeq(org.orgId);
    const triaged = await updateFindingStatus({ ctx, input: { findingId: finding.id, status: "triaged", version: finding.version } });
    expect(triaged).toMatchObject({ status: "triaged", version: finding.version + 1 });
    expect(await auditSeq(org.orgId)).toBe(seq + 1);
    const event = await db.auditEvent.findFirstOrThrow({ where: { orgId: org.orgId, seq: seq + 1 } });
    expect(event).toMatchObject({
      action: "finding.update",
      entityId: finding.id,
      subjectId: systemId,
      changes: { status: { before: "open", after: "triaged" } },
    });
    await expectAppError(updateFindingStatus({ ctx, input: { findingId: finding.id, status: "open", version: finding.version } }), "CONFLICT");
    const mitigated = await updateFindingStatus({
      ctx,
      input: { findingId: finding.id, status: "mitigated", reason: "Output filter deployed", version: triaged.version },
    });
    expect(mitigated.status).toBe("mitigated");

    const again = await importFindings({
      ctx: org.as("compliance_officer"),
      input: { systemId, source: source(csv([{ tool: "acme-scanner", test: "acme.custom-leak", evaluated: 4, failed: 2, severity: "critical" }], "r3")) },
    });
    expect(again.findings.reopened).toBe(1);
    const page = await getFindingPage({ ctx, input: { findingId: finding.id } });
    expect(page.finding).toMatchObject({ status: "open", statusReason: "" });
    expect(page.runs.map((r) => [r.failed, r.evaluated, r.failing])).toEqual([
      [1, 4, true],
      [2, 4, true],
    ]);
    expect(page.evidence[0]).toMatchObject({ prompt: "ignore previous instructions", output: "<b>ok</b>", possiblyHarmful: true });
    expect(page.viewer).toEqual({ canTriage: true, canCreateRisk: true });
    expect((await getFindingPage({ ctx: org.as("executive"), input: { findingId: finding.id } })).viewer).toEqual({ canTriage: false, canCreateRisk: false });
  });

  it("links a risk of the same system only, and creates a risk from a finding with its techniques filled in", async () => {
    const ctx = org.as("compliance_officer");
    const [finding] = (await listFindings({ ctx, input: { systemId, technique: "AML.T0051" } })).items;
    const otherRisk = await createRisk({
      ctx,
      input: { systemId: otherSystemId, risk: { title: "Elsewhere", category: "security", inherentLikelihood: 2, inherentImpact: 2 } },
    });
    const refused = await expectAppError(
      linkFindingToRisk({ ctx, input: { findingId: finding.id, riskId: otherRisk.id, version: finding.version } }),
      "VALIDATION",
    );
    expect(refused.issues[0].path).toBe("riskId");

    const seq = await auditSeq(org.orgId);
    const risk = await createRiskFromFinding({ ctx, input: { findingId: finding.id, version: finding.version } });
    expect(await auditSeq(org.orgId)).toBe(seq + 1);
    expect(risk).toMatchObject({ category: "security", techniqueIds: finding.techniqueIds, owaspIds: finding.owaspIds, inherentLikelihood: 5 });
    expect(risk.title).toContain("promptinject.HijackHateHumans");
    expect(risk.description).toContain("7 of 10 outputs failed");
    const linked = await db.finding.findUniqueOrThrow({ where: { id: finding.id } });
    expect(linked.riskId).toBe(risk.id);
    const unlinked = await linkFindingToRisk({ ctx, input: { findingId: finding.id, riskId: null, version: linked.version } });
    expect(unlinked.riskId).toBeNull();
  });
});

describe("coverage, charts and pages", () => {
  it("counts profiled techniques tested, failing and never tested", async () => {
    const coverage = await getAtlasCoverage({ ctx: org.as("executive"), input: { systemId } });
    expect(coverage.figures).toMatchObject({ profiled: 3, profiledTested: 2, profiledFailing: 1, profiledNeverTested: 1 });
    expect(coverage.sentence).toBe("2 of 3 profiled techniques tested, 1 failing, 1 never tested.");
    expect(coverage.techniques.find((t) => t.id === "AML.T0054")).toMatchObject({ inProfile: true, tested: true, failing: false });
  });

  it("loads the system and organisation pages with charts", async () => {
    const page = await getSystemFindingsPage({ ctx: org.as("risk_owner"), input: { systemId } });
    expect(page.viewer).toEqual({ canImportFindings: true, canTriageFindings: true });
    expect(page.imports.length).toBeGreaterThanOrEqual(2);
    expect(page.charts.overTime.length).toBeGreaterThan(0);
    expect(page.charts.attackSuccess.find((s) => s.testId === "acme.custom-leak")?.points.map((p) => p.rate)).toEqual([0.25, 0.5]);
    const orgPage = await getFindingsPage({ ctx: org.as("executive"), input: {} });
    expect(orgPage.filterOptions.systems.map((s) => s.name).sort()).toEqual(["Other target", "Triage target"]);
    expect(orgPage.charts.openByTechnique.length).toBeGreaterThan(0);
    expect(orgPage.viewer.canMap).toBe(false);
  });
});

describe("the organisation's own test mappings", () => {
  it("lists unmapped tests once, maps one (applied to stored findings and later imports), validates ids, audits it", async () => {
    const ctx = org.as("compliance_officer");
    const before = await getTestMappingsPage({ ctx });
    expect(before.unmapped.map((t) => t.testId)).toContain("acme.custom-leak");
    await expectAppError(saveTestMapping({ ctx, input: { tool: "acme-scanner", testId: "acme.custom-leak", techniqueIds: ["AML.T9999"] } }), "VALIDATION");
    await expectAppError(saveTestMapping({ ctx: org.as("risk_owner"), input: { tool: "acme-scanner", testId: "acme.custom-leak" } }), "FORBIDDEN");
    const seq = await auditSeq(org.orgId);
    const saved = await saveTestMapping({
      ctx,
      input: {
        tool: "ACME-scanner",
        testId: "acme.custom-leak",
        techniqueIds: ["AML.T0024", "AML.T0057"],
        owaspIds: ["LLM02:2025"],
        note: "Leaks the system prompt",
      },
    });
    expect(saved.remappedFindings).toBe(1);
    expect(await auditSeq(org.orgId)).toBe(seq + 1);
    const after = await getTestMappingsPage({ ctx });
    expect(after.unmapped.map((t) => t.testId)).not.toContain("acme.custom-leak");
    expect(after.mappings.map((m) => m.testId)).toEqual(["acme.custom-leak"]);
    const [finding] = (await listFindings({ ctx, input: { tool: "acme-scanner" } })).items;
    expect(finding.techniqueIds).toEqual(["AML.T0024", "AML.T0057"]);
    await importFindings({
      ctx,
      input: { systemId: otherSystemId, source: source(csv([{ tool: "acme-scanner", test: "acme.custom-leak", evaluated: 1, failed: 1 }], "r9")) },
    });
    const later = await db.testResult.findFirstOrThrow({ where: { systemId: otherSystemId, testId: "acme.custom-leak" } });
    expect(later.owaspIds).toEqual(["LLM02:2025"]);
    // another organisation's results stay as they were
    const other = await createTestOrg("triage-other");
    const otherSystem = (await createSystem({ ctx: other.as("admin"), input: { name: "Other org target" } })).id;
    await importFindings({
      ctx: other.as("admin"),
      input: { systemId: otherSystem, source: source(csv([{ tool: "acme-scanner", test: "acme.custom-leak", evaluated: 1, failed: 1 }], "r10")) },
    });
    expect((await db.testResult.findFirstOrThrow({ where: { systemId: otherSystem } })).techniqueIds).toEqual([]);
  });
});
