import { createHash, randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { db } from "@/lib/db/client";
import { AUDIT_ACTIONS, type AuditAction } from "@/lib/audit/audit-actions";
import { computeEventHash } from "@/lib/audit/compute-event-hash";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { actorId, type ServiceContext } from "@/lib/context";
import { createTestOrg, type TestOrg } from "@/scripts/support/create-test-org";
import { createSystem } from "@/lib/systems/create-system";
import { updateSystem } from "@/lib/systems/update-system";
import { archiveSystem } from "@/lib/systems/archive-system";
import { restoreSystem } from "@/lib/systems/restore-system";
import { createComponent } from "@/lib/components/create-component";
import { updateComponent } from "@/lib/components/update-component";
import { deleteComponent } from "@/lib/components/delete-component";
import { importModelCard } from "@/lib/components/import-model-card";
import { importFindings } from "@/lib/findings/import-findings";
import { queueFindingImport } from "@/lib/findings/queue-finding-import";
import { updateFindingStatus } from "@/lib/findings/update-finding-status";
import { linkFindingToRisk } from "@/lib/findings/link-finding-to-risk";
import { createRiskFromFinding } from "@/lib/risks/create-risk-from-finding";
import { saveTestMapping } from "@/lib/findings/save-test-mapping";
import { importBom } from "@/lib/components/import-bom";
import { verifyComponentHash } from "@/lib/components/verify-component-hash";
import { buildBom } from "@/lib/bom/build-bom";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { revokeInvitation } from "@/lib/invitations/revoke-invitation";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { removeMember } from "@/lib/members/remove-member";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";
import { importAtlasRelease } from "@/lib/atlas/import-atlas-release";
import { getAtlasView } from "@/lib/atlas/get-atlas-view";
import { getAtlasCatalog } from "@/lib/catalogs/get-atlas-catalog";
import { addThreatProfileEntries } from "@/lib/threats/add-threat-profile-entries";
import { removeThreatProfileEntry } from "@/lib/threats/remove-threat-profile-entry";
import { importNavigatorLayer } from "@/lib/threats/import-navigator-layer";
import { createRisk } from "@/lib/risks/create-risk";
import { updateRisk } from "@/lib/risks/update-risk";
import { acceptRisk } from "@/lib/risks/accept-risk";
import { deleteRisk } from "@/lib/risks/delete-risk";
import { getRiskMatrix } from "@/lib/risks/get-risk-matrix";
import { updateRiskMatrix } from "@/lib/risks/update-risk-matrix";
import type { RiskMatrix } from "@/lib/risks/risk-matrix";
import type { AtlasCounts } from "@/lib/atlas/schemas";
import { updateSystemControl } from "@/lib/controls/update-system-control";
import { createEvidence } from "@/lib/evidence/create-evidence";
import { linkEvidence } from "@/lib/evidence/link-evidence";
import { deleteEvidence } from "@/lib/evidence/delete-evidence";
import { readReference } from "@/tests/reference-data";

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const unique = () => randomBytes(4).toString("hex");

async function orgHead(orgId: string) {
  return db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { auditSeq: true, auditHeadHash: true } });
}

async function eventsOf(orgId: string) {
  return db.auditEvent.findMany({ where: { orgId }, orderBy: { seq: "asc" } });
}

async function eventAt(orgId: string, seq: number) {
  return db.auditEvent.findUniqueOrThrow({ where: { orgId_seq: { orgId, seq } } });
}

/** An organisation whose chain holds exactly `n` events (organization.create, system.create, then updates). */
async function orgWithEvents(n: number): Promise<TestOrg> {
  const org = await createTestOrg("chain");
  let system = await createSystem({ ctx: org.as("admin"), input: { name: "Chained 1" } });
  for (let i = 3; i <= n; i++) {
    system = await updateSystem({ ctx: org.as("compliance_officer"), input: { id: system.id, patch: { name: `Chained ${i - 1}`, version: system.version } } });
  }
  expect((await orgHead(org.orgId)).auditSeq).toBe(n);
  return org;
}

const tamper = (sql: string, ...params: unknown[]) => db.$executeRawUnsafe(sql, ...params);

// ---------------------------------------------------------------------------------------------
// One event per mutation
// ---------------------------------------------------------------------------------------------

type Fixture = {
  systemId: string;
  version: number;
  componentId: string;
  memberUserId: string;
  tokenId: string;
  invitationId: string;
  /** The reference ATLAS release file and what the test itself reads from it. */
  atlas: { yaml: string; version: string; sha256: string; counts: AtlasCounts };
  /** The version of the organisation's current ATLAS catalog, which threat events record. */
  atlasVersion: string;
  riskId: string;
  riskVersion: number;
  /** A member of the organisation (risk or control owner, risk approver). */
  ownerUserId: string;
  approverId: string;
  /** How risk.accept names the approver: "Name <email> (Role)". */
  approverLabel: string;
  matrix: RiskMatrix & { version: number };
  /** The stored SystemControl row a control.update event is tied to. */
  controlRowId: string;
  evidenceId: string;
  findingId: string;
  findingVersion: number;
};

type MutationCase = {
  verb: string;
  action: AuditAction;
  entityType: string;
  /** Prepares what the verb acts on (not part of the measured events). */
  setup?: (org: TestOrg) => Promise<Partial<Fixture>>;
  /** Runs the verb; returns the expected entityId and subjectId of its event. */
  run: (ctx: ServiceContext, fx: Partial<Fixture>) => Promise<{ entityId: string; subjectId: string | null }>;
  /** Checks the event's changes. */
  changes: (changes: Record<string, unknown>, fx: Partial<Fixture>) => void;
};

const systemFixture = async (org: TestOrg, archived = false): Promise<Partial<Fixture>> => {
  const s = await createSystem({ ctx: org.system, input: { name: "A", description: "kept", vendor: "Acme" } });
  if (archived) await archiveSystem({ ctx: org.system, input: { id: s.id } });
  return { systemId: s.id, version: s.version };
};

const componentFixture = async (org: TestOrg): Promise<Partial<Fixture>> => {
  const fx = await systemFixture(org);
  const c = await createComponent({ ctx: org.system, input: { systemId: fx.systemId!, component: { kind: "model", name: "m", licence: "MIT" } } });
  return { ...fx, componentId: c.id };
};

const memberFixture = async (org: TestOrg): Promise<Partial<Fixture>> => {
  const user = await db.user.create({ data: { email: `m-${unique()}@example.test`, name: "Member" }, select: { id: true } });
  await db.membership.create({ data: { orgId: org.orgId, userId: user.id, role: "executive" } });
  return { memberUserId: user.id };
};

const ISO_DATE_TIME = /^\d{4}-\d\d-\d\dT/;

/** The reference ATLAS release, its SHA-256 and counts read independently of the importer (plain `yaml`). */
const atlasFixture = async (): Promise<Partial<Fixture>> => {
  const yaml = readReference("atlas/ATLAS.yaml");
  const file = YAML.parse(yaml) as {
    version: string | number;
    matrices: { tactics: unknown[]; techniques: { "subtechnique-of"?: string }[]; mitigations: unknown[] }[];
    "case-studies": unknown[];
  };
  const [matrix] = file.matrices;
  const subtechniques = matrix.techniques.filter((t) => t["subtechnique-of"]).length;
  return {
    atlas: {
      yaml,
      version: String(file.version),
      sha256: createHash("sha256").update(yaml, "utf8").digest("hex"),
      counts: {
        tactics: matrix.tactics.length,
        techniques: matrix.techniques.length - subtechniques,
        subtechniques,
        mitigations: matrix.mitigations.length,
        caseStudies: file["case-studies"].length,
      },
    },
  };
};

const RATIONALE = "Customers type free text into the chat window.";

/** A system with the given threat-profile entries, and the ATLAS version the organisation's catalog has now. */
const threatFixture = async (org: TestOrg, techniqueIds: string[] = []): Promise<Partial<Fixture>> => {
  const fx = await systemFixture(org);
  if (techniqueIds.length > 0) {
    await addThreatProfileEntries({
      ctx: org.system,
      input: { systemId: fx.systemId!, source: "manual", entries: techniqueIds.map((techniqueId) => ({ techniqueId, rationale: RATIONALE })) },
    });
  }
  const view = await getAtlasView({ ctx: org.system });
  return { ...fx, atlasVersion: view.source.version };
};

/** A risk on a fresh system: version 1, treatment mitigate, status open, no residual rating, owner or due date. */
const riskFixture = async (org: TestOrg): Promise<Partial<Fixture>> => {
  const fx = await systemFixture(org);
  const risk = await createRisk({
    ctx: org.system,
    input: {
      systemId: fx.systemId!,
      risk: {
        title: "Prompt injection",
        category: "security",
        techniqueIds: ["AML.T0051"],
        inherentLikelihood: 4,
        inherentImpact: 4,
        controls: [{ framework: "iso42001", controlId: "A.6.2.4" }],
      },
    },
  });
  const approver = await db.user.findUniqueOrThrow({ where: { id: org.users.executive.id }, select: { name: true, email: true } });
  return {
    ...fx,
    riskId: risk.id,
    riskVersion: risk.version,
    approverId: org.users.executive.id,
    approverLabel: `${approver.name} <${approver.email}> (Executive)`,
  };
};

/** A system to which iso42001 A.6.2.6 and A.2.2 apply (high risk, provider, in production). */
const controlSystemFixture = async (org: TestOrg): Promise<Partial<Fixture>> => {
  const s = await createSystem({ ctx: org.system, input: { name: "Controlled", riskTier: "high", euAiActRole: "provider", lifecycleStage: "production" } });
  return { systemId: s.id, version: s.version, ownerUserId: org.users.risk_owner.id };
};

/** A control already saved once (status in_progress, version 1). */
const controlFixture = async (org: TestOrg): Promise<Partial<Fixture>> => {
  const fx = await controlSystemFixture(org);
  await updateSystemControl({ ctx: org.system, input: { systemId: fx.systemId!, framework: "iso42001", controlId: "A.6.2.6", status: "in_progress" } });
  const row = await db.systemControl.findFirstOrThrow({ where: { systemId: fx.systemId!, framework: "iso42001", controlId: "A.6.2.6" }, select: { id: true } });
  return { ...fx, controlRowId: row.id };
};

const EVIDENCE_LINK = { title: "Monitoring dashboard", url: "https://grafana.example.test/d/ai" };

/** Link evidence attached to iso42001 A.6.2.6. */
const evidenceFixture = async (org: TestOrg): Promise<Partial<Fixture>> => {
  const fx = await controlSystemFixture(org);
  const evidence = await createEvidence({
    ctx: org.system,
    input: { systemId: fx.systemId!, kind: "link", ...EVIDENCE_LINK, links: [{ framework: "iso42001", controlId: "A.6.2.6" }] },
  });
  return { ...fx, evidenceId: evidence.id };
};

const EVIDENCE_FILE = new TextEncoder().encode("Model card, version 1\n");

const GARAK_EVAL = '{"entry_type": "eval", "probe": "dan.Dan_11_0", "detector": "dan.DAN", "passed": 1, "fails": 3, "total_evaluated": 4}\n';
async function* garakReport(runId: string) {
  yield `{"entry_type": "start_run setup", "_config.version": "0.14.0", "transient.run_id": "${runId}"}\n`;
  yield GARAK_EVAL;
}

/** A system with one open finding (a garak probe failing 3 of 4 outputs). */
const findingFixture = async (org: TestOrg): Promise<Partial<Fixture>> => {
  const fx = await systemFixture(org);
  await importFindings({ ctx: org.system, input: { systemId: fx.systemId!, source: garakReport("fixture") } });
  const finding = await db.finding.findFirstOrThrow({ where: { systemId: fx.systemId! }, select: { id: true, version: true } });
  return { ...fx, findingId: finding.id, findingVersion: finding.version };
};

const MUTATIONS: MutationCase[] = [
  {
    verb: "createSystem",
    action: "system.create",
    entityType: "system",
    run: async (ctx) => {
      const s = await createSystem({ ctx, input: { name: "Created", riskTier: "high" } });
      return { entityId: s.id, subjectId: s.id };
    },
    changes: (c) => {
      expect(c.name).toEqual({ before: null, after: "Created" });
      expect(c.riskTier).toEqual({ before: null, after: "high" });
      expect(c).not.toHaveProperty("ownerId"); // null → null is no change
      expect(c).not.toHaveProperty("hosting");
    },
  },
  {
    verb: "updateSystem",
    action: "system.update",
    entityType: "system",
    setup: (org) => systemFixture(org),
    run: async (ctx, fx) => {
      await updateSystem({ ctx, input: { id: fx.systemId!, patch: { name: "B", description: "kept", version: fx.version! } } });
      return { entityId: fx.systemId!, subjectId: fx.systemId! };
    },
    // description was sent but unchanged, vendor not sent: both absent
    changes: (c) => expect(c).toEqual({ name: { before: "A", after: "B" } }),
  },
  {
    verb: "archiveSystem",
    action: "system.archive",
    entityType: "system",
    setup: (org) => systemFixture(org),
    run: async (ctx, fx) => {
      await archiveSystem({ ctx, input: { id: fx.systemId! } });
      return { entityId: fx.systemId!, subjectId: fx.systemId! };
    },
    changes: (c) => expect(c).toEqual({ archivedAt: { before: null, after: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) } }),
  },
  {
    verb: "restoreSystem",
    action: "system.restore",
    entityType: "system",
    setup: (org) => systemFixture(org, true),
    run: async (ctx, fx) => {
      await restoreSystem({ ctx, input: { id: fx.systemId! } });
      return { entityId: fx.systemId!, subjectId: fx.systemId! };
    },
    changes: (c) => expect(c).toEqual({ archivedAt: { before: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), after: null } }),
  },
  {
    verb: "createComponent",
    action: "component.create",
    entityType: "component",
    setup: (org) => systemFixture(org),
    run: async (ctx, fx) => {
      const c = await createComponent({ ctx, input: { systemId: fx.systemId!, component: { kind: "dataset", name: "Training set" } } });
      return { entityId: c.id, subjectId: fx.systemId! };
    },
    changes: (c) =>
      expect(c).toEqual({
        kind: { before: null, after: "dataset" },
        name: { before: null, after: "Training set" },
        version: { before: null, after: "" },
        sourceUrl: { before: null, after: "" },
        licence: { before: null, after: "" },
        sha256: { before: null, after: "" },
      }),
  },
  {
    verb: "updateComponent",
    action: "component.update",
    entityType: "component",
    setup: componentFixture,
    run: async (ctx, fx) => {
      await updateComponent({ ctx, input: { id: fx.componentId!, component: { kind: "model", name: "m2", version: "1.0", licence: "MIT" } } });
      return { entityId: fx.componentId!, subjectId: fx.systemId! };
    },
    changes: (c) => expect(c).toEqual({ name: { before: "m", after: "m2" }, version: { before: "", after: "1.0" } }),
  },
  {
    verb: "deleteComponent",
    action: "component.delete",
    entityType: "component",
    setup: componentFixture,
    run: async (ctx, fx) => {
      await deleteComponent({ ctx, input: { id: fx.componentId! } });
      return { entityId: fx.componentId!, subjectId: fx.systemId! };
    },
    changes: (c) =>
      expect(c).toMatchObject({ kind: { before: "model", after: null }, name: { before: "m", after: null }, licence: { before: "MIT", after: null } }),
  },
  {
    verb: "importModelCard",
    action: "component.import_card",
    entityType: "component",
    setup: componentFixture,
    run: async (ctx, fx) => {
      await importModelCard({
        ctx,
        input: { systemId: fx.systemId!, componentId: fx.componentId!, text: "---\nlicense: apache-2.0\nlanguage: en\n---\nCard." },
      });
      return { entityId: fx.componentId!, subjectId: fx.systemId! };
    },
    changes: (c) =>
      expect(c).toEqual({
        licence: { before: "MIT", after: "apache-2.0" },
        languages: { before: [], after: ["en"] },
        cardText: { before: null, after: expect.stringMatching(/^5 characters, SHA-256 [0-9a-f]{64}$/) },
      }),
  },
  {
    verb: "importBom",
    action: "component.import_bom",
    entityType: "system",
    setup: (org) => systemFixture(org),
    run: async (ctx, fx) => {
      const text = buildBom({ id: "x", name: "BOM" }, [
        {
          kind: "dataset",
          name: "Tickets",
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
      await importBom({ ctx, input: { systemId: fx.systemId!, text } });
      return { entityId: fx.systemId!, subjectId: fx.systemId! };
    },
    changes: (c) =>
      expect(c).toEqual({
        created: { before: null, after: ["dataset: Tickets"] },
        updated: { before: null, after: [] },
        unchanged: { before: null, after: 0 },
      }),
  },
  ...(["match", "mismatch"] as const).map((result): MutationCase => ({
    verb: "verifyComponentHash",
    action: `component.hash_${result}`,
    entityType: "component",
    setup: async (org) => {
      const fx = await systemFixture(org);
      const c = await createComponent({ ctx: org.system, input: { systemId: fx.systemId!, component: { kind: "model", name: "h", sha256: "a".repeat(64) } } });
      return { ...fx, componentId: c.id };
    },
    run: async (ctx, fx) => {
      await verifyComponentHash({ ctx, input: { id: fx.componentId!, check: { sha256: (result === "match" ? "a" : "b").repeat(64), source: "file" } } });
      return { entityId: fx.componentId!, subjectId: fx.systemId! };
    },
    changes: (c) =>
      expect(c).toEqual({ sha256: { before: "a".repeat(64), after: (result === "match" ? "a" : "b").repeat(64) }, source: { before: null, after: "file" } }),
  })),
  {
    verb: "createInvitation",
    action: "invitation.create",
    entityType: "invitation",
    run: async (ctx) => {
      const { id } = await createInvitation({ ctx, input: { email: `audit-${unique()}@example.test`, name: "New", role: "auditor" } });
      return { entityId: id, subjectId: null };
    },
    changes: (c) =>
      expect(c).toEqual({
        email: { before: null, after: expect.stringMatching(/^audit-/) },
        name: { before: null, after: "New" },
        role: { before: null, after: "auditor" },
        expiresAt: { before: null, after: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
      }),
  },
  {
    verb: "revokeInvitation",
    action: "invitation.revoke",
    entityType: "invitation",
    setup: async (org) => ({
      invitationId: (await createInvitation({ ctx: org.system, input: { email: `audit-rev-${unique()}@example.test`, name: "Rev", role: "auditor" } })).id,
    }),
    run: async (ctx, fx) => {
      await revokeInvitation({ ctx, input: { id: fx.invitationId! } });
      return { entityId: fx.invitationId!, subjectId: null };
    },
    changes: (c) =>
      expect(c).toEqual({
        email: { before: expect.stringMatching(/^audit-rev-/), after: expect.stringMatching(/^audit-rev-/) },
        revokedAt: { before: null, after: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
      }),
  },
  {
    verb: "changeMemberRole",
    action: "member.role_change",
    entityType: "member",
    setup: memberFixture,
    run: async (ctx, fx) => {
      await changeMemberRole({ ctx, input: { userId: fx.memberUserId!, role: "auditor" } });
      return { entityId: fx.memberUserId!, subjectId: null };
    },
    changes: (c) => expect(c).toEqual({ role: { before: "executive", after: "auditor" } }),
  },
  {
    verb: "removeMember",
    action: "member.remove",
    entityType: "member",
    setup: memberFixture,
    run: async (ctx, fx) => {
      await removeMember({ ctx, input: { userId: fx.memberUserId! } });
      return { entityId: fx.memberUserId!, subjectId: null };
    },
    changes: (c) => expect(c).toMatchObject({ role: { before: "executive", after: null }, systemsUnassigned: { before: [], after: null } }),
  },
  {
    verb: "createApiToken",
    action: "token.create",
    entityType: "api_token",
    run: async (ctx) => {
      const { id } = await createApiToken({ ctx, input: { name: "CI", scopes: ["read", "write"] } });
      return { entityId: id, subjectId: null };
    },
    changes: (c) => expect(c).toEqual({ name: { before: null, after: "CI" }, scopes: { before: null, after: ["read", "write"] } }),
  },
  {
    verb: "revokeApiToken",
    action: "token.revoke",
    entityType: "api_token",
    setup: async (org) => ({ tokenId: (await createApiToken({ ctx: org.system, input: { name: "Old", scopes: ["read"] } })).id }),
    run: async (ctx, fx) => {
      await revokeApiToken({ ctx, input: { id: fx.tokenId! } });
      return { entityId: fx.tokenId!, subjectId: null };
    },
    changes: (c) => expect(c).toEqual({ revokedAt: { before: null, after: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) } }),
  },
  {
    verb: "importAtlasRelease",
    action: "atlas.import",
    entityType: "atlas_release",
    setup: atlasFixture,
    run: async (ctx, fx) => {
      const result = await importAtlasRelease({ ctx, input: { yaml: fx.atlas!.yaml } });
      expect(result.status).toBe("imported");
      const current = await db.atlasRelease.findFirstOrThrow({ where: { orgId: ctx.orgId, isCurrent: true }, select: { id: true } });
      expect(result.release.id).toBe(current.id);
      return { entityId: current.id, subjectId: null };
    },
    // the reference release is the built-in catalog's version with the same objects: nothing added, removed, renamed or moved
    changes: (c, fx) =>
      expect(c).toEqual({
        version: { before: null, after: fx.atlas!.version },
        sha256: { before: null, after: fx.atlas!.sha256 },
        counts: { before: null, after: fx.atlas!.counts },
        changed: { before: null, after: { baseline: `builtin ${getAtlasCatalog().version}`, added: 0, removed: 0, renamed: 0, moved: 0 } },
      }),
  },
  {
    verb: "addThreatProfileEntries",
    action: "threat.add",
    entityType: "threat_profile",
    setup: (org) => threatFixture(org),
    run: async (ctx, fx) => {
      await addThreatProfileEntries({
        ctx,
        input: {
          systemId: fx.systemId!,
          source: "suggested",
          entries: [
            { techniqueId: "AML.T0051", rationale: RATIONALE },
            { techniqueId: "AML.T0054", rationale: "Jailbreak prompts circulate publicly." },
          ],
        },
      });
      return { entityId: fx.systemId!, subjectId: fx.systemId! };
    },
    changes: (c, fx) =>
      expect(c).toEqual({
        techniqueIds: { before: null, after: ["AML.T0051", "AML.T0054"] },
        rationales: { before: null, after: [`AML.T0051: ${RATIONALE}`, "AML.T0054: Jailbreak prompts circulate publicly."] },
        source: { before: null, after: "suggested" },
        atlasVersion: { before: null, after: fx.atlasVersion },
      }),
  },
  {
    verb: "removeThreatProfileEntry",
    action: "threat.remove",
    entityType: "threat_profile",
    setup: (org) => threatFixture(org, ["AML.T0051", "AML.T0054"]),
    run: async (ctx, fx) => {
      await removeThreatProfileEntry({ ctx, input: { systemId: fx.systemId!, techniqueId: "AML.T0051" } });
      return { entityId: fx.systemId!, subjectId: fx.systemId! };
    },
    changes: (c, fx) =>
      expect(c).toEqual({
        techniqueId: { before: "AML.T0051", after: null },
        techniqueName: { before: "LLM Prompt Injection", after: null },
        rationale: { before: RATIONALE, after: null },
        source: { before: "manual", after: null },
        atlasVersion: { before: fx.atlasVersion, after: null },
      }),
  },
  {
    verb: "importNavigatorLayer",
    action: "threat.import_layer",
    entityType: "threat_profile",
    setup: (org) => threatFixture(org, ["AML.T0054"]),
    run: async (ctx, fx) => {
      const layer = {
        name: "Red team findings",
        domain: "atlas-atlas",
        techniques: [
          { techniqueID: "AML.T0051", score: 3, comment: "Reproduced in the red-team exercise." },
          { techniqueID: "AML.T0054", color: "#e60d0d" }, // already in the profile
          { techniqueID: "AML.T0029", score: 0 }, // marks nothing
          { techniqueID: "AML.T0057", score: 2, enabled: false }, // switched off in Navigator
        ],
      };
      await importNavigatorLayer({ ctx, input: { systemId: fx.systemId!, layer } });
      return { entityId: fx.systemId!, subjectId: fx.systemId! };
    },
    changes: (c, fx) =>
      expect(c).toEqual({
        layer: { before: null, after: "Red team findings" },
        techniqueIds: { before: null, after: ["AML.T0051"] },
        skipped: { before: null, after: ["AML.T0054 (already_in_profile)", "AML.T0057 (disabled)"] },
        atlasVersion: { before: null, after: fx.atlasVersion },
      }),
  },
  {
    verb: "createRisk",
    action: "risk.create",
    entityType: "risk",
    setup: async (org) => ({ ...(await systemFixture(org)), ownerUserId: org.users.risk_owner.id }),
    run: async (ctx, fx) => {
      const risk = await createRisk({
        ctx,
        input: {
          systemId: fx.systemId!,
          risk: {
            title: "Training data extraction",
            description: "Crafted prompts make the model repeat training records.",
            category: "privacy",
            techniqueIds: ["AML.T0057"],
            owaspIds: ["LLM02:2025"],
            inherentLikelihood: 3,
            inherentImpact: 5,
            treatmentPlan: "Output filtering.",
            residualLikelihood: 2,
            residualImpact: 3,
            ownerId: fx.ownerUserId!,
            dueDate: "2026-12-31",
            controls: [
              { framework: "iso42001", controlId: "A.6.2.4" },
              { framework: "eu_ai_act", controlId: "Art 15" },
            ],
          },
        },
      });
      return { entityId: risk.id, subjectId: fx.systemId! };
    },
    // acceptedById and acceptedAt stay null (no change); an empty acceptance reason is recorded as ""
    changes: (c, fx) =>
      expect(c).toEqual({
        title: { before: null, after: "Training data extraction" },
        description: { before: null, after: "Crafted prompts make the model repeat training records." },
        category: { before: null, after: "privacy" },
        techniqueIds: { before: null, after: ["AML.T0057"] },
        owaspIds: { before: null, after: ["LLM02:2025"] },
        inherentLikelihood: { before: null, after: 3 },
        inherentImpact: { before: null, after: 5 },
        treatment: { before: null, after: "mitigate" },
        treatmentPlan: { before: null, after: "Output filtering." },
        residualLikelihood: { before: null, after: 2 },
        residualImpact: { before: null, after: 3 },
        ownerId: { before: null, after: fx.ownerUserId },
        dueDate: { before: null, after: "2026-12-31" },
        status: { before: null, after: "open" },
        controls: { before: null, after: ["eu_ai_act:Art 15", "iso42001:A.6.2.4"] },
        acceptanceReason: { before: null, after: "" },
      }),
  },
  {
    verb: "updateRisk",
    action: "risk.update",
    entityType: "risk",
    setup: riskFixture,
    run: async (ctx, fx) => {
      // category sent unchanged: not recorded
      await updateRisk({
        ctx,
        input: {
          id: fx.riskId!,
          patch: {
            title: "Prompt injection via CVs",
            category: "security",
            residualLikelihood: 2,
            residualImpact: 2,
            status: "in_treatment",
            version: fx.riskVersion!,
          },
        },
      });
      return { entityId: fx.riskId!, subjectId: fx.systemId! };
    },
    changes: (c) =>
      expect(c).toEqual({
        title: { before: "Prompt injection", after: "Prompt injection via CVs" },
        residualLikelihood: { before: null, after: 2 },
        residualImpact: { before: null, after: 2 },
        status: { before: "open", after: "in_treatment" },
      }),
  },
  {
    verb: "acceptRisk",
    action: "risk.accept",
    entityType: "risk",
    setup: riskFixture,
    run: async (ctx, fx) => {
      await acceptRisk({
        ctx,
        input: { id: fx.riskId!, approverId: fx.approverId!, reason: "Within the board's risk appetite for 2026.", version: fx.riskVersion! },
      });
      return { entityId: fx.riskId!, subjectId: fx.systemId! };
    },
    changes: (c, fx) =>
      expect(c).toEqual({
        treatment: { before: "mitigate", after: "accept" },
        status: { before: "open", after: "accepted" },
        acceptedById: { before: null, after: fx.approverId },
        acceptedAt: { before: null, after: expect.stringMatching(ISO_DATE_TIME) },
        acceptanceReason: { before: "", after: "Within the board's risk appetite for 2026." },
        approver: { before: null, after: fx.approverLabel },
      }),
  },
  {
    verb: "deleteRisk",
    action: "risk.delete",
    entityType: "risk",
    setup: riskFixture,
    run: async (ctx, fx) => {
      await deleteRisk({ ctx, input: { id: fx.riskId! } });
      return { entityId: fx.riskId!, subjectId: fx.systemId! };
    },
    // every field the risk had; the ones that were null (residual rating, owner, due date, acceptance) are absent
    changes: (c) =>
      expect(c).toEqual({
        title: { before: "Prompt injection", after: null },
        description: { before: "", after: null },
        category: { before: "security", after: null },
        techniqueIds: { before: ["AML.T0051"], after: null },
        owaspIds: { before: [], after: null },
        inherentLikelihood: { before: 4, after: null },
        inherentImpact: { before: 4, after: null },
        treatment: { before: "mitigate", after: null },
        treatmentPlan: { before: "", after: null },
        status: { before: "open", after: null },
        controls: { before: ["iso42001:A.6.2.4"], after: null },
        acceptanceReason: { before: "", after: null },
      }),
  },
  {
    verb: "updateRiskMatrix",
    action: "matrix.update",
    entityType: "risk_matrix",
    setup: async (org) => ({ matrix: await getRiskMatrix({ ctx: org.system }) }),
    run: async (ctx, fx) => {
      const { version, ...matrix } = fx.matrix!;
      // impact labels and levels sent unchanged: not recorded
      await updateRiskMatrix({ ctx, input: { ...matrix, likelihoodLabels: ["Very rare", ...matrix.likelihoodLabels.slice(1)], version } });
      const row = await db.riskMatrix.findUniqueOrThrow({ where: { orgId: ctx.orgId }, select: { id: true } });
      return { entityId: row.id, subjectId: null };
    },
    changes: (c, fx) =>
      expect(c).toEqual({
        likelihoodLabels: { before: fx.matrix!.likelihoodLabels, after: ["Very rare", ...fx.matrix!.likelihoodLabels.slice(1)] },
      }),
  },
  {
    verb: "updateSystemControl",
    action: "control.update",
    entityType: "control",
    setup: controlFixture,
    run: async (ctx, fx) => {
      await updateSystemControl({
        ctx,
        input: {
          systemId: fx.systemId!,
          framework: "iso42001",
          controlId: "A.6.2.6",
          status: "implemented",
          justification: "Dashboards and alerts are live.",
          ownerId: fx.ownerUserId!,
          reviewDate: "2027-01-31",
          version: 1,
        },
      });
      return { entityId: fx.controlRowId!, subjectId: fx.systemId! };
    },
    // a later save: the event is tied to the stored row by entityId and records only what changed
    changes: (c, fx) =>
      expect(c).toEqual({
        status: { before: "in_progress", after: "implemented" },
        justification: { before: "", after: "Dashboards and alerts are live." },
        ownerId: { before: null, after: fx.ownerUserId },
        reviewDate: { before: null, after: "2027-01-31" },
      }),
  },
  {
    verb: "createEvidence",
    action: "evidence.create",
    entityType: "evidence",
    setup: controlSystemFixture,
    run: async (ctx, fx) => {
      const evidence = await createEvidence({
        ctx,
        input: {
          systemId: fx.systemId!,
          kind: "file",
          title: "Model card",
          file: { name: "model-card.txt", mimeType: "text/plain", bytes: EVIDENCE_FILE },
          links: [
            { framework: "iso42001", controlId: "A.6.2.6" },
            { framework: "iso42001", controlId: "A.2.2" },
          ],
        },
      });
      return { entityId: evidence.id, subjectId: fx.systemId! };
    },
    // the SHA-256 and size of the file, never its bytes
    changes: (c) =>
      expect(c).toEqual({
        kind: { before: null, after: "file" },
        title: { before: null, after: "Model card" },
        url: { before: null, after: "" },
        fileName: { before: null, after: "model-card.txt" },
        mimeType: { before: null, after: "text/plain" },
        size: { before: null, after: EVIDENCE_FILE.byteLength },
        sha256: { before: null, after: createHash("sha256").update(EVIDENCE_FILE).digest("hex") },
        links: { before: null, after: ["iso42001 A.6.2.6", "iso42001 A.2.2"] },
      }),
  },
  {
    verb: "linkEvidence",
    action: "evidence.link",
    entityType: "evidence",
    setup: evidenceFixture,
    run: async (ctx, fx) => {
      await linkEvidence({ ctx, input: { evidenceId: fx.evidenceId!, framework: "iso42001", controlId: "A.2.2" } });
      return { entityId: fx.evidenceId!, subjectId: fx.systemId! };
    },
    changes: (c) => expect(c).toEqual({ links: { before: ["iso42001 A.6.2.6"], after: ["iso42001 A.6.2.6", "iso42001 A.2.2"] } }),
  },
  {
    verb: "deleteEvidence",
    action: "evidence.delete",
    entityType: "evidence",
    setup: evidenceFixture,
    run: async (ctx, fx) => {
      await deleteEvidence({ ctx, input: { evidenceId: fx.evidenceId! } });
      return { entityId: fx.evidenceId!, subjectId: fx.systemId! };
    },
    changes: (c) =>
      expect(c).toEqual({
        kind: { before: "link", after: null },
        title: { before: EVIDENCE_LINK.title, after: null },
        url: { before: EVIDENCE_LINK.url, after: null },
        fileName: { before: "", after: null },
        mimeType: { before: "", after: null },
        size: { before: 0, after: null },
        sha256: { before: "", after: null },
        links: { before: ["iso42001 A.6.2.6"], after: null },
      }),
  },
  {
    verb: "importFindings",
    action: "finding_import.create",
    entityType: "finding_import",
    setup: (org) => systemFixture(org),
    run: async (ctx, fx) => {
      const summary = await importFindings({ ctx, input: { systemId: fx.systemId!, fileName: "report.jsonl", source: garakReport("run-1") } });
      return { entityId: summary.importId!, subjectId: fx.systemId! };
    },
    changes: (c) =>
      expect(c).toMatchObject({
        fileName: { before: null, after: "report.jsonl" },
        format: { before: null, after: "garak" },
        tool: { before: null, after: "garak" },
        sha256: { before: null, after: expect.stringMatching(/^[0-9a-f]{64}$/) },
        results: { before: null, after: 1 },
        opened: { before: null, after: 1 },
      }),
  },
  {
    verb: "queueFindingImport",
    action: "finding_import.queue",
    entityType: "finding_import",
    setup: (org) => systemFixture(org),
    run: async (ctx, fx) => {
      const summary = await queueFindingImport({ ctx, input: { systemId: fx.systemId!, fileName: "big.jsonl", source: garakReport("run-2") } });
      return { entityId: summary.importId!, subjectId: fx.systemId! };
    },
    changes: (c) =>
      expect(c).toEqual({
        fileName: { before: null, after: "big.jsonl" },
        sha256: { before: null, after: expect.stringMatching(/^[0-9a-f]{64}$/) },
        bytes: { before: null, after: expect.any(Number) },
      }),
  },
  {
    verb: "updateFindingStatus",
    action: "finding.update",
    entityType: "finding",
    setup: findingFixture,
    run: async (ctx, fx) => {
      await updateFindingStatus({ ctx, input: { findingId: fx.findingId!, status: "accepted", reason: "Refusal wording only", version: fx.findingVersion! } });
      return { entityId: fx.findingId!, subjectId: fx.systemId! };
    },
    changes: (c) => expect(c).toEqual({ status: { before: "open", after: "accepted" }, statusReason: { before: "", after: "Refusal wording only" } }),
  },
  {
    verb: "linkFindingToRisk",
    action: "finding.link_risk",
    entityType: "finding",
    setup: async (org) => {
      const fx = await findingFixture(org);
      const risk = await createRisk({
        ctx: org.system,
        input: { systemId: fx.systemId!, risk: { title: "Jailbreak", category: "security", inherentLikelihood: 3, inherentImpact: 3 } },
      });
      return { ...fx, riskId: risk.id };
    },
    run: async (ctx, fx) => {
      await linkFindingToRisk({ ctx, input: { findingId: fx.findingId!, riskId: fx.riskId!, version: fx.findingVersion! } });
      return { entityId: fx.findingId!, subjectId: fx.systemId! };
    },
    changes: (c, fx) => expect(c).toEqual({ riskId: { before: null, after: fx.riskId } }),
  },
  {
    verb: "createRiskFromFinding",
    action: "finding.create_risk",
    entityType: "risk",
    setup: findingFixture,
    run: async (ctx, fx) => {
      const risk = await createRiskFromFinding({ ctx, input: { findingId: fx.findingId!, version: fx.findingVersion! } });
      return { entityId: risk.id, subjectId: fx.systemId! };
    },
    changes: (c, fx) =>
      expect(c).toMatchObject({
        category: { before: null, after: "security" },
        techniqueIds: { before: null, after: ["AML.T0051.000", "AML.T0054"] },
        inherentLikelihood: { before: null, after: 5 },
        findingId: { before: null, after: fx.findingId },
      }),
  },
  {
    verb: "saveTestMapping",
    action: "test_mapping.save",
    entityType: "test_mapping",
    run: async (ctx) => {
      const saved = await saveTestMapping({ ctx, input: { tool: "acme", testId: "leak-1", techniqueIds: ["AML.T0057"], note: "Leaks data" } });
      return { entityId: saved.id, subjectId: null };
    },
    changes: (c) =>
      expect(c).toEqual({
        tool: { before: null, after: "acme" },
        testId: { before: null, after: "leak-1" },
        techniqueIds: { before: null, after: ["AML.T0057"] },
        owaspIds: { before: null, after: [] },
        note: { before: null, after: "Leaks data" },
        remappedFindings: { before: null, after: 0 },
      }),
  },
];

describe("every mutating verb writes exactly one audit event", () => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await createTestOrg("audit-one");
  });

  it("the organisation starts with organization.create as event #1", async () => {
    const [first, ...rest] = await eventsOf(org.orgId);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({
      seq: 1,
      action: "organization.create",
      entityType: "organization",
      entityId: org.orgId,
      actorType: "system",
      prevHash: null,
    });
  });

  it("covers every audited action except classification (tested with the classification verbs) and the non-admin actors' ones", () => {
    const covered = new Set<string>(["organization.create", ...MUTATIONS.map((m) => m.action)]);
    // member.add is the system actor's (seed, CLI: members-tokens.test.ts); invitation.accept is the invitee's (invitations.test.ts);
    // finding_import.process is the background job's (findings-import.test.ts)
    const elsewhere = new Set<string>(["member.add", "invitation.accept", "finding_import.process"]);
    for (const action of covered) expect(AUDIT_ACTIONS).toContain(action);
    expect(AUDIT_ACTIONS.filter((a) => !a.startsWith("classification.") && !elsewhere.has(a) && !covered.has(a))).toEqual([]);
  });

  it.each(MUTATIONS.map((m) => [`${m.verb} → ${m.action}`, m] as const))("%s", async (_name, m) => {
    const fx = (await m.setup?.(org)) ?? {};
    const ctx = org.as("admin");
    const head = await orgHead(org.orgId);
    const expected = await m.run(ctx, fx);
    const after = await orgHead(org.orgId);
    expect(after.auditSeq).toBe(head.auditSeq + 1);
    const written = await db.auditEvent.findMany({ where: { orgId: org.orgId, seq: { gt: head.auditSeq } } });
    expect(written).toHaveLength(1);
    const [event] = written;
    expect(event).toMatchObject({
      seq: head.auditSeq + 1,
      action: m.action,
      entityType: m.entityType,
      entityId: expected.entityId,
      subjectId: expected.subjectId,
      actorType: "user",
      actorId: actorId(ctx.actor),
      actorLabel: ctx.actor.label,
      prevHash: head.auditHeadHash,
      hash: after.auditHeadHash,
    });
    m.changes(event.changes as Record<string, unknown>, fx);
  });

  it("an update that changes nothing writes no event and keeps the version", async () => {
    const s = await createSystem({ ctx: org.system, input: { name: "Same", vendor: "Acme" } });
    const head = await orgHead(org.orgId);
    const result = await updateSystem({ ctx: org.as("admin"), input: { id: s.id, patch: { name: " Same ", vendor: "Acme", version: s.version } } });
    expect(result.version).toBe(s.version);
    expect(await orgHead(org.orgId)).toEqual(head);
  });

  it("records a token actor as such", async () => {
    const ctx: ServiceContext = { orgId: org.orgId, actor: { type: "token", tokenId: "tok_123", scopes: ["write"], label: 'API token "CI"' } };
    const s = await createSystem({ ctx, input: { name: "Via API" } });
    const event = await db.auditEvent.findFirstOrThrow({ where: { orgId: org.orgId, entityId: s.id } });
    expect(event).toMatchObject({ actorType: "token", actorId: "tok_123", actorLabel: 'API token "CI"' });
  });

  it("a mutation rolled back with its caller's transaction leaves no event (fail closed)", async () => {
    const head = await orgHead(org.orgId);
    await expect(
      db.$transaction(async (tx) => {
        await createSystem({ ctx: { ...org.as("admin"), tx }, input: { name: "Rolled back" } });
        throw new Error("boom after the write");
      }),
    ).rejects.toThrow("boom");
    expect(await orgHead(org.orgId)).toEqual(head);
    expect(await db.aISystem.count({ where: { orgId: org.orgId, name: "Rolled back" } })).toBe(0);
  });

  it("the chain of all the events above verifies", async () => {
    const report = await verifyAuditChain({ ctx: org.as("auditor") });
    const { auditSeq } = await orgHead(org.orgId);
    expect(report).toEqual({ ok: true, checked: auditSeq, headSeq: auditSeq, firstBreak: null });
  });
});

// ---------------------------------------------------------------------------------------------
// Verification and tampering
// ---------------------------------------------------------------------------------------------

describe("verifyAuditChain", () => {
  it("is ok on an intact chain", async () => {
    const org = await orgWithEvents(5);
    expect(await verifyAuditChain({ ctx: org.as("auditor") })).toEqual({ ok: true, checked: 5, headSeq: 5, firstBreak: null });
  });

  it("each event links to the previous event's hash and its hash recomputes", async () => {
    const org = await orgWithEvents(4);
    const events = await eventsOf(org.orgId);
    events.forEach((e, i) => {
      expect(e.seq).toBe(i + 1);
      expect(e.prevHash).toBe(i === 0 ? null : events[i - 1].hash);
      const { id: _id, hash, createdAt, ...content } = e;
      expect(computeEventHash({ ...content, createdAt: createdAt.toISOString() })).toBe(hash);
    });
    expect((await orgHead(org.orgId)).auditHeadHash).toBe(events[3].hash);
  });

  it("edited changes of event #3 → broken at #3", async () => {
    const org = await orgWithEvents(5);
    const third = await eventAt(org.orgId, 3);
    await tamper(
      `UPDATE "AuditEvent" SET changes = $1::jsonb WHERE "orgId" = $2 AND seq = 3`,
      JSON.stringify({ name: { before: "A", after: "Innocent" } }),
      org.orgId,
    );
    const report = await verifyAuditChain({ ctx: org.as("auditor") });
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toEqual({ seq: 3, eventId: third.id, reason: expect.stringMatching(/altered/) });
    expect(report.checked).toBe(2);
  });

  it("a deleted middle event → broken at the deleted seq", async () => {
    const org = await orgWithEvents(5);
    await tamper(`DELETE FROM "AuditEvent" WHERE "orgId" = $1 AND seq = 3`, org.orgId);
    const report = await verifyAuditChain({ ctx: org.as("auditor") });
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toEqual({ seq: 3, eventId: null, reason: expect.stringMatching(/#3 is missing/) });
  });

  it("a changed prevHash → broken at that event", async () => {
    const org = await orgWithEvents(5);
    const fourth = await eventAt(org.orgId, 4);
    await tamper(`UPDATE "AuditEvent" SET "prevHash" = $1 WHERE "orgId" = $2 AND seq = 4`, "0".repeat(64), org.orgId);
    const report = await verifyAuditChain({ ctx: org.as("auditor") });
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toEqual({ seq: 4, eventId: fourth.id, reason: expect.stringMatching(/does not link/) });
  });

  it("a deleted last event → the organisation head no longer matches, broken at that seq", async () => {
    const org = await orgWithEvents(5);
    await tamper(`DELETE FROM "AuditEvent" WHERE "orgId" = $1 AND seq = 5`, org.orgId);
    const report = await verifyAuditChain({ ctx: org.as("auditor") });
    expect(report).toMatchObject({ ok: false, checked: 4, headSeq: 5 });
    expect(report.firstBreak).toEqual({ seq: 5, eventId: null, reason: expect.stringMatching(/head/) });
  });

  it("an edited event whose hash was recomputed by the forger → broken at the NEXT event", async () => {
    const org = await orgWithEvents(5);
    const third = await eventAt(org.orgId, 3);
    const forgedChanges = { name: { before: "x", after: "forged" } };
    const { id: _id, hash: _hash, createdAt, ...content } = third;
    const forgedHash = computeEventHash({ ...content, changes: forgedChanges, createdAt: createdAt.toISOString() });
    await tamper(`UPDATE "AuditEvent" SET changes = $1::jsonb, hash = $2 WHERE id = $3`, JSON.stringify(forgedChanges), forgedHash, third.id);
    const fourth = await eventAt(org.orgId, 4);
    const report = await verifyAuditChain({ ctx: org.as("auditor") });
    expect(report.firstBreak).toEqual({ seq: 4, eventId: fourth.id, reason: expect.stringMatching(/does not link/) });
  });

  it("an edited actor label → broken at that event", async () => {
    const org = await orgWithEvents(4);
    await tamper(`UPDATE "AuditEvent" SET "actorLabel" = 'someone else' WHERE "orgId" = $1 AND seq = 2`, org.orgId);
    const report = await verifyAuditChain({ ctx: org.as("auditor") });
    expect(report).toMatchObject({ ok: false, firstBreak: { seq: 2 } });
  });

  it("tampering in one organisation leaves another organisation's chain intact", async () => {
    const [tampered, clean] = await Promise.all([orgWithEvents(3), orgWithEvents(3)]);
    await tamper(`UPDATE "AuditEvent" SET changes = '{}'::jsonb WHERE "orgId" = $1 AND seq = 2`, tampered.orgId);
    expect((await verifyAuditChain({ ctx: tampered.as("admin") })).ok).toBe(false);
    expect((await verifyAuditChain({ ctx: clean.as("admin") })).ok).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Concurrency
// ---------------------------------------------------------------------------------------------

describe("concurrent mutations", () => {
  it("10 parallel updateSystem/createSystem calls produce a gap-free chain that verifies", async () => {
    const org = await createTestOrg("concurrent");
    const systems = [];
    for (let i = 0; i < 5; i++) systems.push(await createSystem({ ctx: org.as("admin"), input: { name: `Base ${i}` } }));
    const before = (await orgHead(org.orgId)).auditSeq;

    const results = await Promise.allSettled([
      ...systems.map((s, i) =>
        updateSystem({ ctx: org.as("compliance_officer"), input: { id: s.id, patch: { description: `parallel ${i}`, version: s.version } } }),
      ),
      ...systems.map((_, i) => createSystem({ ctx: org.as("admin"), input: { name: `Parallel ${i}` } })),
    ]);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);

    const events = await eventsOf(org.orgId);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: before + 10 }, (_, i) => i + 1));
    events.forEach((e, i) => expect(e.prevHash).toBe(i === 0 ? null : events[i - 1].hash));
    expect(
      events
        .slice(before)
        .map((e) => e.action)
        .sort(),
    ).toEqual([...Array(5).fill("system.create"), ...Array(5).fill("system.update")]);
    expect(await verifyAuditChain({ ctx: org.as("auditor") })).toEqual({ ok: true, checked: before + 10, headSeq: before + 10, firstBreak: null });
  });

  it("verifying while other mutations commit never reports a break on an intact chain", async () => {
    const org = await createTestOrg("verify-live");
    let writing = true;
    const writer = (async () => {
      try {
        for (let i = 0; i < 40; i++) await createSystem({ ctx: org.as("admin"), input: { name: `Live ${i}` } });
      } finally {
        writing = false;
      }
    })();
    const reports = [];
    while (writing) reports.push(await verifyAuditChain({ ctx: org.as("auditor") }));
    await writer;
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.filter((r) => !r.ok)).toEqual([]);
    expect(await verifyAuditChain({ ctx: org.as("auditor") })).toMatchObject({ ok: true, checked: 41 });
  });
});
