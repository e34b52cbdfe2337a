/**
 * Seeds the e2e database: organisation A with one member per role and a few systems, and
 * organisation B (for tenant isolation). Writes the logins to the file run-e2e.ts names in E2E_FIXTURES_FILE.
 * Test-only credentials: they exist only in the scratch database that run-e2e.ts drops afterwards.
 */
import { createReadStream, writeFileSync } from "node:fs";
import { db } from "@/lib/db/client";
import { createTestOrg, TEST_PASSWORD } from "@/scripts/support/create-test-org";
import { createSystem } from "@/lib/systems/create-system";
import { addThreatProfileEntries } from "@/lib/threats/add-threat-profile-entries";
import { createRisk } from "@/lib/risks/create-risk";
import { createComponent } from "@/lib/components/create-component";
import { updateSystemControl } from "@/lib/controls/update-system-control";
import { createEvidence } from "@/lib/evidence/create-evidence";
import { importFindings } from "@/lib/findings/import-findings";
import { listFindings } from "@/lib/findings/list-findings";
import { fixturesFile } from "./fixtures-file";

const a = await createTestOrg("e2e-a");
const b = await createTestOrg("e2e-b");
const officerA = a.as("compliance_officer");
const seeded = await createSystem({
  ctx: officerA,
  input: { name: "Fraud scoring (fixture)", businessUnit: "Claims", riskTier: "minimal", lifecycleStage: "production" },
});
const ownedByRiskOwner = await createSystem({
  ctx: officerA,
  input: { name: "Claims triage LLM (fixture)", businessUnit: "Claims", ownerId: a.users.risk_owner.id },
});
// a system with a threat profile, a risk from one of its techniques and an implemented control, for the read-only roles to look at
const threatModelled = await createSystem({
  ctx: officerA,
  input: {
    name: "Support chat LLM (fixture)",
    businessUnit: "Customer service",
    modelType: "LLM chat assistant",
    deploymentContext: "Public web app for customers",
    lifecycleStage: "production",
  },
});
await addThreatProfileEntries({
  ctx: officerA,
  input: {
    systemId: threatModelled.id,
    source: "manual",
    entries: [{ techniqueId: "AML.T0051", rationale: "Customers type free text straight into the prompt." }],
  },
});
const fixtureRisk = await createRisk({
  ctx: officerA,
  input: {
    systemId: threatModelled.id,
    risk: { title: "Prompt injection through the chat (fixture)", category: "security", techniqueIds: ["AML.T0051"], inherentLikelihood: 3, inherentImpact: 4 },
  },
});
await updateSystemControl({
  ctx: officerA,
  input: {
    systemId: threatModelled.id,
    framework: "iso42001",
    controlId: "A.6.2.6",
    status: "implemented",
    justification: "Monitored by the support operations team.",
  },
});
await createEvidence({
  ctx: officerA,
  input: {
    systemId: threatModelled.id,
    kind: "link",
    title: "Support chat monitoring dashboard (fixture)",
    url: "https://example.test/dashboards/support-chat",
    links: [{ framework: "iso42001", controlId: "A.6.2.6" }],
  },
});
// a component, so that every page (including a component's own) has a fixture to show (e2e/accessibility.spec.ts)
const fixtureComponent = await createComponent({
  ctx: officerA,
  input: { systemId: threatModelled.id, component: { kind: "model", name: "Support chat base model (fixture)", version: "1.0" } },
});
// scanner results on the same system (a garak report with failing tests, one of them unmapped), so the findings pages have a finding to show
const fixtureImport = await importFindings({
  ctx: officerA,
  input: {
    systemId: threatModelled.id,
    format: "garak",
    fileName: "garak-support-chat.report.jsonl",
    source: createReadStream(new URL("./fixtures/garak-support-chat.report.jsonl", import.meta.url)),
  },
});
if (fixtureImport.status !== "completed") throw new Error(`the fixture garak report was not imported: ${JSON.stringify(fixtureImport.rejected)}`);
const fixtureFindings = await listFindings({ ctx: officerA, input: { systemId: threatModelled.id, importId: fixtureImport.importId! } });
const promptInjectionFinding = fixtureFindings.items.find((f) => f.testId === "promptinject.HijackHateHumans");
if (!promptInjectionFinding) throw new Error("the fixture garak report opened no prompt-injection finding");
const secretB = await createSystem({ ctx: b.as("compliance_officer"), input: { name: "Org B confidential system", businessUnit: "B-unit" } });

const json = JSON.stringify(
  {
    password: TEST_PASSWORD,
    orgA: {
      orgId: a.orgId,
      users: a.users,
      systems: { seeded: seeded.id, ownedByRiskOwner: ownedByRiskOwner.id, threatModelled: threatModelled.id },
      risks: { promptInjection: fixtureRisk.id },
      components: { baseModel: fixtureComponent.id },
      findings: { promptInjection: promptInjectionFinding.id },
    },
    orgB: { orgId: b.orgId, users: b.users, systems: { secret: secretB.id } },
  },
  null,
  2,
);
writeFileSync(fixturesFile(), json, { mode: 0o600 });
await db.$disconnect();
