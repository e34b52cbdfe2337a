import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { AppErrorCode } from "@/lib/errors";
import type { Permission } from "@/lib/auth/permissions";
import { ROLES } from "@/lib/auth/roles";
import type { ServiceContext } from "@/lib/context";
import { createTestOrg, type TestOrg } from "@/scripts/support/create-test-org";
import { ACTORS, auditSeq, holds, isToken, randomId, settle, tokenContexts, type ActorKey, type TokenActor } from "@/tests/support/harness";
import { REPO_ROOT, routeHandlersInTree, serverActionsInTree, TRANSPORTS_WITHOUT_VERB, verbsCalled, verbsInTree } from "@/tests/support/tree";
import { getAtlasCatalog } from "@/lib/catalogs/get-atlas-catalog";
import { createSystem } from "@/lib/systems/create-system";
import { updateSystem } from "@/lib/systems/update-system";
import { archiveSystem } from "@/lib/systems/archive-system";
import { restoreSystem } from "@/lib/systems/restore-system";
import { listSystems } from "@/lib/systems/list-systems";
import { getSystem } from "@/lib/systems/get-system";
import { listEntityHistory } from "@/lib/audit/list-entity-history";
import { getInventoryStats } from "@/lib/systems/get-inventory-stats";
import { listFilterOptions } from "@/lib/systems/list-filter-options";
import { createComponent } from "@/lib/components/create-component";
import { updateComponent } from "@/lib/components/update-component";
import { deleteComponent } from "@/lib/components/delete-component";
import { importModelCard } from "@/lib/components/import-model-card";
import { importBom } from "@/lib/components/import-bom";
import { verifyComponentHash } from "@/lib/components/verify-component-hash";
import { getModelCard } from "@/lib/model-cards/get-model-card";
import { getSystemModelCardPage } from "@/lib/model-cards/get-system-model-card-page";
import { exportBom } from "@/lib/bom/export-bom";
import { buildBom } from "@/lib/bom/build-bom";
import { listMembers } from "@/lib/members/list-members";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { removeMember } from "@/lib/members/remove-member";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { listInvitations } from "@/lib/invitations/list-invitations";
import { revokeInvitation } from "@/lib/invitations/revoke-invitation";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";
import { listApiTokens } from "@/lib/tokens/list-api-tokens";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { listSignInEvents } from "@/lib/security-log/list-sign-in-events";
import { createRisk } from "@/lib/risks/create-risk";
import { updateRisk } from "@/lib/risks/update-risk";
import { acceptRisk } from "@/lib/risks/accept-risk";
import { deleteRisk } from "@/lib/risks/delete-risk";
import { getRisk } from "@/lib/risks/get-risk";
import { listRisks } from "@/lib/risks/list-risks";
import { getRiskHeatmap } from "@/lib/risks/get-risk-heatmap";
import { listTechniqueRiskLevels } from "@/lib/risks/list-technique-risk-levels";
import { getRiskMatrix } from "@/lib/risks/get-risk-matrix";
import { getScoredRiskMatrix } from "@/lib/risks/get-scored-risk-matrix";
import { updateRiskMatrix } from "@/lib/risks/update-risk-matrix";
import { listRiskApprovers } from "@/lib/risks/list-risk-approvers";
import { listRiskFilterOptions } from "@/lib/risks/list-risk-filter-options";
import { loadRiskRegister } from "@/lib/risks/load-risk-register";
import { addThreatProfileEntries } from "@/lib/threats/add-threat-profile-entries";
import { removeThreatProfileEntry } from "@/lib/threats/remove-threat-profile-entry";
import { importNavigatorLayer } from "@/lib/threats/import-navigator-layer";
import { exportNavigatorLayer } from "@/lib/threats/export-navigator-layer";
import { listThreatProfile } from "@/lib/threats/list-threat-profile";
import { listThreatSuggestions } from "@/lib/threats/list-threat-suggestions";
import { listTechniqueReferences } from "@/lib/threats/list-technique-references";
import { listProfiledTechniqueIds, listThreatProfileSummaries } from "@/lib/threats/list-threat-profile-summaries";
import { getSystemThreatsPage } from "@/lib/threats/get-system-threats-page";
import { getThreatMatrix } from "@/lib/threats/get-threat-matrix";
import { getThreatTechniquePage } from "@/lib/threats/get-threat-technique-page";
import { listSystemControls } from "@/lib/controls/list-system-controls";
import { getSystemControlsPage } from "@/lib/controls/get-system-controls-page";
import { getSystemPage } from "@/lib/systems/get-system-page";
import { getSystemsPage } from "@/lib/systems/get-systems-page";
import { getSystemEditPage } from "@/lib/systems/get-system-edit-page";
import { getSystemRisksPage } from "@/lib/risks/get-system-risks-page";
import { getRiskPage } from "@/lib/risks/get-risk-page";
import { getAuditPage } from "@/lib/audit/get-audit-page";
import { getSettingsPage } from "@/lib/members/get-settings-page";
import { getAtlasCatalogPage } from "@/lib/atlas/get-atlas-catalog-page";
import { updateSystemControl } from "@/lib/controls/update-system-control";
import { getCompliancePosture } from "@/lib/controls/get-compliance-posture";
import { getFrameworkCoverage } from "@/lib/controls/get-framework-coverage";
import { listControlSystems } from "@/lib/controls/list-control-systems";
import { createEvidence } from "@/lib/evidence/create-evidence";
import { linkEvidence } from "@/lib/evidence/link-evidence";
import { deleteEvidence } from "@/lib/evidence/delete-evidence";
import { getEvidenceFile } from "@/lib/evidence/get-evidence-file";
import { listSystemEvidence } from "@/lib/evidence/list-system-evidence";
import { proposeClassification } from "@/lib/classification/propose-classification";
import { importFindings } from "@/lib/findings/import-findings";
import { queueFindingImport } from "@/lib/findings/queue-finding-import";
import { getFindingImport } from "@/lib/findings/get-finding-import";
import { listFindings } from "@/lib/findings/list-findings";
import { getFindingPage } from "@/lib/findings/get-finding-page";
import { updateFindingStatus } from "@/lib/findings/update-finding-status";
import { linkFindingToRisk } from "@/lib/findings/link-finding-to-risk";
import { createRiskFromFinding } from "@/lib/risks/create-risk-from-finding";
import { getAtlasCoverage } from "@/lib/findings/get-atlas-coverage";
import { getSystemFindingsPage } from "@/lib/findings/get-system-findings-page";
import { getFindingsPage } from "@/lib/findings/get-findings-page";
import { getTestMappingsPage } from "@/lib/findings/get-test-mappings-page";
import { decideClassification } from "@/lib/classification/decide-classification";
import { getLatestClassification } from "@/lib/classification/get-latest-classification";
import { getAtlasView } from "@/lib/atlas/get-atlas-view";
import { getAtlasTechnique } from "@/lib/atlas/get-atlas-technique";
import { getAtlasMitigation } from "@/lib/atlas/get-atlas-mitigation";
import { getAtlasCaseStudy } from "@/lib/atlas/get-atlas-case-study";
import { listAtlasReleases } from "@/lib/atlas/list-atlas-releases";
import { ALL_MAIN_NO } from "@/lib/classification/test-support";

// Org B's members and API tokens probe org A. The table below has a row for every domain verb in lib/
// and every REST route handler, found in the tree at test time (tests/support/tree.ts): a verb or route
// added without a row fails the coverage test, naming its file.
//
// The isolation property for a verb or route that takes an id: a call with org A's real id is
// indistinguishable from one with an id that exists nowhere (same error or same empty answer), returns
// none of A's data and changes nothing in A. Actors that hold the permission get NOT_FOUND; actors
// whose role cannot do the action at all get the up-front FORBIDDEN, the same for every id.
// Organisation-wide reads (and writes to the caller's own organisation) run as B and must not show
// any of A's names or ids, nor change A.

// ---------------------------------------------------------------------------------------------
// Org A (the target) and org B (the prober)
// ---------------------------------------------------------------------------------------------

let a: TestOrg;
let b: TestOrg;
const A = {
  systemId: "",
  systemName: "",
  archivedSystemId: "",
  componentId: "",
  tokenId: "",
  invitationId: "",
  riskId: "",
  acceptedRiskId: "",
  fileId: "",
  linkId: "",
  assessmentId: "",
  importId: "",
  findingId: "",
};
let bSystemId = "";
let bTokens: Awaited<ReturnType<typeof tokenContexts>>;
const RATIONALE = "A's confidential rationale for the chatbot.";
const REASON = "Accepted by the risk committee";
const RISK = { title: "A secret risk", category: "privacy" as const, inherentLikelihood: 5, inherentImpact: 5, techniqueIds: ["AML.T0024"] };
const LINK = { framework: "iso42001" as const, controlId: "A.6.2.6" };

/** Strings that only org A's data contains: none may appear in anything org B is shown. */
function secretsOfA(): string[] {
  return [
    ...Object.values(A).filter(Boolean),
    ...Object.values(a.users).flatMap((u) => [u.id, u.email]),
    "A secret risk",
    "A confidential",
    "confidential rationale",
    "secret.txt",
    "a.example.test",
  ];
}

function expectNoSecretsOfA(value: unknown, label: string) {
  const text = JSON.stringify(value ?? null);
  for (const secret of secretsOfA()) expect(text.includes(secret), `${label} shows org A's "${secret}"`).toBe(false);
}

/** Every row org A owns, to compare before/after. */
async function snapshotOrg(orgId: string) {
  const byId = { orderBy: { id: "asc" as const } };
  const where = { where: { orgId }, ...byId };
  return {
    org: await db.organization.findUniqueOrThrow({ where: { id: orgId } }),
    systems: await db.aISystem.findMany(where),
    components: await db.systemComponent.findMany(where),
    memberships: await db.membership.findMany(where),
    invitations: await db.invitation.findMany(where),
    tokens: await db.apiToken.findMany(where),
    risks: await db.risk.findMany(where),
    riskControls: await db.riskControl.findMany(where),
    matrix: await db.riskMatrix.findUnique({ where: { orgId } }),
    threats: await db.threatProfileEntry.findMany(where),
    controls: await db.systemControl.findMany(where),
    evidence: await db.evidence.findMany(where),
    links: await db.evidenceLink.findMany(where),
    classifications: await db.classificationAssessment.findMany(where),
    findingImports: await db.findingImport.findMany(where),
    testResults: await db.testResult.findMany(where),
    findings: await db.finding.findMany(where),
    testMappings: await db.testMapping.findMany(where),
    audit: await db.auditEvent.findMany({ where: { orgId }, orderBy: { seq: "asc" } }),
  };
}
let aBefore: Awaited<ReturnType<typeof snapshotOrg>>;

const bCtx = (actor: ActorKey): ServiceContext => (isToken(actor) ? bTokens[actor].ctx : b.as(actor));

beforeAll(async () => {
  [a, b] = await Promise.all([createTestOrg("tenant-a"), createTestOrg("tenant-b")]);
  const admin = a.as("admin");
  A.systemName = `Secret scoring ${randomId().slice(-6)}`;
  const system = await createSystem({
    ctx: admin,
    input: {
      name: A.systemName,
      ownerId: a.users.risk_owner.id,
      businessUnit: "Risk",
      vendor: "Acme",
      riskTier: "high",
      euAiActRole: "provider",
      lifecycleStage: "production",
      modelType: "LLM",
    },
  });
  A.systemId = system.id;
  A.componentId = (await createComponent({ ctx: admin, input: { systemId: system.id, component: { kind: "model", name: "A model" } } })).id;
  A.archivedSystemId = (await createSystem({ ctx: admin, input: { name: "A archived" } })).id;
  await archiveSystem({ ctx: admin, input: { id: A.archivedSystemId } });
  A.tokenId = (await createApiToken({ ctx: admin, input: { name: "A token", scopes: ["read", "write"] } })).id;
  A.invitationId = (
    await createInvitation({ ctx: admin, input: { email: `a-invitee-${randomId().slice(-6)}@example.test`, name: "A invitee", role: "auditor" } })
  ).id;
  A.riskId = (
    await createRisk({ ctx: admin, input: { systemId: A.systemId, risk: { ...RISK, controls: [{ framework: "iso42001", controlId: "A.6.2.4" }] } } })
  ).id;
  A.acceptedRiskId = (await createRisk({ ctx: admin, input: { systemId: A.systemId, risk: { ...RISK, title: "A secret risk, accepted" } } })).id;
  await acceptRisk({ ctx: admin, input: { id: A.acceptedRiskId, approverId: a.users.executive.id, reason: REASON, version: 1 } });
  await addThreatProfileEntries({
    ctx: admin,
    input: { systemId: A.systemId, source: "manual", entries: [{ techniqueId: "AML.T0051", rationale: RATIONALE }] },
  });
  await updateSystemControl({ ctx: admin, input: { systemId: A.systemId, framework: "eu_ai_act", controlId: "Art 9", status: "implemented" } });
  A.fileId = (
    await createEvidence({
      ctx: admin,
      input: {
        systemId: A.systemId,
        kind: "file",
        file: { name: "secret.txt", mimeType: "text/plain", bytes: new TextEncoder().encode("A's secret") },
        links: [{ framework: "eu_ai_act", controlId: "Art 9" }],
      },
    })
  ).id;
  A.linkId = (
    await createEvidence({ ctx: admin, input: { systemId: A.systemId, kind: "link", title: "A link", url: "https://a.example.test", links: [LINK] } })
  ).id;
  A.assessmentId = (await proposeClassification({ ctx: admin, input: { systemId: A.systemId, answers: { annex1_product: false, annex3_areas: [] } } })).id;
  A.importId = (
    await importFindings({
      ctx: admin,
      input: {
        systemId: A.systemId,
        fileName: "secret.txt",
        source: (async function* () {
          yield '{"entry_type": "start_run setup", "_config.version": "0.14.0", "plugins.target_name": "a.example.test"}\n';
          yield '{"entry_type": "eval", "probe": "dan.Dan_11_0", "detector": "dan.DAN", "passed": 1, "fails": 1, "total_evaluated": 2}\n';
        })(),
      },
    })
  ).importId!;
  A.findingId = (await db.finding.findFirstOrThrow({ where: { systemId: A.systemId }, select: { id: true } })).id;

  bSystemId = (await createSystem({ ctx: b.as("admin"), input: { name: "B system", ownerId: b.users.risk_owner.id, modelType: "LLM" } })).id;
  bTokens = await tokenContexts(b);
  aBefore = await snapshotOrg(a.orgId);
});

// ---------------------------------------------------------------------------------------------
// The table: one row per domain verb
// ---------------------------------------------------------------------------------------------

/** A verb called by org B with one of org A's ids (and, to compare, with an id that exists nowhere). */
type IdProbe = {
  kind: "id";
  label?: string;
  permission: Permission;
  /** What an actor holding the permission gets (NOT_FOUND unless the id is validated as a field). */
  expected?: AppErrorCode | "empty";
  target: () => string;
  run: (ctx: ServiceContext, id: string) => Promise<unknown>;
};
/** A verb that names no id: it reads (or writes) the caller's own organisation. */
type OrgWide = { kind: "orgWide"; label?: string; run: (ctx: ServiceContext) => Promise<unknown> };
/** No probe applies, and why. */
type Exempt = { kind: "exempt"; reason: string };
type Row = IdProbe | OrgWide | Exempt;

const id = (permission: Permission, target: () => string, run: IdProbe["run"], extra: Partial<IdProbe> = {}): IdProbe => ({
  kind: "id",
  permission,
  target,
  run,
  ...extra,
});
const orgWide = (run: OrgWide["run"], label?: string): OrgWide => ({ kind: "orgWide", run, label });
const exempt = (reason: string): Exempt => ({ kind: "exempt", reason });
const aSystem = () => A.systemId;
/** A garak report org B tries to put on A's system. */
async function* injectedReport() {
  yield '{"entry_type": "eval", "probe": "dan.Dan_11_0", "detector": "dan.DAN", "passed": 0, "fails": 2, "total_evaluated": 2}\n';
}
/** A model card and a CycloneDX BOM org B tries to import into A's system. */
const INJECTED_CARD = "---\nlicense: mit\nbase_model: evil/model\n---\n# Model Card for injected\n";
const INJECTED_BOM = buildBom({ id: "b", name: "Injected" }, [
  {
    kind: "model",
    name: "Injected model",
    version: "1",
    sourceUrl: "",
    licence: "",
    sha256: "",
    baseModels: [],
    languages: [],
    datasets: [],
    pipelineTag: "",
    libraryName: "",
  },
]);

const VERBS: Record<string, Row[]> = {
  // systems and components
  "lib/systems/get-system.ts#getSystem": [id("inventory:read", aSystem, (ctx, id) => getSystem({ ctx, input: { id } }))],
  "lib/systems/get-system-page.ts#getSystemPage": [id("inventory:read", aSystem, (ctx, id) => getSystemPage({ ctx, input: { id } }))],
  "lib/systems/get-system-edit-page.ts#getSystemEditPage": [id("inventory:read", aSystem, (ctx, id) => getSystemEditPage({ ctx, input: { id } }))],
  "lib/systems/get-systems-page.ts#getSystemsPage": [
    orgWide((ctx) => getSystemsPage({ ctx, input: { status: "all" } })),
    // the filters echo the caller's own query back; the rest must hold nothing of A
    orgWide(async (ctx) => {
      const { filters: _echo, ...rest } = await getSystemsPage({ ctx, input: { q: A.systemName } });
      return rest;
    }, "searching A's system name"),
  ],
  "lib/audit/list-entity-history.ts#listEntityHistory": [
    id("inventory:read", aSystem, (ctx, id) => listEntityHistory({ ctx, input: { entity: "system", id } }), { label: "A's system" }),
    id(
      "inventory:read",
      () => A.riskId,
      (ctx, id) => listEntityHistory({ ctx, input: { entity: "risk", id } }),
      { label: "A's risk" },
    ),
  ],
  "lib/systems/update-system.ts#updateSystem": [
    id("system:update", aSystem, (ctx, id) => updateSystem({ ctx, input: { id, patch: { name: "Pwned", version: 1 } } })),
  ],
  "lib/systems/archive-system.ts#archiveSystem": [id("system:archive", aSystem, (ctx, id) => archiveSystem({ ctx, input: { id } }))],
  "lib/systems/restore-system.ts#restoreSystem": [
    id(
      "system:archive",
      () => A.archivedSystemId,
      (ctx, id) => restoreSystem({ ctx, input: { id } }),
    ),
  ],
  "lib/systems/create-system.ts#createSystem": [
    id(
      "system:create",
      () => a.users.risk_owner.id,
      (ctx, ownerId) => createSystem({ ctx, input: { name: "Borrowed owner", ownerId } }),
      {
        label: "A's member as owner",
        expected: "VALIDATION",
      },
    ),
  ],
  "lib/systems/create-demo-system.ts#createDemoSystem": [exempt("system actor only (the demo seed); names no existing id")],
  "lib/systems/list-systems.ts#listSystems": [
    orgWide((ctx) => listSystems({ ctx, input: { status: "all" } })),
    orgWide((ctx) => listSystems({ ctx, input: { ownerId: a.users.risk_owner.id, status: "all" } }), "filtered by A's member"),
    orgWide((ctx) => listSystems({ ctx, input: { q: A.systemName } }), "searching A's system name"),
  ],
  "lib/systems/get-inventory-stats.ts#getInventoryStats": [orgWide((ctx) => getInventoryStats({ ctx }))],
  "lib/systems/list-filter-options.ts#listFilterOptions": [orgWide((ctx) => listFilterOptions({ ctx }))],
  "lib/components/create-component.ts#createComponent": [
    id("system:update", aSystem, (ctx, systemId) => createComponent({ ctx, input: { systemId, component: { kind: "service", name: "Injected" } } })),
  ],
  "lib/components/update-component.ts#updateComponent": [
    id(
      "system:update",
      () => A.componentId,
      (ctx, id) => updateComponent({ ctx, input: { id, component: { kind: "model", name: "Pwned" } } }),
    ),
  ],
  "lib/components/delete-component.ts#deleteComponent": [
    id(
      "system:update",
      () => A.componentId,
      (ctx, id) => deleteComponent({ ctx, input: { id } }),
    ),
  ],
  "lib/components/import-model-card.ts#importModelCard": [
    id("system:update", aSystem, (ctx, systemId) => importModelCard({ ctx, input: { systemId, text: INJECTED_CARD } })),
    id(
      "system:update",
      () => A.componentId,
      (ctx, componentId) => importModelCard({ ctx, input: { systemId: A.systemId, componentId, text: INJECTED_CARD } }),
      { label: "into A's component" },
    ),
  ],
  "lib/components/import-bom.ts#importBom": [id("system:update", aSystem, (ctx, systemId) => importBom({ ctx, input: { systemId, text: INJECTED_BOM } }))],
  "lib/components/verify-component-hash.ts#verifyComponentHash": [
    id(
      "system:update",
      () => A.componentId,
      (ctx, id) => verifyComponentHash({ ctx, input: { id, check: { sha256: "0".repeat(64) } } }),
    ),
  ],
  "lib/model-cards/get-model-card.ts#getModelCard": [
    id("inventory:read", aSystem, (ctx, systemId) => getModelCard({ ctx, input: { systemId, format: "mct" } })),
    id(
      "inventory:read",
      () => A.componentId,
      (ctx, componentId) => getModelCard({ ctx, input: { systemId: A.systemId, componentId, format: "hf" } }),
      { label: "A's component" },
    ),
  ],
  "lib/model-cards/get-system-model-card-page.ts#getSystemModelCardPage": [
    id("inventory:read", aSystem, (ctx, systemId) => getSystemModelCardPage({ ctx, input: { systemId } })),
  ],
  "lib/bom/export-bom.ts#exportBom": [id("inventory:read", aSystem, (ctx, systemId) => exportBom({ ctx, input: { systemId } }))],

  // members, invitations, tokens, audit
  "lib/members/list-members.ts#listMembers": [orgWide((ctx) => listMembers({ ctx }))],
  "lib/members/add-member.ts#addMember": [exempt("system actor only (seed, CLI); takes an e-mail, no id")],
  "lib/members/change-member-role.ts#changeMemberRole": [
    id(
      "member:manage",
      () => a.users.executive.id,
      (ctx, userId) => changeMemberRole({ ctx, input: { userId, role: "admin" } }),
      { label: "A's executive" },
    ),
    id(
      "member:manage",
      () => a.users.admin.id,
      (ctx, userId) => changeMemberRole({ ctx, input: { userId, role: "auditor" } }),
      { label: "A's last admin" },
    ),
  ],
  "lib/members/remove-member.ts#removeMember": [
    id(
      "member:manage",
      () => a.users.executive.id,
      (ctx, userId) => removeMember({ ctx, input: { userId } }),
      { label: "A's executive" },
    ),
    id(
      "member:manage",
      () => a.users.admin.id,
      (ctx, userId) => removeMember({ ctx, input: { userId } }),
      { label: "A's last admin" },
    ),
  ],
  "lib/invitations/create-invitation.ts#createInvitation": [exempt("invites into the caller's own organisation; takes an e-mail, no id")],
  "lib/invitations/list-invitations.ts#listInvitations": [orgWide((ctx) => listInvitations({ ctx }))],
  "lib/invitations/revoke-invitation.ts#revokeInvitation": [
    id(
      "member:manage",
      () => A.invitationId,
      (ctx, id) => revokeInvitation({ ctx, input: { id } }),
    ),
  ],
  "lib/invitations/get-invitation.ts#getInvitation": [exempt("@no-permission: the single-use token is the authorisation (invitations.test.ts)")],
  "lib/invitations/accept-invitation.ts#acceptInvitation": [exempt("@no-permission: the single-use token is the authorisation (invitations.test.ts)")],
  "lib/orgs/create-organization.ts#createOrganization": [exempt("@no-permission: bootstrap of a new organisation (seed, CLI)")],
  "lib/tokens/create-api-token.ts#createApiToken": [exempt("creates a token of the caller's own organisation; names no id")],
  "lib/tokens/list-api-tokens.ts#listApiTokens": [orgWide((ctx) => listApiTokens({ ctx }))],
  "lib/tokens/revoke-api-token.ts#revokeApiToken": [
    id(
      "token:manage",
      () => A.tokenId,
      (ctx, id) => revokeApiToken({ ctx, input: { id } }),
    ),
  ],
  "lib/audit/verify-audit-chain.ts#verifyAuditChain": [orgWide((ctx) => verifyAuditChain({ ctx }))],
  "lib/audit/get-audit-page.ts#getAuditPage": [orgWide((ctx) => getAuditPage({ ctx, input: { verify: "1" } }))],
  "lib/members/get-settings-page.ts#getSettingsPage": [orgWide((ctx) => getSettingsPage({ ctx }))],
  "lib/audit/list-audit-events.ts#listAuditEvents": [
    orgWide((ctx) => listAuditEvents({ ctx, input: {} })),
    // the answer echoes its filters: only the events count
    orgWide(async (ctx) => (await listAuditEvents({ ctx, input: { actor: a.users.admin.email } })).items, "filtered by A's admin"),
  ],
  "lib/security-log/list-sign-in-events.ts#listSignInEvents": [orgWide((ctx) => listSignInEvents({ ctx, input: {} }))],

  // risk register
  "lib/risks/get-risk.ts#getRisk": [
    id(
      "inventory:read",
      () => A.riskId,
      (ctx, id) => getRisk({ ctx, input: { id } }),
    ),
  ],
  "lib/risks/get-risk-page.ts#getRiskPage": [
    id(
      "inventory:read",
      () => A.riskId,
      (ctx, id) => getRiskPage({ ctx, input: { id } }),
    ),
  ],
  "lib/risks/get-system-risks-page.ts#getSystemRisksPage": [
    id("inventory:read", aSystem, (ctx, systemId) => getSystemRisksPage({ ctx, input: { systemId, query: {} } })),
  ],
  "lib/risks/list-risks.ts#listRisks": [
    id("inventory:read", aSystem, (ctx, systemId) => listRisks({ ctx, input: { systemId } }), { label: "A's system" }),
    orgWide((ctx) => listRisks({ ctx, input: {} })),
    orgWide((ctx) => listRisks({ ctx, input: { ownerId: a.users.admin.id, techniqueId: "AML.T0024", q: "Secret" } }), "filtered by A's values"),
  ],
  "lib/risks/get-risk-heatmap.ts#getRiskHeatmap": [
    id("inventory:read", aSystem, (ctx, systemId) => getRiskHeatmap({ ctx, input: { systemId, basis: "inherent" } })),
    orgWide((ctx) => getRiskHeatmap({ ctx, input: { basis: "inherent" } })),
  ],
  "lib/risks/list-technique-risk-levels.ts#listTechniqueRiskLevels": [
    id("inventory:read", aSystem, (ctx, systemId) => listTechniqueRiskLevels({ ctx, input: { systemId } })),
    orgWide((ctx) => listTechniqueRiskLevels({ ctx, input: {} })),
  ],
  "lib/risks/create-risk.ts#createRisk": [id("risk:write", aSystem, (ctx, systemId) => createRisk({ ctx, input: { systemId, risk: RISK } }))],
  "lib/risks/update-risk.ts#updateRisk": [
    id(
      "risk:write",
      () => A.riskId,
      (ctx, id) => updateRisk({ ctx, input: { id, patch: { title: "Pwned", version: 1 } } }),
    ),
    id(
      "risk:write",
      () => A.acceptedRiskId,
      (ctx, id) => updateRisk({ ctx, input: { id, patch: { treatment: "mitigate", status: "open", version: 2 } } }),
      {
        label: "A's accepted risk",
      },
    ),
  ],
  "lib/risks/accept-risk.ts#acceptRisk": [
    id(
      "risk:write",
      () => A.riskId,
      (ctx, id) => acceptRisk({ ctx, input: { id, approverId: b.users.executive.id, reason: REASON, version: 1 } }),
      {
        label: "B's approver",
      },
    ),
    id(
      "risk:write",
      () => A.riskId,
      (ctx, id) => acceptRisk({ ctx, input: { id, approverId: a.users.executive.id, reason: REASON, version: 1 } }),
      {
        label: "A's approver",
      },
    ),
  ],
  "lib/risks/delete-risk.ts#deleteRisk": [
    id(
      "risk:write",
      () => A.riskId,
      (ctx, id) => deleteRisk({ ctx, input: { id } }),
    ),
  ],
  "lib/risks/get-risk-matrix.ts#getRiskMatrix": [orgWide((ctx) => getRiskMatrix({ ctx }))],
  "lib/risks/get-scored-risk-matrix.ts#getScoredRiskMatrix": [orgWide((ctx) => getScoredRiskMatrix({ ctx }))],
  "lib/risks/update-risk-matrix.ts#updateRiskMatrix": [
    orgWide(async (ctx) => {
      const { version, ...matrix } = await getRiskMatrix({ ctx: b.system });
      return updateRiskMatrix({ ctx, input: { ...matrix, likelihoodLabels: ["1", "2", "3", "4", "5"], version } });
    }, "B edits its own matrix"),
  ],
  "lib/risks/list-risk-approvers.ts#listRiskApprovers": [orgWide((ctx) => listRiskApprovers({ ctx }))],
  "lib/risks/list-risk-filter-options.ts#listRiskFilterOptions": [orgWide((ctx) => listRiskFilterOptions({ ctx }))],
  "lib/risks/load-risk-register.ts#loadRiskRegister": [
    orgWide((ctx) => loadRiskRegister({ ctx, input: {} })),
    id("inventory:read", aSystem, (ctx, systemId) => loadRiskRegister({ ctx, input: { systemId } }), { label: "scoped to A's system" }),
  ],

  // threat profiles and the ATLAS catalog
  "lib/threats/list-threat-profile.ts#listThreatProfile": [id("inventory:read", aSystem, (ctx, systemId) => listThreatProfile({ ctx, input: { systemId } }))],
  "lib/threats/list-threat-suggestions.ts#listThreatSuggestions": [
    id("inventory:read", aSystem, (ctx, systemId) => listThreatSuggestions({ ctx, input: { systemId } })),
  ],
  "lib/threats/export-navigator-layer.ts#exportNavigatorLayer": [
    id("inventory:read", aSystem, (ctx, systemId) => exportNavigatorLayer({ ctx, input: { systemId } })),
    orgWide((ctx) => exportNavigatorLayer({ ctx, input: {} })),
  ],
  "lib/threats/add-threat-profile-entries.ts#addThreatProfileEntries": [
    id("threat:write", aSystem, (ctx, systemId) =>
      addThreatProfileEntries({ ctx, input: { systemId, source: "manual", entries: [{ techniqueId: "AML.T0054", rationale: "Injected rationale." }] } }),
    ),
  ],
  "lib/threats/remove-threat-profile-entry.ts#removeThreatProfileEntry": [
    id("threat:write", aSystem, (ctx, systemId) => removeThreatProfileEntry({ ctx, input: { systemId, techniqueId: "AML.T0051" } })),
  ],
  "lib/threats/import-navigator-layer.ts#importNavigatorLayer": [
    id("threat:write", aSystem, (ctx, systemId) =>
      importNavigatorLayer({ ctx, input: { systemId, layer: { techniques: [{ techniqueID: "AML.T0054", score: 9 }] } } }),
    ),
  ],
  "lib/threats/get-system-threats-page.ts#getSystemThreatsPage": [
    id("inventory:read", aSystem, (ctx, systemId) => getSystemThreatsPage({ ctx, input: { systemId } })),
  ],
  "lib/threats/get-threat-matrix.ts#getThreatMatrix": [
    orgWide((ctx) => getThreatMatrix({ ctx, input: { overlay: "org" } })),
    orgWide((ctx) => getThreatMatrix({ ctx, input: { system: A.systemId } }), "asking for A's system overlay"),
    orgWide((ctx) => getThreatMatrix({ ctx, input: { system: A.systemId, coverage: "findings" } }), "asking for A's findings coverage"),
  ],
  "lib/threats/get-threat-technique-page.ts#getThreatTechniquePage": [orgWide((ctx) => getThreatTechniquePage({ ctx, input: { id: "AML.T0051" } }))],
  "lib/threats/list-technique-references.ts#listTechniqueReferences": [orgWide((ctx) => listTechniqueReferences({ ctx, input: { techniqueId: "AML.T0051" } }))],
  "lib/threats/list-threat-profile-summaries.ts#listThreatProfileSummaries": [orgWide((ctx) => listThreatProfileSummaries({ ctx }))],
  "lib/threats/list-threat-profile-summaries.ts#listProfiledTechniqueIds": [
    id("inventory:read", aSystem, (ctx, systemId) => listProfiledTechniqueIds({ ctx, input: { systemId } }), { expected: "empty" }),
    orgWide((ctx) => listProfiledTechniqueIds({ ctx, input: {} })),
  ],
  "lib/atlas/get-atlas-view.ts#getAtlasView": [orgWide((ctx) => getAtlasView({ ctx }))],
  "lib/atlas/get-atlas-technique.ts#getAtlasTechnique": [orgWide((ctx) => getAtlasTechnique({ ctx, input: { id: "AML.T0051" } }))],
  "lib/atlas/get-atlas-mitigation.ts#getAtlasMitigation": [orgWide((ctx) => getAtlasMitigation({ ctx, input: { id: getAtlasCatalog().mitigations[0].id } }))],
  "lib/atlas/get-atlas-case-study.ts#getAtlasCaseStudy": [orgWide((ctx) => getAtlasCaseStudy({ ctx, input: { id: getAtlasCatalog().caseStudies[0].id } }))],
  "lib/atlas/get-atlas-catalog-page.ts#getAtlasCatalogPage": [orgWide((ctx) => getAtlasCatalogPage({ ctx }))],
  "lib/atlas/list-atlas-releases.ts#listAtlasReleases": [orgWide((ctx) => listAtlasReleases({ ctx }))],
  "lib/atlas/import-atlas-release.ts#importAtlasRelease": [
    exempt("imports into the caller's own organisation (atlas-import.test.ts: another organisation is untouched)"),
  ],

  // controls, evidence and classification
  "lib/controls/list-system-controls.ts#listSystemControls": [
    id("inventory:read", aSystem, (ctx, systemId) => listSystemControls({ ctx, input: { systemId } })),
  ],
  "lib/controls/get-system-controls-page.ts#getSystemControlsPage": [
    id("inventory:read", aSystem, (ctx, systemId) => getSystemControlsPage({ ctx, input: { systemId } })),
  ],
  "lib/controls/get-compliance-posture.ts#getCompliancePosture": [
    id("inventory:read", aSystem, (ctx, systemId) => getCompliancePosture({ ctx, input: { systemId } })),
    orgWide((ctx) => getCompliancePosture({ ctx })),
  ],
  "lib/controls/get-framework-coverage.ts#getFrameworkCoverage": [orgWide((ctx) => getFrameworkCoverage({ ctx, input: { framework: "eu_ai_act" } }))],
  "lib/controls/list-control-systems.ts#listControlSystems": [
    orgWide((ctx) => listControlSystems({ ctx, input: { framework: "eu_ai_act", controlId: "Art 9" } })),
  ],
  "lib/controls/update-system-control.ts#updateSystemControl": [
    id("control:write", aSystem, (ctx, systemId) =>
      updateSystemControl({ ctx, input: { systemId, framework: "eu_ai_act", controlId: "Art 9", status: "not_started", version: 1 } }),
    ),
  ],
  "lib/evidence/list-system-evidence.ts#listSystemEvidence": [
    id("inventory:read", aSystem, (ctx, systemId) => listSystemEvidence({ ctx, input: { systemId } })),
  ],
  "lib/evidence/get-evidence-file.ts#getEvidenceFile": [
    id(
      "inventory:read",
      () => A.fileId,
      (ctx, evidenceId) => getEvidenceFile({ ctx, input: { evidenceId } }),
    ),
  ],
  "lib/evidence/create-evidence.ts#createEvidence": [
    id("control:write", aSystem, (ctx, systemId) =>
      createEvidence({ ctx, input: { systemId, kind: "link", title: "Injected", url: "https://evil.example.test", links: [LINK] } }),
    ),
  ],
  "lib/evidence/link-evidence.ts#linkEvidence": [
    id(
      "control:write",
      () => A.linkId,
      (ctx, evidenceId) => linkEvidence({ ctx, input: { evidenceId, framework: "iso42001", controlId: "A.2.2" } }),
    ),
  ],
  "lib/evidence/delete-evidence.ts#deleteEvidence": [
    id(
      "control:write",
      () => A.fileId,
      (ctx, evidenceId) => deleteEvidence({ ctx, input: { evidenceId } }),
    ),
  ],
  "lib/classification/propose-classification.ts#proposeClassification": [
    id("system:classify", aSystem, (ctx, systemId) =>
      proposeClassification({ ctx, input: { systemId, answers: { annex1_product: false, annex3_areas: [] } } }),
    ),
  ],
  "lib/classification/decide-classification.ts#decideClassification": [
    id("system:classify", aSystem, (ctx, systemId) =>
      decideClassification({ ctx, input: { systemId, decision: { assessmentId: A.assessmentId, decision: "accepted" } } }),
    ),
  ],
  // findings
  "lib/findings/import-findings.ts#importFindings": [
    id("finding:import", aSystem, (ctx, systemId) => importFindings({ ctx, input: { systemId, source: injectedReport() } })),
  ],
  "lib/findings/queue-finding-import.ts#queueFindingImport": [
    id("finding:import", aSystem, (ctx, systemId) => queueFindingImport({ ctx, input: { systemId, source: injectedReport() } })),
  ],
  "lib/findings/get-finding-import.ts#getFindingImport": [
    id(
      "inventory:read",
      () => A.importId,
      (ctx, importId) => getFindingImport({ ctx, input: { importId } }),
    ),
  ],
  "lib/findings/list-findings.ts#listFindings": [
    orgWide((ctx) => listFindings({ ctx, input: {} })),
    orgWide((ctx) => listFindings({ ctx, input: { systemId: A.systemId } }), "filtering by A's system"),
    orgWide((ctx) => listFindings({ ctx, input: { importId: A.importId } }), "filtering by A's import"),
  ],
  "lib/findings/get-finding-page.ts#getFindingPage": [
    id(
      "inventory:read",
      () => A.findingId,
      (ctx, findingId) => getFindingPage({ ctx, input: { findingId } }),
    ),
  ],
  "lib/findings/update-finding-status.ts#updateFindingStatus": [
    id(
      "finding:triage",
      () => A.findingId,
      (ctx, findingId) => updateFindingStatus({ ctx, input: { findingId, status: "triaged", version: 1 } }),
    ),
  ],
  "lib/findings/link-finding-to-risk.ts#linkFindingToRisk": [
    id(
      "finding:triage",
      () => A.findingId,
      (ctx, findingId) => linkFindingToRisk({ ctx, input: { findingId, riskId: A.riskId, version: 1 } }),
    ),
  ],
  "lib/risks/create-risk-from-finding.ts#createRiskFromFinding": [
    id(
      "risk:write",
      () => A.findingId,
      (ctx, findingId) => createRiskFromFinding({ ctx, input: { findingId, version: 1 } }),
    ),
  ],
  "lib/findings/get-atlas-coverage.ts#getAtlasCoverage": [id("inventory:read", aSystem, (ctx, systemId) => getAtlasCoverage({ ctx, input: { systemId } }))],
  "lib/findings/get-system-findings-page.ts#getSystemFindingsPage": [
    id("inventory:read", aSystem, (ctx, systemId) => getSystemFindingsPage({ ctx, input: { systemId } })),
  ],
  "lib/findings/get-findings-page.ts#getFindingsPage": [
    orgWide((ctx) => getFindingsPage({ ctx, input: {} })),
    orgWide((ctx) => getFindingsPage({ ctx, input: { systemId: A.systemId } }), "filtering by A's system"),
  ],
  "lib/findings/get-test-mappings-page.ts#getTestMappingsPage": [orgWide((ctx) => getTestMappingsPage({ ctx }))],
  "lib/findings/save-test-mapping.ts#saveTestMapping": [
    exempt("writes the caller's own organisation's mapping; findings-triage.test.ts checks another organisation's results and findings are untouched"),
  ],
  "lib/classification/get-latest-classification.ts#getLatestClassification": [
    id("inventory:read", aSystem, (ctx, systemId) => getLatestClassification({ ctx, input: { systemId } }), { expected: "empty" }),
  ],
};

// ---------------------------------------------------------------------------------------------
// The table: one row per REST route handler (app/api/v1)
// ---------------------------------------------------------------------------------------------

type Which = "real" | "guess";
/** A request of org B's write token naming org A's ids ("real") or ids that exist nowhere ("guess"). */
type RouteProbe = { kind: "id"; request: (which: Which) => { params: Record<string, string>; body?: unknown } };
/** A collection route: called as org B, it must show none of A's data. */
type RouteRow = RouteProbe | { kind: "orgWide"; token: TokenActor; body?: () => unknown } | Exempt;

const pick = (which: Which, real: string) => (which === "real" ? real : randomId());
const sys = (which: Which) => ({ id: pick(which, A.systemId) });

const ROUTES: Record<string, RouteRow> = {
  "app/api/v1/systems/route.ts#GET": { kind: "orgWide", token: "read_token" },
  "app/api/v1/systems/route.ts#POST": { kind: "orgWide", token: "write_token", body: () => ({ name: "B via the API" }) },
  "app/api/v1/systems/[id]/route.ts#GET": { kind: "id", request: (w) => ({ params: sys(w) }) },
  "app/api/v1/systems/[id]/route.ts#PATCH": { kind: "id", request: (w) => ({ params: sys(w), body: { name: "Pwned", version: 1 } }) },
  "app/api/v1/systems/[id]/route.ts#DELETE": { kind: "id", request: (w) => ({ params: sys(w) }) },
  "app/api/v1/systems/[id]/restore/route.ts#POST": { kind: "id", request: (w) => ({ params: { id: pick(w, A.archivedSystemId) } }) },
  "app/api/v1/systems/[id]/risks/route.ts#GET": { kind: "id", request: (w) => ({ params: sys(w) }) },
  "app/api/v1/systems/[id]/risks/route.ts#POST": { kind: "id", request: (w) => ({ params: sys(w), body: RISK }) },
  "app/api/v1/risks/route.ts#GET": { kind: "orgWide", token: "read_token" },
  "app/api/v1/risks/[riskId]/route.ts#GET": { kind: "id", request: (w) => ({ params: { riskId: pick(w, A.riskId) } }) },
  "app/api/v1/risks/[riskId]/route.ts#PATCH": { kind: "id", request: (w) => ({ params: { riskId: pick(w, A.riskId) }, body: { title: "Pwned", version: 1 } }) },
  "app/api/v1/risks/[riskId]/route.ts#DELETE": { kind: "id", request: (w) => ({ params: { riskId: pick(w, A.riskId) } }) },
  "app/api/v1/risks/[riskId]/accept/route.ts#POST": {
    kind: "id",
    request: (w) => ({ params: { riskId: pick(w, A.riskId) }, body: { approverId: b.users.executive.id, reason: REASON, version: 1 } }),
  },
  "app/api/v1/risk-matrix/route.ts#GET": { kind: "orgWide", token: "read_token" },
  "app/api/v1/systems/[id]/threat-profile/route.ts#GET": { kind: "id", request: (w) => ({ params: sys(w) }) },
  "app/api/v1/systems/[id]/threat-profile/route.ts#POST": {
    kind: "id",
    request: (w) => ({ params: sys(w), body: { source: "manual", entries: [{ techniqueId: "AML.T0054", rationale: "Injected rationale." }] } }),
  },
  "app/api/v1/systems/[id]/threat-profile/[techniqueId]/route.ts#DELETE": { kind: "id", request: (w) => ({ params: { ...sys(w), techniqueId: "AML.T0051" } }) },
  "app/api/v1/systems/[id]/threat-profile/navigator-layer/route.ts#GET": { kind: "id", request: (w) => ({ params: sys(w) }) },
  "app/api/v1/systems/[id]/threat-profile/navigator-layer/route.ts#POST": {
    kind: "id",
    request: (w) => ({ params: sys(w), body: { techniques: [{ techniqueID: "AML.T0054", score: 9 }] } }),
  },
  "app/api/v1/threat-profile/navigator-layer/route.ts#GET": { kind: "orgWide", token: "read_token" },
  "app/api/v1/systems/[id]/controls/route.ts#GET": { kind: "id", request: (w) => ({ params: sys(w) }) },
  "app/api/v1/systems/[id]/controls/posture/route.ts#GET": { kind: "id", request: (w) => ({ params: sys(w) }) },
  "app/api/v1/systems/[id]/controls/[framework]/[controlId]/route.ts#PATCH": {
    kind: "id",
    request: (w) => ({ params: { ...sys(w), framework: "eu_ai_act", controlId: "Art 9" }, body: { status: "not_started", version: 1 } }),
  },
  "app/api/v1/posture/route.ts#GET": { kind: "orgWide", token: "read_token" },
  "app/api/v1/evidence/route.ts#POST": {
    kind: "id",
    request: (w) => ({ params: {}, body: { systemId: pick(w, A.systemId), kind: "link", title: "Injected", url: "https://evil.example.test", links: [LINK] } }),
  },
  "app/api/v1/evidence/[evidenceId]/route.ts#DELETE": { kind: "id", request: (w) => ({ params: { evidenceId: pick(w, A.fileId) } }) },
  "app/api/v1/evidence/[evidenceId]/content/route.ts#GET": { kind: "id", request: (w) => ({ params: { evidenceId: pick(w, A.fileId) } }) },
  "app/api/v1/evidence/[evidenceId]/links/route.ts#POST": {
    kind: "id",
    request: (w) => ({ params: { evidenceId: pick(w, A.linkId) }, body: { framework: "iso42001", controlId: "A.2.2" } }),
  },
  "app/api/v1/systems/[id]/finding-imports/route.ts#POST": {
    kind: "id",
    // a garak eval line; callRoute sends it without Content-Length, so the queued path, which finds the system before storing a byte
    request: (w) => ({ params: sys(w), body: { entry_type: "eval", probe: "dan.Dan_11_0", detector: "dan.DAN", passed: 0, fails: 2, total_evaluated: 2 } }),
  },
  "app/api/v1/finding-imports/[importId]/route.ts#GET": { kind: "id", request: (w) => ({ params: { importId: pick(w, A.importId) } }) },
  "app/api/v1/findings/route.ts#GET": { kind: "orgWide", token: "read_token" },
  "app/api/v1/systems/[id]/atlas-coverage/route.ts#GET": { kind: "id", request: (w) => ({ params: sys(w) }) },
  "app/api/v1/systems/[id]/classification/proposals/route.ts#POST": { kind: "id", request: (w) => ({ params: sys(w), body: { answers: ALL_MAIN_NO } }) },
  "app/api/v1/systems/[id]/classification/decisions/route.ts#POST": {
    kind: "id",
    request: (w) => ({ params: sys(w), body: { assessmentId: pick(w, A.assessmentId), decision: "accepted" } }),
  },
  "app/api/v1/systems/[id]/model-card/route.ts#GET": { kind: "id", request: (w) => ({ params: sys(w) }) },
  "app/api/v1/systems/[id]/model-card/import/route.ts#POST": { kind: "id", request: (w) => ({ params: sys(w), body: INJECTED_CARD }) },
  "app/api/v1/systems/[id]/bom/route.ts#GET": { kind: "id", request: (w) => ({ params: sys(w) }) },
  "app/api/v1/systems/[id]/bom/route.ts#POST": { kind: "id", request: (w) => ({ params: sys(w), body: JSON.parse(INJECTED_BOM) }) },
  "app/api/v1/systems/[id]/components/[componentId]/verify-hash/route.ts#POST": {
    kind: "id",
    request: (w) => ({ params: { id: pick(w, A.systemId), componentId: pick(w, A.componentId) }, body: { sha256: "0".repeat(64) } }),
  },
  "app/api/v1/openapi.json/route.ts#GET": exempt("the public API description: no organisation's data"),
};

type Handler = (req: Request, segment: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;

async function callRoute(key: string, token: string, params: Record<string, string>, body?: unknown) {
  const [file, method] = key.split("#");
  const handler = ((await import(path.join(REPO_ROOT, file))) as Record<string, Handler>)[method];
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await handler(new Request("http://localhost/api/v1/probe", { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }), {
    params: Promise.resolve(params),
  });
  const text = await res.text();
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON (a file download): compare the text
  }
  if (json && typeof json === "object" && "requestId" in json) delete (json as Record<string, unknown>).requestId;
  return { status: res.status, body: json };
}

// ---------------------------------------------------------------------------------------------
// Coverage: the tables against the tree
// ---------------------------------------------------------------------------------------------

describe("the tenant-isolation tables cover the tree", () => {
  const verbs = verbsInTree();

  it("has a row for every domain verb in lib/ (and none for a verb that no longer exists)", () => {
    const missing = verbs.filter((v) => !(v.key in VERBS)).map((v) => `${v.key}: add a row to VERBS in tests/integration/tenant-isolation.test.ts`);
    expect(missing).toEqual([]);
    const keys = new Set(verbs.map((v) => v.key));
    expect(Object.keys(VERBS).filter((key) => !keys.has(key))).toEqual([]);
  });

  it("has a row for every REST route handler under app/api/v1", () => {
    const handlers = routeHandlersInTree("app/api/v1").map((r) => r.key);
    expect(handlers.filter((key) => !(key in ROUTES)).map((key) => `${key}: add a row to ROUTES in tests/integration/tenant-isolation.test.ts`)).toEqual([]);
    expect(Object.keys(ROUTES).filter((key) => !handlers.includes(key))).toEqual([]);
  });

  it("every server action and session route handler calls only verbs that have a row (or is listed as calling none)", () => {
    const transports = [...serverActionsInTree(), ...routeHandlersInTree().filter((r) => !r.file.startsWith("app/api/v1/"))];
    for (const t of transports) {
      const called = verbsCalled(t, verbs);
      if (called.length === 0)
        expect(TRANSPORTS_WITHOUT_VERB, `${t.key} calls no domain verb: list it in TRANSPORTS_WITHOUT_VERB (tests/support/tree.ts)`).toHaveProperty([t.key]);
      for (const key of called) expect(VERBS, `${t.key} calls ${key}, which has no tenant-isolation row`).toHaveProperty([key]);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Verbs: org B's members and tokens with A's ids
// ---------------------------------------------------------------------------------------------

const ID_CELLS = Object.entries(VERBS).flatMap(([key, rows]) =>
  rows
    .filter((row): row is IdProbe => row.kind === "id")
    .flatMap((probe) =>
      ACTORS.map((actor) => {
        const held = holds(actor, probe.permission);
        // the role check runs before any lookup: FORBIDDEN for every id, real or guessed, revealing nothing
        const expected = held ? (probe.expected ?? "NOT_FOUND") : "FORBIDDEN";
        const name = `${key.split("#")[1]}${probe.label ? ` (${probe.label})` : ""} by org B's ${actor} → ${expected}`;
        return [name, { probe, actor, expected }] as const;
      }),
    ),
);

describe("org B cannot reach org A's data by naming its ids (same answer as for an id that exists nowhere, nothing changes in A)", () => {
  it.each(ID_CELLS)("%s", async (_name, { probe, actor, expected }) => {
    const ctx = bCtx(actor);
    const bSeq = await auditSeq(b.orgId);
    const real = await settle(probe.run(ctx, probe.target()));
    const guess = await settle(probe.run(ctx, randomId()));
    if (expected === "empty") {
      expect(real.error?.message).toBeUndefined();
      expect(real.value, "the same empty answer as for an id that exists nowhere").toEqual(guess.value);
    } else {
      expect(real.value, "org A's data must never be returned").toBeUndefined();
      expect(real.error?.code, real.error?.message).toBe(expected);
      expect({ code: real.error?.code, message: real.error?.message, issues: real.error?.issues }).toEqual({
        code: guess.error?.code,
        message: guess.error?.message,
        issues: guess.error?.issues,
      });
    }
    expectNoSecretsOfA(real, "the answer");
    expect(await snapshotOrg(a.orgId)).toEqual(aBefore);
    expect(await auditSeq(b.orgId)).toBe(bSeq);
  });
});

describe("org B's organisation-wide reads (and writes to its own organisation) show nothing of org A", () => {
  const cells = Object.entries(VERBS).flatMap(([key, rows]) =>
    rows
      .filter((row): row is OrgWide => row.kind === "orgWide")
      .map((row) => [`${key.split("#")[1]}${row.label ? ` (${row.label})` : ""} as org B's admin`, row] as const),
  );

  it.each(cells)("%s", async (_name, row) => {
    const result = await row.run(b.as("admin"));
    expectNoSecretsOfA(result, "the answer");
    expect(await snapshotOrg(a.orgId)).toEqual(aBefore);
  });
});

// ---------------------------------------------------------------------------------------------
// REST routes: org B's write token with A's ids
// ---------------------------------------------------------------------------------------------

describe("org B's API tokens get 404 for A's ids, exactly as for ids that exist nowhere", () => {
  const idRoutes = Object.entries(ROUTES).filter((entry): entry is [string, RouteProbe] => entry[1].kind === "id");
  it.each(idRoutes)("%s with B's write token → 404", async (key, row) => {
    const real = row.request("real");
    const guess = row.request("guess");
    const realRes = await callRoute(key, bTokens.write_token.secret, real.params, real.body);
    const guessRes = await callRoute(key, bTokens.write_token.secret, guess.params, guess.body);
    expect(realRes.status, JSON.stringify(realRes.body)).toBe(404);
    expect(realRes).toEqual(guessRes);
    expectNoSecretsOfA(realRes.body, "the response");
    expect(await snapshotOrg(a.orgId)).toEqual(aBefore);
  });

  const orgRoutes = Object.entries(ROUTES).filter((entry): entry is [string, Extract<RouteRow, { kind: "orgWide" }>] => entry[1].kind === "orgWide");
  it.each(orgRoutes)("%s with B's token shows none of A's data", async (key, row) => {
    const res = await callRoute(key, bTokens[row.token].secret, {}, row.body?.());
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    expectNoSecretsOfA(res.body, "the response");
    expect(await snapshotOrg(a.orgId)).toEqual(aBefore);
  });
});

// ---------------------------------------------------------------------------------------------
// Written out: what the table cannot say
// ---------------------------------------------------------------------------------------------

describe("spot checks (written out literally)", () => {
  it("reads are open to every actor, so every inventory:read probe above expects NOT_FOUND", () => {
    for (const actor of ACTORS) expect(holds(actor, "inventory:read")).toBe(true);
  });

  it("org B's admin gets NOT_FOUND (not CONFLICT) even for org A's last admin", async () => {
    const { error } = await settle(removeMember({ ctx: b.as("admin"), input: { userId: a.users.admin.id } }));
    expect(error?.code).toBe("NOT_FOUND");
  });

  it("listing org B shows exactly B's rows", async () => {
    const bSystems = (await db.aISystem.findMany({ where: { orgId: b.orgId }, select: { id: true }, orderBy: { id: "asc" } })).map((s) => s.id);
    expect(bSystems).toContain(bSystemId);
    expect((await listSystems({ ctx: b.as("auditor"), input: {} })).items.map((s) => s.id).sort()).toEqual(bSystems);
    expect(await getInventoryStats({ ctx: b.as("auditor") })).toMatchObject({ total: bSystems.length, archived: 0 });
    expect((await listEntityHistory({ ctx: b.as("auditor"), input: { entity: "system", id: bSystemId } })).map((h) => h.action)).toEqual(["system.create"]);
    const members = await listMembers({ ctx: b.as("admin") });
    expect(members).toHaveLength(ROLES.length);
    expect((await listApiTokens({ ctx: b.as("admin") })).map((t) => t.name).sort()).toEqual(["read_token", "write_token"]);
    expect((await listThreatProfileSummaries({ ctx: b.as("auditor") })).every((s) => bSystems.includes(s.systemId))).toBe(true);
    expect(await listTechniqueReferences({ ctx: b.as("auditor"), input: { techniqueId: "AML.T0051" } })).toEqual({ profileEntries: [], risks: [] });
    const posture = await getCompliancePosture({ ctx: b.as("admin") });
    expect(posture.overall).toMatchObject({ implemented: 0, evidenced: 0 });
  });

  it("B cannot name A's people as owner or approver of B's risks", async () => {
    const { id: bRiskId } = await createRisk({ ctx: b.as("admin"), input: { systemId: bSystemId, risk: { ...RISK, title: "B risk" } } });
    await expect(createRisk({ ctx: b.as("admin"), input: { systemId: bSystemId, risk: { ...RISK, ownerId: a.users.risk_owner.id } } })).rejects.toMatchObject({
      code: "VALIDATION",
      issues: [{ path: "ownerId" }],
    });
    await expect(
      acceptRisk({ ctx: b.as("admin"), input: { id: bRiskId, approverId: a.users.executive.id, reason: REASON, version: 1 } }),
    ).rejects.toMatchObject({ code: "VALIDATION", issues: [{ path: "approverId" }] });
    const current = await getSystem({ ctx: b.as("admin"), input: { id: bSystemId } });
    await expect(
      updateSystem({ ctx: b.as("admin"), input: { id: bSystemId, patch: { ownerId: a.users.executive.id, version: current.version } } }),
    ).rejects.toMatchObject({ code: "VALIDATION", issues: [expect.objectContaining({ path: "ownerId" })] });
  });

  it("org A is byte-for-byte unchanged after every probe", async () => {
    expect(await snapshotOrg(a.orgId)).toEqual(aBefore);
  });
});
