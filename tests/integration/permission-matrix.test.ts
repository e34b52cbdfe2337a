import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import { createTestOrg, type TestOrg } from "@/scripts/support/create-test-org";
import { readReference } from "@/tests/reference-data";
import {
  ACTORS,
  addBystander,
  auditSeq,
  ctxFor,
  expectAppError,
  expectedOutcome,
  holds,
  isToken,
  matrixCells,
  tokenContexts,
  unique,
  type ActorKey,
  type MatrixCell,
  type Outcome,
  type Ownership,
} from "@/tests/support/harness";
import { REPO_ROOT, routeHandlersInTree, serverActionsInTree, TRANSPORTS_WITHOUT_VERB, verbsCalled, verbsInTree } from "@/tests/support/tree";
import { getAtlasCatalog } from "@/lib/catalogs/get-atlas-catalog";
import { createSystem } from "@/lib/systems/create-system";
import { createDemoSystem } from "@/lib/systems/create-demo-system";
import { updateSystem } from "@/lib/systems/update-system";
import { archiveSystem } from "@/lib/systems/archive-system";
import { restoreSystem } from "@/lib/systems/restore-system";
import { listSystems } from "@/lib/systems/list-systems";
import { getSystem } from "@/lib/systems/get-system";
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
import { addMember } from "@/lib/members/add-member";
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
import { listEntityHistory } from "@/lib/audit/list-entity-history";
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
import { decideClassification } from "@/lib/classification/decide-classification";
import { getLatestClassification } from "@/lib/classification/get-latest-classification";
import { getAtlasView } from "@/lib/atlas/get-atlas-view";
import { getAtlasTechnique } from "@/lib/atlas/get-atlas-technique";
import { getAtlasMitigation } from "@/lib/atlas/get-atlas-mitigation";
import { getAtlasCaseStudy } from "@/lib/atlas/get-atlas-case-study";
import { listAtlasReleases } from "@/lib/atlas/list-atlas-releases";
import { importAtlasRelease } from "@/lib/atlas/import-atlas-release";
import { db } from "@/lib/db/client";
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
import { saveTestMapping } from "@/lib/findings/save-test-mapping";

// Every domain verb × every role of the table and both token scopes, with the expected outcome derived
// from PERMISSIONS / TOKEN_SCOPE_PERMISSIONS only (tests/support/harness.ts). Verbs on one AI system run
// on a system the acting user owns and on another member's, so "own" grants are exercised both ways.
// The verbs are found in the tree at test time (tests/support/tree.ts): a verb, server action or route
// handler whose verb has no row here fails the coverage test, naming its file.

// ---------------------------------------------------------------------------------------------
// Fixtures: created per cell (as the system actor) so that an allowed mutation in one cell cannot
// change what the next cell sees
// ---------------------------------------------------------------------------------------------

type Needs = {
  archived?: boolean;
  component?: boolean;
  member?: boolean;
  token?: boolean;
  invitation?: boolean;
  risk?: boolean;
  profile?: boolean;
  evidence?: boolean;
  assessment?: boolean;
  /** A completed import of a garak report with one failing test (so also a finding). */
  finding?: boolean;
};
type Fixture = {
  systemId: string;
  componentId: string;
  memberUserId: string;
  tokenId: string;
  invitationId: string;
  riskId: string;
  evidenceId: string;
  assessmentId: string;
  importId: string;
  findingId: string;
};

type VerbSpec = {
  /** "lib/<domain>/<file>.ts#<export>", as tests/support/tree.ts names it. */
  key: string;
  /** Distinguishes two rows of one verb (e.g. on a system and organisation-wide). */
  variant?: string;
  permission: Permission;
  /** Audit events one allowed call appends (1 for a mutation, ARCHITECTURE.md rule 4). */
  mutates: boolean;
  /** Acts on one AI system, so "own" grants depend on who owns it. */
  targetsSystem: boolean;
  needs?: Needs;
  /** For verbs stricter than the table (system actor only): the outcome per actor. */
  outcome?: (actor: ActorKey, permission: Permission, ownership: Ownership | null) => Outcome;
  run: (ctx: ServiceContext, fx: Fixture) => Promise<unknown>;
};

const RISK = { title: "Matrix risk", category: "security" as const, inherentLikelihood: 3, inherentImpact: 4, techniqueIds: ["AML.T0051"] };
const REASON = "Within the risk appetite agreed by the board";
const RATIONALE = "Customers type free text into the chat window.";
const LINK = { framework: "iso42001" as const, controlId: "A.6.2.6" };
const NO_ANSWERS = { annex1_product: false, annex3_areas: [] };
const systemActorOnly = (): Outcome => "FORBIDDEN";
/** A garak report with one failing test, as a fresh stream each time. */
const garakFixture = () =>
  [
    `{"entry_type": "start_run setup", "_config.version": "0.14.0", "transient.run_id": "${unique()}"}`,
    '{"entry_type": "eval", "probe": "dan.Dan_11_0", "detector": "dan.DAN", "passed": 1, "fails": 1, "total_evaluated": 2}',
  ].map((line) => line + "\n");
async function* garakSource() {
  yield* garakFixture();
}
const FIXTURE_SHA256 = "ab".repeat(32);
const MATRIX_BOM = buildBom({ id: "elsewhere", name: "Matrix BOM" }, [
  {
    kind: "model",
    name: "BOM model",
    version: "1",
    sourceUrl: "",
    licence: "MIT",
    sha256: "",
    baseModels: [],
    languages: [],
    datasets: [],
    pipelineTag: "",
    libraryName: "",
  },
]);

let org: TestOrg;
/** A member who is none of the acting users: owns the "other" systems. */
let bystanderId: string;

const VERBS: VerbSpec[] = [
  // ── inventory ──────────────────────────────────────────────────────────────────────────────
  {
    key: "lib/systems/create-system.ts#createSystem",
    permission: "system:create",
    mutates: true,
    targetsSystem: false,
    run: (ctx) => createSystem({ ctx, input: { name: "Matrix system" } }),
  },
  {
    key: "lib/systems/create-demo-system.ts#createDemoSystem",
    permission: "system:create",
    mutates: true,
    targetsSystem: false,
    outcome: systemActorOnly,
    run: (ctx) => createDemoSystem({ ctx, input: { name: "Matrix demo system" } }),
  },
  {
    key: "lib/systems/update-system.ts#updateSystem",
    permission: "system:update",
    mutates: true,
    targetsSystem: true,
    run: (ctx, fx) => updateSystem({ ctx, input: { id: fx.systemId, patch: { description: "edited", version: 1 } } }),
  },
  {
    key: "lib/systems/archive-system.ts#archiveSystem",
    permission: "system:archive",
    mutates: true,
    targetsSystem: true,
    run: (ctx, fx) => archiveSystem({ ctx, input: { id: fx.systemId } }),
  },
  {
    key: "lib/systems/restore-system.ts#restoreSystem",
    permission: "system:archive",
    mutates: true,
    targetsSystem: true,
    needs: { archived: true },
    run: (ctx, fx) => restoreSystem({ ctx, input: { id: fx.systemId } }),
  },
  {
    key: "lib/systems/list-systems.ts#listSystems",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: false,
    run: (ctx) => listSystems({ ctx, input: {} }),
  },
  {
    key: "lib/systems/get-system.ts#getSystem",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    run: (ctx, fx) => getSystem({ ctx, input: { id: fx.systemId } }),
  },
  {
    key: "lib/systems/get-system-page.ts#getSystemPage",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    run: (ctx, fx) => getSystemPage({ ctx, input: { id: fx.systemId } }),
  },
  {
    key: "lib/systems/get-system-edit-page.ts#getSystemEditPage",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    run: (ctx, fx) => getSystemEditPage({ ctx, input: { id: fx.systemId } }),
  },
  {
    key: "lib/systems/get-systems-page.ts#getSystemsPage",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: false,
    run: (ctx) => getSystemsPage({ ctx, input: {} }),
  },
  {
    key: "lib/systems/get-inventory-stats.ts#getInventoryStats",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: false,
    run: (ctx) => getInventoryStats({ ctx }),
  },
  {
    key: "lib/systems/list-filter-options.ts#listFilterOptions",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: false,
    run: (ctx) => listFilterOptions({ ctx }),
  },
  {
    key: "lib/components/create-component.ts#createComponent",
    permission: "system:update",
    mutates: true,
    targetsSystem: true,
    run: (ctx, fx) => createComponent({ ctx, input: { systemId: fx.systemId, component: { kind: "model", name: "Matrix model" } } }),
  },
  {
    key: "lib/components/update-component.ts#updateComponent",
    permission: "system:update",
    mutates: true,
    targetsSystem: true,
    needs: { component: true },
    run: (ctx, fx) => updateComponent({ ctx, input: { id: fx.componentId, component: { kind: "dataset", name: "Renamed" } } }),
  },
  {
    key: "lib/components/delete-component.ts#deleteComponent",
    permission: "system:update",
    mutates: true,
    targetsSystem: true,
    needs: { component: true },
    run: (ctx, fx) => deleteComponent({ ctx, input: { id: fx.componentId } }),
  },
  {
    key: "lib/audit/list-entity-history.ts#listEntityHistory",
    variant: "system",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    run: (ctx, fx) => listEntityHistory({ ctx, input: { entity: "system", id: fx.systemId } }),
  },
  {
    key: "lib/audit/list-entity-history.ts#listEntityHistory",
    variant: "risk",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    needs: { risk: true },
    run: (ctx, fx) => listEntityHistory({ ctx, input: { entity: "risk", id: fx.riskId } }),
  },

  // ── members, invitations, tokens, audit ────────────────────────────────────────────────────
  { key: "lib/members/list-members.ts#listMembers", permission: "member:read", mutates: false, targetsSystem: false, run: (ctx) => listMembers({ ctx }) },
  {
    key: "lib/members/add-member.ts#addMember",
    permission: "member:manage",
    mutates: true,
    targetsSystem: false,
    outcome: systemActorOnly,
    run: (ctx) => addMember({ ctx, input: { email: `added-${unique()}@example.test`, name: "Added member", role: "executive" } }),
  },
  {
    key: "lib/members/change-member-role.ts#changeMemberRole",
    permission: "member:manage",
    mutates: true,
    targetsSystem: false,
    needs: { member: true },
    run: (ctx, fx) => changeMemberRole({ ctx, input: { userId: fx.memberUserId, role: "auditor" } }),
  },
  {
    key: "lib/members/remove-member.ts#removeMember",
    permission: "member:manage",
    mutates: true,
    targetsSystem: false,
    needs: { member: true },
    run: (ctx, fx) => removeMember({ ctx, input: { userId: fx.memberUserId } }),
  },
  {
    key: "lib/invitations/create-invitation.ts#createInvitation",
    permission: "member:manage",
    mutates: true,
    targetsSystem: false,
    run: (ctx) => createInvitation({ ctx, input: { email: `new-${unique()}@example.test`, name: "New member", role: "executive" } }),
  },
  {
    key: "lib/invitations/revoke-invitation.ts#revokeInvitation",
    permission: "member:manage",
    mutates: true,
    targetsSystem: false,
    needs: { invitation: true },
    run: (ctx, fx) => revokeInvitation({ ctx, input: { id: fx.invitationId } }),
  },
  {
    key: "lib/invitations/list-invitations.ts#listInvitations",
    permission: "member:manage",
    mutates: false,
    targetsSystem: false,
    run: (ctx) => listInvitations({ ctx }),
  },
  {
    key: "lib/tokens/create-api-token.ts#createApiToken",
    permission: "token:manage",
    mutates: true,
    targetsSystem: false,
    run: (ctx) => createApiToken({ ctx, input: { name: "Matrix token", scopes: ["read"] } }),
  },
  {
    key: "lib/tokens/revoke-api-token.ts#revokeApiToken",
    permission: "token:manage",
    mutates: true,
    targetsSystem: false,
    needs: { token: true },
    run: (ctx, fx) => revokeApiToken({ ctx, input: { id: fx.tokenId } }),
  },
  {
    key: "lib/tokens/list-api-tokens.ts#listApiTokens",
    permission: "token:manage",
    mutates: false,
    targetsSystem: false,
    run: (ctx) => listApiTokens({ ctx }),
  },
  {
    key: "lib/audit/verify-audit-chain.ts#verifyAuditChain",
    permission: "audit:read",
    mutates: false,
    targetsSystem: false,
    run: (ctx) => verifyAuditChain({ ctx }),
  },
  {
    key: "lib/audit/get-audit-page.ts#getAuditPage",
    permission: "audit:read",
    mutates: false,
    targetsSystem: false,
    run: (ctx) => getAuditPage({ ctx, input: { verify: "1" } }),
  },
  {
    key: "lib/members/get-settings-page.ts#getSettingsPage",
    permission: "member:read",
    mutates: false,
    targetsSystem: false,
    run: (ctx) => getSettingsPage({ ctx }),
  },
  {
    key: "lib/audit/list-audit-events.ts#listAuditEvents",
    permission: "audit:read",
    mutates: false,
    targetsSystem: false,
    run: (ctx) => listAuditEvents({ ctx, input: {} }),
  },
  {
    key: "lib/security-log/list-sign-in-events.ts#listSignInEvents",
    permission: "audit:read",
    mutates: false,
    targetsSystem: false,
    run: (ctx) => listSignInEvents({ ctx, input: {} }),
  },

  // ── risk register ──────────────────────────────────────────────────────────────────────────
  {
    key: "lib/risks/create-risk.ts#createRisk",
    permission: "risk:write",
    mutates: true,
    targetsSystem: true,
    run: (ctx, fx) => createRisk({ ctx, input: { systemId: fx.systemId, risk: RISK } }),
  },
  {
    key: "lib/risks/update-risk.ts#updateRisk",
    permission: "risk:write",
    mutates: true,
    targetsSystem: true,
    needs: { risk: true },
    run: (ctx, fx) => updateRisk({ ctx, input: { id: fx.riskId, patch: { title: "Edited", version: 1 } } }),
  },
  {
    key: "lib/risks/accept-risk.ts#acceptRisk",
    permission: "risk:write",
    mutates: true,
    targetsSystem: true,
    needs: { risk: true },
    run: (ctx, fx) => acceptRisk({ ctx, input: { id: fx.riskId, approverId: org.users.executive.id, reason: REASON, version: 1 } }),
  },
  {
    key: "lib/risks/delete-risk.ts#deleteRisk",
    permission: "risk:write",
    mutates: true,
    targetsSystem: true,
    needs: { risk: true },
    run: (ctx, fx) => deleteRisk({ ctx, input: { id: fx.riskId } }),
  },
  {
    key: "lib/risks/get-risk.ts#getRisk",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    needs: { risk: true },
    run: (ctx, fx) => getRisk({ ctx, input: { id: fx.riskId } }),
  },
  {
    key: "lib/risks/list-risks.ts#listRisks",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    run: (ctx, fx) => listRisks({ ctx, input: { systemId: fx.systemId, level: "high" } }),
  },
  {
    key: "lib/risks/get-risk-heatmap.ts#getRiskHeatmap",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    run: (ctx, fx) => getRiskHeatmap({ ctx, input: { systemId: fx.systemId, basis: "residual" } }),
  },
  {
    key: "lib/risks/list-technique-risk-levels.ts#listTechniqueRiskLevels",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    run: (ctx, fx) => listTechniqueRiskLevels({ ctx, input: { systemId: fx.systemId } }),
  },
  {
    key: "lib/risks/get-risk-page.ts#getRiskPage",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    needs: { risk: true },
    run: (ctx, fx) => getRiskPage({ ctx, input: { id: fx.riskId } }),
  },
  {
    key: "lib/risks/get-system-risks-page.ts#getSystemRisksPage",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    run: (ctx, fx) => getSystemRisksPage({ ctx, input: { systemId: fx.systemId, query: {} } }),
  },
  {
    key: "lib/risks/load-risk-register.ts#loadRiskRegister",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: false,
    run: (ctx) => loadRiskRegister({ ctx, input: {} }),
  },
  {
    key: "lib/risks/list-risk-filter-options.ts#listRiskFilterOptions",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: false,
    run: (ctx) => listRiskFilterOptions({ ctx }),
  },
  {
    key: "lib/risks/get-risk-matrix.ts#getRiskMatrix",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: false,
    run: (ctx) => getRiskMatrix({ ctx }),
  },
  {
    key: "lib/risks/get-scored-risk-matrix.ts#getScoredRiskMatrix",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: false,
    run: (ctx) => getScoredRiskMatrix({ ctx }),
  },
  {
    key: "lib/risks/list-risk-approvers.ts#listRiskApprovers",
    permission: "member:read",
    mutates: false,
    targetsSystem: false,
    run: (ctx) => listRiskApprovers({ ctx }),
  },
  {
    key: "lib/risks/update-risk-matrix.ts#updateRiskMatrix",
    permission: "matrix:manage",
    mutates: true,
    targetsSystem: false,
    run: async (ctx) => {
      const { version, ...matrix } = await getRiskMatrix({ ctx: org.system });
      return updateRiskMatrix({ ctx, input: { ...matrix, likelihoodLabels: [`Rare ${unique()}`, ...matrix.likelihoodLabels.slice(1)], version } });
    },
  },

  // ── threat profiles and the ATLAS catalog ──────────────────────────────────────────────────
  {
    key: "lib/threats/add-threat-profile-entries.ts#addThreatProfileEntries",
    permission: "threat:write",
    mutates: true,
    targetsSystem: true,
    run: (ctx, fx) =>
      addThreatProfileEntries({ ctx, input: { systemId: fx.systemId, source: "manual", entries: [{ techniqueId: "AML.T0054", rationale: RATIONALE }] } }),
  },
  {
    key: "lib/threats/remove-threat-profile-entry.ts#removeThreatProfileEntry",
    permission: "threat:write",
    mutates: true,
    targetsSystem: true,
    needs: { profile: true },
    run: (ctx, fx) => removeThreatProfileEntry({ ctx, input: { systemId: fx.systemId, techniqueId: "AML.T0051" } }),
  },
  {
    key: "lib/threats/import-navigator-layer.ts#importNavigatorLayer",
    permission: "threat:write",
    mutates: true,
    targetsSystem: true,
    run: (ctx, fx) =>
      importNavigatorLayer({ ctx, input: { systemId: fx.systemId, layer: { name: "m", techniques: [{ techniqueID: "AML.T0029", score: 4 }] } } }),
  },
  {
    key: "lib/threats/list-threat-profile.ts#listThreatProfile",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    run: (ctx, fx) => listThreatProfile({ ctx, input: { systemId: fx.systemId } }),
  },
  {
    key: "lib/threats/list-threat-suggestions.ts#listThreatSuggestions",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    run: (ctx, fx) => listThreatSuggestions({ ctx, input: { systemId: fx.systemId } }),
  },
  {
    key: "lib/threats/export-navigator-layer.ts#exportNavigatorLayer",
    variant: "system",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    run: (ctx, fx) => exportNavigatorLayer({ ctx, input: { systemId: fx.systemId } }),
  },
  {
    key: "lib/threats/export-navigator-layer.ts#exportNavigatorLayer",
    variant: "organisation",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: false,
    run: (ctx) => exportNavigatorLayer({ ctx, input: {} }),
  },
  {
    key: "lib/threats/list-technique-references.ts#listTechniqueReferences",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: false,
    run: (ctx) => listTechniqueReferences({ ctx, input: { techniqueId: "AML.T0051" } }),
  },
  {
    key: "lib/threats/list-threat-profile-summaries.ts#listThreatProfileSummaries",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: false,
    run: (ctx) => listThreatProfileSummaries({ ctx }),
  },
  {
    key: "lib/threats/list-threat-profile-summaries.ts#listProfiledTechniqueIds",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    run: (ctx, fx) => listProfiledTechniqueIds({ ctx, input: { systemId: fx.systemId } }),
  },
  {
    key: "lib/threats/get-system-threats-page.ts#getSystemThreatsPage",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    run: (ctx, fx) => getSystemThreatsPage({ ctx, input: { systemId: fx.systemId } }),
  },
  {
    key: "lib/threats/get-threat-matrix.ts#getThreatMatrix",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: false,
    run: (ctx) => getThreatMatrix({ ctx, input: { overlay: "org" } }),
  },
  {
    key: "lib/threats/get-threat-technique-page.ts#getThreatTechniquePage",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: false,
    run: (ctx) => getThreatTechniquePage({ ctx, input: { id: "AML.T0051" } }),
  },
  { key: "lib/atlas/get-atlas-view.ts#getAtlasView", permission: "inventory:read", mutates: false, targetsSystem: false, run: (ctx) => getAtlasView({ ctx }) },
  {
    key: "lib/atlas/get-atlas-technique.ts#getAtlasTechnique",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: false,
    run: (ctx) => getAtlasTechnique({ ctx, input: { id: "AML.T0051" } }),
  },
  {
    key: "lib/atlas/get-atlas-mitigation.ts#getAtlasMitigation",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: false,
    run: (ctx) => getAtlasMitigation({ ctx, input: { id: getAtlasCatalog().mitigations[0].id } }),
  },
  {
    key: "lib/atlas/get-atlas-case-study.ts#getAtlasCaseStudy",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: false,
    run: (ctx) => getAtlasCaseStudy({ ctx, input: { id: getAtlasCatalog().caseStudies[0].id } }),
  },
  {
    key: "lib/atlas/get-atlas-catalog-page.ts#getAtlasCatalogPage",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: false,
    run: (ctx) => getAtlasCatalogPage({ ctx }),
  },
  {
    key: "lib/atlas/list-atlas-releases.ts#listAtlasReleases",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: false,
    run: (ctx) => listAtlasReleases({ ctx }),
  },
  {
    key: "lib/atlas/import-atlas-release.ts#importAtlasRelease",
    permission: "catalog:import",
    mutates: true,
    targetsSystem: false,
    // the official release from the reference data set (read only when an allowed actor imports it)
    run: (ctx) => importAtlasRelease({ ctx, input: { yaml: readReference("atlas/ATLAS.yaml") } }),
  },

  // ── controls, evidence, classification ─────────────────────────────────────────────────────
  {
    key: "lib/controls/list-system-controls.ts#listSystemControls",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    run: (ctx, fx) => listSystemControls({ ctx, input: { systemId: fx.systemId } }),
  },
  {
    key: "lib/controls/get-system-controls-page.ts#getSystemControlsPage",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    run: (ctx, fx) => getSystemControlsPage({ ctx, input: { systemId: fx.systemId } }),
  },
  {
    key: "lib/controls/get-compliance-posture.ts#getCompliancePosture",
    variant: "system",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    run: (ctx, fx) => getCompliancePosture({ ctx, input: { systemId: fx.systemId } }),
  },
  {
    key: "lib/controls/get-compliance-posture.ts#getCompliancePosture",
    variant: "organisation",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: false,
    run: (ctx) => getCompliancePosture({ ctx }),
  },
  {
    key: "lib/controls/get-framework-coverage.ts#getFrameworkCoverage",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: false,
    run: (ctx) => getFrameworkCoverage({ ctx, input: { framework: "iso42001" } }),
  },
  {
    key: "lib/controls/list-control-systems.ts#listControlSystems",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: false,
    run: (ctx) => listControlSystems({ ctx, input: { framework: "eu_ai_act", controlId: "Art 4" } }),
  },
  {
    key: "lib/controls/update-system-control.ts#updateSystemControl",
    permission: "control:write",
    mutates: true,
    targetsSystem: true,
    run: (ctx, fx) => updateSystemControl({ ctx, input: { systemId: fx.systemId, ...LINK, status: "implemented" } }),
  },
  {
    key: "lib/evidence/list-system-evidence.ts#listSystemEvidence",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    run: (ctx, fx) => listSystemEvidence({ ctx, input: { systemId: fx.systemId } }),
  },
  {
    key: "lib/evidence/get-evidence-file.ts#getEvidenceFile",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    needs: { evidence: true },
    run: (ctx, fx) => getEvidenceFile({ ctx, input: { evidenceId: fx.evidenceId } }),
  },
  {
    key: "lib/evidence/create-evidence.ts#createEvidence",
    permission: "control:write",
    mutates: true,
    targetsSystem: true,
    run: (ctx, fx) =>
      createEvidence({ ctx, input: { systemId: fx.systemId, kind: "link", title: "Matrix evidence", url: "https://example.test/e", links: [LINK] } }),
  },
  {
    key: "lib/evidence/link-evidence.ts#linkEvidence",
    permission: "control:write",
    mutates: true,
    targetsSystem: true,
    needs: { evidence: true },
    run: (ctx, fx) => linkEvidence({ ctx, input: { evidenceId: fx.evidenceId, framework: "eu_ai_act", controlId: "Art 4" } }),
  },
  {
    key: "lib/evidence/delete-evidence.ts#deleteEvidence",
    permission: "control:write",
    mutates: true,
    targetsSystem: true,
    needs: { evidence: true },
    run: (ctx, fx) => deleteEvidence({ ctx, input: { evidenceId: fx.evidenceId } }),
  },
  {
    key: "lib/classification/propose-classification.ts#proposeClassification",
    permission: "system:classify",
    mutates: true,
    targetsSystem: true,
    run: (ctx, fx) => proposeClassification({ ctx, input: { systemId: fx.systemId, answers: NO_ANSWERS } }),
  },
  {
    key: "lib/classification/decide-classification.ts#decideClassification",
    permission: "system:classify",
    mutates: true,
    targetsSystem: true,
    needs: { assessment: true },
    run: (ctx, fx) => decideClassification({ ctx, input: { systemId: fx.systemId, decision: { assessmentId: fx.assessmentId, decision: "accepted" } } }),
  },
  // ── findings ───────────────────────────────────────────────────────────────────────────────
  {
    key: "lib/findings/import-findings.ts#importFindings",
    permission: "finding:import",
    mutates: true,
    targetsSystem: true,
    run: (ctx, fx) => importFindings({ ctx, input: { systemId: fx.systemId, source: garakSource() } }),
  },
  {
    key: "lib/findings/queue-finding-import.ts#queueFindingImport",
    permission: "finding:import",
    mutates: true,
    targetsSystem: true,
    run: (ctx, fx) => queueFindingImport({ ctx, input: { systemId: fx.systemId, source: garakSource() } }),
  },
  {
    key: "lib/findings/get-finding-import.ts#getFindingImport",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    needs: { finding: true },
    run: (ctx, fx) => getFindingImport({ ctx, input: { importId: fx.importId } }),
  },
  {
    key: "lib/findings/list-findings.ts#listFindings",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: false,
    run: (ctx) => listFindings({ ctx, input: {} }),
  },
  {
    key: "lib/findings/get-finding-page.ts#getFindingPage",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    needs: { finding: true },
    run: (ctx, fx) => getFindingPage({ ctx, input: { findingId: fx.findingId } }),
  },
  {
    key: "lib/findings/update-finding-status.ts#updateFindingStatus",
    permission: "finding:triage",
    mutates: true,
    targetsSystem: true,
    needs: { finding: true },
    run: (ctx, fx) =>
      updateFindingStatus({ ctx, input: { findingId: fx.findingId, status: "false_positive", reason: "Detector misfires on refusals", version: 1 } }),
  },
  {
    key: "lib/findings/link-finding-to-risk.ts#linkFindingToRisk",
    permission: "finding:triage",
    mutates: true,
    targetsSystem: true,
    needs: { finding: true, risk: true },
    run: (ctx, fx) => linkFindingToRisk({ ctx, input: { findingId: fx.findingId, riskId: fx.riskId, version: 1 } }),
  },
  {
    key: "lib/risks/create-risk-from-finding.ts#createRiskFromFinding",
    permission: "risk:write",
    mutates: true,
    targetsSystem: true,
    needs: { finding: true },
    run: (ctx, fx) => createRiskFromFinding({ ctx, input: { findingId: fx.findingId, version: 1 } }),
  },
  {
    key: "lib/risks/create-risk-from-finding.ts#createRiskFromFinding",
    variant: "needs finding:triage too",
    permission: "finding:triage",
    mutates: true,
    targetsSystem: true,
    needs: { finding: true },
    run: (ctx, fx) => createRiskFromFinding({ ctx, input: { findingId: fx.findingId, version: 1 } }),
  },
  {
    key: "lib/findings/get-atlas-coverage.ts#getAtlasCoverage",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    needs: { finding: true },
    run: (ctx, fx) => getAtlasCoverage({ ctx, input: { systemId: fx.systemId } }),
  },
  {
    key: "lib/findings/get-system-findings-page.ts#getSystemFindingsPage",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    needs: { finding: true },
    run: (ctx, fx) => getSystemFindingsPage({ ctx, input: { systemId: fx.systemId } }),
  },
  {
    key: "lib/findings/get-findings-page.ts#getFindingsPage",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: false,
    run: (ctx) => getFindingsPage({ ctx, input: {} }),
  },
  {
    key: "lib/findings/get-test-mappings-page.ts#getTestMappingsPage",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: false,
    run: (ctx) => getTestMappingsPage({ ctx }),
  },
  {
    key: "lib/findings/save-test-mapping.ts#saveTestMapping",
    permission: "finding:map",
    mutates: true,
    targetsSystem: false,
    run: (ctx) => saveTestMapping({ ctx, input: { tool: "acme-scanner", testId: `probe-${unique()}`, techniqueIds: ["AML.T0051"] } }),
  },
  {
    key: "lib/classification/get-latest-classification.ts#getLatestClassification",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    needs: { assessment: true },
    run: (ctx, fx) => getLatestClassification({ ctx, input: { systemId: fx.systemId } }),
  },
  // ── model cards, ML-BOM, artefact hashes ────────────────────────────────────────────────────
  {
    key: "lib/model-cards/get-model-card.ts#getModelCard",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    run: (ctx, fx) => getModelCard({ ctx, input: { systemId: fx.systemId, format: "hf" } }),
  },
  {
    key: "lib/model-cards/get-system-model-card-page.ts#getSystemModelCardPage",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    run: (ctx, fx) => getSystemModelCardPage({ ctx, input: { systemId: fx.systemId } }),
  },
  {
    key: "lib/bom/export-bom.ts#exportBom",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    run: (ctx, fx) => exportBom({ ctx, input: { systemId: fx.systemId } }),
  },
  {
    key: "lib/components/import-model-card.ts#importModelCard",
    permission: "system:update",
    mutates: true,
    targetsSystem: true,
    run: (ctx, fx) => importModelCard({ ctx, input: { systemId: fx.systemId, text: "---\nlicense: mit\n---\n# Model Card for matrix-model\n" } }),
  },
  {
    key: "lib/components/import-bom.ts#importBom",
    permission: "system:update",
    mutates: true,
    targetsSystem: true,
    run: (ctx, fx) => importBom({ ctx, input: { systemId: fx.systemId, text: MATRIX_BOM } }),
  },
  {
    key: "lib/components/verify-component-hash.ts#verifyComponentHash",
    permission: "system:update",
    mutates: true,
    targetsSystem: true,
    needs: { component: true },
    run: (ctx, fx) => verifyComponentHash({ ctx, input: { id: fx.componentId, check: { sha256: FIXTURE_SHA256 } } }),
  },
];

const label = (spec: VerbSpec) => `${spec.key.split("#")[1]}${spec.variant ? ` (${spec.variant})` : ""}`;
const CELLS: MatrixCell<VerbSpec>[] = VERBS.flatMap((spec) => matrixCells([spec], label, spec.outcome ?? expectedOutcome));

async function prepare(cell: MatrixCell<VerbSpec>): Promise<Fixture> {
  const { spec, actor, ownership } = cell;
  const needs = spec.needs ?? {};
  const ownerId = ownership === "own" && !isToken(actor) ? org.users[actor].id : bystanderId;
  const sys = org.system;
  const { id: systemId } = await createSystem({
    ctx: sys,
    input: { name: `Target ${unique()}`, ownerId, modelType: "LLM", lifecycleStage: "production", riskTier: "high", euAiActRole: "provider" },
  });
  if (needs.archived) await archiveSystem({ ctx: sys, input: { id: systemId } });
  if (needs.profile) {
    await addThreatProfileEntries({ ctx: sys, input: { systemId, source: "manual", entries: [{ techniqueId: "AML.T0051", rationale: RATIONALE }] } });
  }
  const fx: Fixture = {
    systemId,
    componentId: "",
    memberUserId: "",
    tokenId: "",
    invitationId: "",
    riskId: "",
    evidenceId: "",
    assessmentId: "",
    importId: "",
    findingId: "",
  };
  if (needs.component)
    fx.componentId = (await createComponent({ ctx: sys, input: { systemId, component: { kind: "model", name: "Fixture model", sha256: FIXTURE_SHA256 } } })).id;
  if (needs.member) fx.memberUserId = await addBystander(org, "executive");
  if (needs.token) fx.tokenId = (await createApiToken({ ctx: sys, input: { name: "Fixture token", scopes: ["read"] } })).id;
  if (needs.invitation) {
    fx.invitationId = (
      await createInvitation({ ctx: sys, input: { email: `invitee-${unique()}@example.test`, name: "Fixture invitee", role: "executive" } })
    ).id;
  }
  if (needs.risk) fx.riskId = (await createRisk({ ctx: sys, input: { systemId, risk: RISK } })).id;
  if (needs.evidence) {
    fx.evidenceId = (
      await createEvidence({
        ctx: sys,
        input: { systemId, kind: "file", file: { name: "f.txt", mimeType: "text/plain", bytes: new TextEncoder().encode("x") }, links: [LINK] },
      })
    ).id;
  }
  if (needs.assessment) fx.assessmentId = (await proposeClassification({ ctx: sys, input: { systemId, answers: NO_ANSWERS } })).id;
  if (needs.finding) {
    fx.importId = (await importFindings({ ctx: sys, input: { systemId, source: garakSource() } })).importId!;
    fx.findingId = (await db.finding.findFirstOrThrow({ where: { systemId }, select: { id: true } })).id;
  }
  return fx;
}

beforeAll(async () => {
  org = await createTestOrg("matrix");
  bystanderId = await addBystander(org, "risk_owner");
});

// ---------------------------------------------------------------------------------------------
// Coverage: the table against the tree
// ---------------------------------------------------------------------------------------------

describe("the permission matrix covers the tree", () => {
  const verbs = verbsInTree();
  const rows = new Set(VERBS.map((v) => v.key));

  it("has a row for every domain verb in lib/ (verbs marked @no-permission say why instead), and none for a verb that no longer exists", () => {
    const missing = verbs
      .filter((v) => !v.noPermission && !rows.has(v.key))
      .map((v) => `${v.key}: add a row to VERBS in tests/integration/permission-matrix.test.ts`);
    expect(missing).toEqual([]);
    const keys = new Set(verbs.map((v) => v.key));
    expect([...rows].filter((key) => !keys.has(key))).toEqual([]);
  });

  it("every server action and route handler calls only verbs with a row (or is listed as calling none)", () => {
    const noPermission = new Set(verbs.filter((v) => v.noPermission).map((v) => v.key));
    for (const t of [...serverActionsInTree(), ...routeHandlersInTree()]) {
      const called = verbsCalled(t, verbs);
      if (called.length === 0)
        expect(TRANSPORTS_WITHOUT_VERB, `${t.key} calls no domain verb: list it in TRANSPORTS_WITHOUT_VERB (tests/support/tree.ts)`).toHaveProperty([t.key]);
      for (const key of called)
        if (!noPermission.has(key)) expect(rows.has(key), `${t.key} calls ${key}, which has no row in the permission matrix`).toBe(true);
    }
  });

  it("every role of the table is an actor, and every permission is exercised", () => {
    for (const row of Object.values(PERMISSIONS)) for (const role of Object.keys(row)) expect(ACTORS).toContain(role);
    const used = new Set(VERBS.map((v) => v.permission));
    expect(Object.keys(PERMISSIONS).filter((p) => !used.has(p as Permission) && p !== "risk:approve")).toEqual([]);
  });
});

describe("route handlers declare the permission of the verbs they call", () => {
  const verbs = verbsInTree();

  it("every route wrapper's permission is the permission the called verb checks (matrix rows)", () => {
    for (const route of routeHandlersInTree()) {
      if (!route.permission) continue;
      for (const key of verbsCalled(route, verbs)) {
        const checked = VERBS.filter((v) => v.key === key).map((v) => v.permission);
        expect(checked, `${route.key} declares "${route.permission}" but calls ${key}`).toContain(route.permission);
      }
    }
  });

  it("every REST route declares one (only the public OpenAPI document does not)", () => {
    const undeclared = routeHandlersInTree("app/api/v1")
      .filter((r) => !r.permission)
      .map((r) => r.key);
    expect(undeclared).toEqual(["app/api/v1/openapi.json/route.ts#GET"]);
  });
});

// ---------------------------------------------------------------------------------------------
// The matrix
// ---------------------------------------------------------------------------------------------

describe("permission matrix (derived from PERMISSIONS and TOKEN_SCOPE_PERMISSIONS)", () => {
  it.each(CELLS.map((cell) => [cell.name, cell] as const))("%s", async (_name, cell) => {
    const fx = await prepare(cell);
    const before = await auditSeq(org.orgId);
    const call = cell.spec.run(ctxFor(org, cell.actor), fx);
    if (cell.expected === "allowed") {
      await call; // a refusal or any other error fails the cell
      expect(await auditSeq(org.orgId), "one audit event per mutation, none for a read").toBe(before + (cell.spec.mutates ? 1 : 0));
    } else {
      await expectAppError(call, "FORBIDDEN");
      expect(await auditSeq(org.orgId), "a refused call must write nothing").toBe(before);
    }
  });

  it("the system actor (seed, CLI) may call the verbs reserved to it", async () => {
    const before = await auditSeq(org.orgId);
    await createDemoSystem({ ctx: org.system, input: { name: "Seeded demo system" } });
    await addMember({ ctx: org.system, input: { email: `seeded-${unique()}@example.test`, name: "Seeded member", role: "auditor" } });
    expect(await auditSeq(org.orgId)).toBe(before + 2);
  });
});

describe("permission spot checks (written out literally)", () => {
  let spot: TestOrg;
  beforeAll(async () => {
    spot = await createTestOrg("spot");
  });

  it("executive cannot createSystem", async () => {
    await expectAppError(createSystem({ ctx: spot.as("executive"), input: { name: "Nope" } }), "FORBIDDEN");
  });

  it("auditor can verifyAuditChain", async () => {
    await expect(verifyAuditChain({ ctx: spot.as("auditor") })).resolves.toMatchObject({ ok: true });
  });

  it("executive cannot verifyAuditChain", async () => {
    await expectAppError(verifyAuditChain({ ctx: spot.as("executive") }), "FORBIDDEN");
  });

  it("risk_owner can update a system they own but gets FORBIDDEN on one they do not own", async () => {
    const own = await createSystem({ ctx: spot.as("admin"), input: { name: "Owned by risk owner", ownerId: spot.users.risk_owner.id } });
    const foreign = await createSystem({ ctx: spot.as("admin"), input: { name: "Owned by compliance", ownerId: spot.users.compliance_officer.id } });
    const updated = await updateSystem({ ctx: spot.as("risk_owner"), input: { id: own.id, patch: { purpose: "Screening", version: own.version } } });
    expect(updated.purpose).toBe("Screening");
    const seq = await auditSeq(spot.orgId);
    await expectAppError(
      updateSystem({ ctx: spot.as("risk_owner"), input: { id: foreign.id, patch: { purpose: "Hijack", version: foreign.version } } }),
      "FORBIDDEN",
    );
    expect(await auditSeq(spot.orgId)).toBe(seq);
    expect((await getSystem({ ctx: spot.system, input: { id: foreign.id } })).purpose).toBe("");
  });

  it("risk_owner cannot change ownerId, not even of their own system", async () => {
    const own = await createSystem({ ctx: spot.as("admin"), input: { name: "Keep owner", ownerId: spot.users.risk_owner.id } });
    await expectAppError(
      updateSystem({ ctx: spot.as("risk_owner"), input: { id: own.id, patch: { ownerId: spot.users.executive.id, version: own.version } } }),
      "FORBIDDEN",
    );
    await expectAppError(updateSystem({ ctx: spot.as("risk_owner"), input: { id: own.id, patch: { ownerId: null, version: own.version } } }), "FORBIDDEN");
    expect((await getSystem({ ctx: spot.system, input: { id: own.id } })).ownerId).toBe(spot.users.risk_owner.id);
  });

  it("compliance_officer can change ownerId", async () => {
    const s = await createSystem({ ctx: spot.as("admin"), input: { name: "Handover", ownerId: spot.users.risk_owner.id } });
    const updated = await updateSystem({
      ctx: spot.as("compliance_officer"),
      input: { id: s.id, patch: { ownerId: spot.users.executive.id, version: s.version } },
    });
    expect(updated.ownerId).toBe(spot.users.executive.id);
  });

  it("risk_owner can add a component to their own system but not to another's", async () => {
    const own = await createSystem({ ctx: spot.as("admin"), input: { name: "RO components", ownerId: spot.users.risk_owner.id } });
    const foreign = await createSystem({ ctx: spot.as("admin"), input: { name: "Not RO" } });
    await expect(createComponent({ ctx: spot.as("risk_owner"), input: { systemId: own.id, component: { kind: "model", name: "m" } } })).resolves.toMatchObject({
      name: "m",
    });
    await expectAppError(
      createComponent({ ctx: spot.as("risk_owner"), input: { systemId: foreign.id, component: { kind: "model", name: "m" } } }),
      "FORBIDDEN",
    );
  });

  it("risk_owner cannot archive even their own system", async () => {
    const own = await createSystem({ ctx: spot.as("admin"), input: { name: "RO archive", ownerId: spot.users.risk_owner.id } });
    await expectAppError(archiveSystem({ ctx: spot.as("risk_owner"), input: { id: own.id } }), "FORBIDDEN");
  });

  it("compliance_officer cannot invite a member", async () => {
    const seq = await auditSeq(spot.orgId);
    await expectAppError(
      createInvitation({ ctx: spot.as("compliance_officer"), input: { email: `co-${unique()}@example.test`, name: "X", role: "admin" } }),
      "FORBIDDEN",
    );
    expect(await auditSeq(spot.orgId)).toBe(seq);
  });

  it("only admin manages API tokens", async () => {
    await expect(listApiTokens({ ctx: spot.as("admin") })).resolves.toBeInstanceOf(Array);
    await expectAppError(createApiToken({ ctx: spot.as("compliance_officer"), input: { name: "x", scopes: ["read"] } }), "FORBIDDEN");
  });

  it("a read token can list but not create; a write token can create and archive", async () => {
    const read: ServiceContext = { orgId: spot.orgId, actor: { type: "token", tokenId: "t", scopes: ["read"], label: "t" } };
    const write: ServiceContext = { orgId: spot.orgId, actor: { type: "token", tokenId: "t", scopes: ["write"], label: "t" } };
    await expect(listSystems({ ctx: read, input: {} })).resolves.toHaveProperty("items");
    await expectAppError(createSystem({ ctx: read, input: { name: "Via read token" } }), "FORBIDDEN");
    const s = await createSystem({ ctx: write, input: { name: "Via write token" } });
    await expect(archiveSystem({ ctx: write, input: { id: s.id } })).resolves.toMatchObject({ id: s.id });
  });

  it("tokens never manage members, tokens or read the audit trail", async () => {
    const write: ServiceContext = { orgId: spot.orgId, actor: { type: "token", tokenId: "t", scopes: ["read", "write"], label: "t" } };
    await expectAppError(listMembers({ ctx: write }), "FORBIDDEN");
    await expectAppError(createInvitation({ ctx: write, input: { email: `tok-${unique()}@example.test`, name: "X", role: "admin" } }), "FORBIDDEN");
    await expectAppError(createApiToken({ ctx: write, input: { name: "x", scopes: ["write"] } }), "FORBIDDEN");
    await expectAppError(verifyAuditChain({ ctx: write }), "FORBIDDEN");
  });
});

// ---------------------------------------------------------------------------------------------
// REST: each token scope against each route's declared permission (refused before the body is read)
// ---------------------------------------------------------------------------------------------

describe("REST routes × token scopes (derived from the routes' declared permission and TOKEN_SCOPE_PERMISSIONS)", () => {
  type Handler = (req: Request, segment: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;
  let tokens: Awaited<ReturnType<typeof tokenContexts>>;
  beforeAll(async () => {
    tokens = await tokenContexts(org);
  });

  const cells = routeHandlersInTree("app/api/v1")
    .filter((route) => route.permission)
    .flatMap((route) =>
      (["read_token", "write_token"] as const).map((actor) => {
        const expected = holds(actor, route.permission as Permission) ? "not refused" : "403";
        return [`${route.key} with a ${actor} → ${expected}`, { route, actor, expected }] as const;
      }),
    );

  it.each(cells)("%s", async (_name, { route, actor, expected }) => {
    const handler = ((await import(path.join(REPO_ROOT, route.file))) as Record<string, Handler>)[route.name];
    // ids that exist nowhere, no body: an allowed token gets past the permission check to a 404 / 4xx about the input
    const params = Object.fromEntries([...route.file.matchAll(/\[(\w+)\]/g)].map((m) => [m[1], `c${unique()}${unique()}`]));
    const before = await auditSeq(org.orgId);
    const res = await handler(
      new Request("http://localhost/api/v1/matrix", { method: route.name, headers: { authorization: `Bearer ${tokens[actor].secret}` } }),
      {
        params: Promise.resolve(params),
      },
    );
    if (expected === "403") expect(res.status).toBe(403);
    else expect([401, 403]).not.toContain(res.status);
    expect(await auditSeq(org.orgId)).toBe(before);
  });
});
