import { beforeAll, describe, expect, it } from "vitest";
import { createTestOrg, type TestOrg } from "@/scripts/support/create-test-org";
import { expectAppError, randomId } from "@/tests/support/harness";
import { createSystem } from "@/lib/systems/create-system";
import { archiveSystem } from "@/lib/systems/archive-system";
import { createComponent } from "@/lib/components/create-component";
import { createRisk } from "@/lib/risks/create-risk";
import { acceptRisk } from "@/lib/risks/accept-risk";
import { proposeClassification } from "@/lib/classification/propose-classification";
import { getSystemPage } from "@/lib/systems/get-system-page";
import { getSystemsPage } from "@/lib/systems/get-systems-page";
import { getSystemEditPage } from "@/lib/systems/get-system-edit-page";
import { getSystemRisksPage } from "@/lib/risks/get-system-risks-page";
import { getRiskPage } from "@/lib/risks/get-risk-page";
import { loadRiskRegister } from "@/lib/risks/load-risk-register";
import { getAuditPage } from "@/lib/audit/get-audit-page";
import { getSettingsPage } from "@/lib/members/get-settings-page";
import { getAtlasCatalogPage } from "@/lib/atlas/get-atlas-catalog-page";

// The page-shaped loaders (ARCHITECTURE.md, "Page loading"): each page that needs more than one read calls
// one of these. Every actor's allow/deny per permission is in permission-matrix.test.ts and the
// cross-organisation probes in tenant-isolation.test.ts; here, what each returns and the viewer it
// computes, and that another organisation's id is NOT_FOUND exactly like an id that exists nowhere.

let a: TestOrg;
let b: TestOrg;
let systemId: string;
let archivedId: string;
let riskId: string;
let acceptedRiskId: string;
const RISK = { title: "Prompt injection", category: "security" as const, inherentLikelihood: 3, inherentImpact: 4, techniqueIds: ["AML.T0051"] };

beforeAll(async () => {
  [a, b] = await Promise.all([createTestOrg("loaders-a"), createTestOrg("loaders-b")]);
  const admin = a.as("admin");
  systemId = (await createSystem({ ctx: admin, input: { name: "Support bot", ownerId: a.users.risk_owner.id, businessUnit: "Support" } })).id;
  await createComponent({ ctx: admin, input: { systemId, component: { kind: "model", name: "Base model" } } });
  await proposeClassification({ ctx: admin, input: { systemId, answers: { annex1_product: false, annex3_areas: [] } } });
  archivedId = (await createSystem({ ctx: admin, input: { name: "Old bot" } })).id;
  await archiveSystem({ ctx: admin, input: { id: archivedId } });
  riskId = (await createRisk({ ctx: admin, input: { systemId, risk: { ...RISK, owaspIds: ["LLM01:2025"] } } })).id;
  acceptedRiskId = (await createRisk({ ctx: admin, input: { systemId, risk: { ...RISK, title: "Accepted one" } } })).id;
  await acceptRisk({ ctx: admin, input: { id: acceptedRiskId, approverId: a.users.executive.id, reason: "Within the agreed risk appetite", version: 1 } });
});

describe("getSystemPage", () => {
  it("returns the system with its components, the latest classification, the history and the viewer", async () => {
    const page = await getSystemPage({ ctx: a.as("admin"), input: { id: systemId } });
    expect(page.system).toMatchObject({ id: systemId, name: "Support bot" });
    expect(page.system).not.toHaveProperty("viewer");
    expect(page.system.components.map((c) => c.name)).toEqual(["Base model"]);
    expect(page.classification).toMatchObject({ proposedTier: expect.any(String), decision: null });
    expect(page.history.map((h) => h.action)).toEqual(expect.arrayContaining(["system.create", "component.create"]));
    expect(page.viewer).toMatchObject({ canEdit: true, canClassify: true, canArchive: true });
    expect(JSON.parse(JSON.stringify(page))).toEqual(page); // plain, serialisable DTOs
  });

  it("computes the viewer per actor: read-only roles see nothing to do, an archived system only restore", async () => {
    const auditor = await getSystemPage({ ctx: a.as("auditor"), input: { id: systemId } });
    expect(Object.values(auditor.viewer).every((v) => v === false)).toBe(true);
    const archived = await getSystemPage({ ctx: a.as("admin"), input: { id: archivedId } });
    expect(archived.viewer).toMatchObject({ canEdit: false, canClassify: false, canArchive: true, canWriteRisks: false });
    expect(archived.classification).toBeNull();
  });

  it("another organisation's id is NOT_FOUND, as an id that exists nowhere", async () => {
    await expectAppError(getSystemPage({ ctx: b.as("admin"), input: { id: systemId } }), "NOT_FOUND");
    await expectAppError(getSystemPage({ ctx: b.as("admin"), input: { id: randomId() } }), "NOT_FOUND");
  });
});

describe("getSystemEditPage", () => {
  it("returns the system and the owner picker for who may edit it", async () => {
    const page = await getSystemEditPage({ ctx: a.as("admin"), input: { id: systemId } });
    expect(page.system).toMatchObject({ id: systemId, version: 1 });
    expect(page.owners.map((o) => o.id)).toContain(a.users.risk_owner.id);
    expect(page.viewer).toMatchObject({ canEdit: true, canChangeOwner: true });
  });

  it("a risk owner edits their own system but may not hand it over; an auditor gets no owners", async () => {
    expect((await getSystemEditPage({ ctx: a.as("risk_owner"), input: { id: systemId } })).viewer).toMatchObject({ canEdit: true, canChangeOwner: false });
    const auditor = await getSystemEditPage({ ctx: a.as("auditor"), input: { id: systemId } });
    expect(auditor.viewer.canEdit).toBe(false);
    expect(auditor.owners).toEqual([]);
  });

  it("another organisation's id is NOT_FOUND", async () => {
    await expectAppError(getSystemEditPage({ ctx: b.as("admin"), input: { id: systemId } }), "NOT_FOUND");
  });
});

describe("getSystemsPage", () => {
  it("parses URL state into filters and returns the page of systems, the filters' choices and the viewer", async () => {
    const page = await getSystemsPage({ ctx: a.as("admin"), input: { status: "all", page: "x", tier: "nonsense" } });
    expect(page.filters).toMatchObject({ status: "all", page: 1, tier: undefined });
    expect(page.list.items.map((s) => s.name).sort()).toEqual(["Old bot", "Support bot"]);
    expect(page.options.businessUnits).toEqual(["Support"]);
    expect(page.viewer).toEqual({ canCreate: true });
    expect((await getSystemsPage({ ctx: a.as("auditor"), input: {} })).viewer).toEqual({ canCreate: false });
  });

  it("shows only the caller's organisation", async () => {
    const page = await getSystemsPage({ ctx: b.as("admin"), input: { status: "all" } });
    expect(page.list.total).toBe(0);
    expect(page.options.owners.map((o) => o.id)).not.toContain(a.users.admin.id);
  });
});

describe("getSystemRisksPage", () => {
  it("returns the register scoped to the system, its name, the form's choices and the viewer", async () => {
    const page = await getSystemRisksPage({ ctx: a.as("admin"), input: { systemId, query: {} } });
    expect(page.system).toEqual({ id: systemId, name: "Support bot" });
    expect(page.register.filters.systemId).toBe(systemId);
    expect(page.register.list.items.map((r) => r.id).sort()).toEqual([riskId, acceptedRiskId].sort());
    expect(page.register.options.members.map((m) => m.id)).toContain(a.users.executive.id);
    expect(page.catalogOptions.owasp.length).toBeGreaterThan(0);
    expect(page.prefill).toBeNull();
    expect(page.viewer.canWriteRisks).toBe(true);
    expect((await getSystemRisksPage({ ctx: a.as("executive"), input: { systemId, query: {} } })).viewer.canWriteRisks).toBe(false);
  });

  it("pre-fills a new risk from an ATLAS technique of the built-in catalog, and nothing from an unknown one", async () => {
    const known = await getSystemRisksPage({ ctx: a.as("admin"), input: { systemId, query: { technique: " AML.T0051 " } } });
    expect(known.prefill).toEqual({ technique: "AML.T0051", initial: { title: expect.any(String), category: "security", techniqueIds: ["AML.T0051"] } });
    const unknown = await getSystemRisksPage({ ctx: a.as("admin"), input: { systemId, query: { technique: "AML.T9999" } } });
    expect(unknown.prefill).toEqual({ technique: "AML.T9999", initial: null });
  });

  it("another organisation's id is NOT_FOUND", async () => {
    await expectAppError(getSystemRisksPage({ ctx: b.as("admin"), input: { systemId, query: {} } }), "NOT_FOUND");
  });
});

describe("getRiskPage", () => {
  it("returns the risk, its system, history, catalog names, the form's choices, approvers and the viewer", async () => {
    const page = await getRiskPage({ ctx: a.as("admin"), input: { id: riskId } });
    expect(page.risk).toMatchObject({ id: riskId, title: "Prompt injection", systemId });
    expect(page.risk).not.toHaveProperty("viewer");
    expect(page.system).toEqual({ id: systemId, name: "Support bot" });
    expect(page.history.map((h) => h.action)).toEqual(["risk.create"]);
    expect(page.names.techniques["AML.T0051"]).toEqual(expect.any(String));
    expect(page.names.owasp["LLM01:2025"]).toEqual(expect.any(String));
    expect(page.formOptions.likelihoodLabels).toHaveLength(5);
    expect(page.formOptions.members.length).toBeGreaterThan(0);
    expect(page.approvers.map((p) => p.id)).toContain(a.users.executive.id);
    expect(page.viewer).toEqual({ canEdit: true });
    expect(JSON.parse(JSON.stringify(page))).toEqual(page);
  });

  it("lists approvers only while the viewer may accept the risk", async () => {
    expect((await getRiskPage({ ctx: a.as("admin"), input: { id: acceptedRiskId } })).approvers).toEqual([]);
    const auditor = await getRiskPage({ ctx: a.as("auditor"), input: { id: riskId } });
    expect(auditor.viewer).toEqual({ canEdit: false });
    expect(auditor.approvers).toEqual([]);
  });

  it("another organisation's id is NOT_FOUND", async () => {
    await expectAppError(getRiskPage({ ctx: b.as("admin"), input: { id: riskId } }), "NOT_FOUND");
  });
});

describe("loadRiskRegister (the organisation's register page)", () => {
  it("returns the filters' choices and whether the viewer may edit the matrix", async () => {
    const page = await loadRiskRegister({ ctx: a.as("admin"), input: {} });
    expect(page.options.systems.map((s) => s.id)).toContain(systemId);
    expect(page.viewer).toEqual({ canManageMatrix: true });
    expect((await loadRiskRegister({ ctx: a.as("auditor"), input: {} })).viewer).toEqual({ canManageMatrix: false });
    expect((await loadRiskRegister({ ctx: b.as("admin"), input: {} })).options.systems).toEqual([]);
  });
});

describe("getAuditPage", () => {
  it("returns the page of events, and the chain check only when asked", async () => {
    const plain = await getAuditPage({ ctx: a.as("auditor"), input: {} });
    expect(plain.list.items.length).toBeGreaterThan(0);
    expect(plain.report).toBeNull();
    const verified = await getAuditPage({ ctx: a.as("auditor"), input: { verify: "1" } });
    expect(verified.report).toMatchObject({ ok: true });
  });

  it("needs audit:read", async () => {
    await expectAppError(getAuditPage({ ctx: a.as("executive"), input: {} }), "FORBIDDEN");
  });
});

describe("getSettingsPage", () => {
  it("returns invitations and tokens only to who manages them", async () => {
    const admin = await getSettingsPage({ ctx: a.as("admin") });
    expect(admin.members.length).toBe(5);
    expect(admin.tokens).toEqual([]);
    expect(admin.invitations).toEqual([]);
    expect(admin.viewer).toEqual({ canManageMembers: true, canManageTokens: true });
    const auditor = await getSettingsPage({ ctx: a.as("auditor") });
    expect(auditor).toMatchObject({ tokens: null, invitations: null, viewer: { canManageMembers: false, canManageTokens: false } });
  });
});

describe("getAtlasCatalogPage", () => {
  it("returns the current release's contents, the organisation's releases, tactic names and the viewer", async () => {
    const page = await getAtlasCatalogPage({ ctx: a.as("admin") });
    expect(page.view.techniques.length).toBeGreaterThan(0);
    expect(page.releases).toEqual([]);
    expect(Object.keys(page.tacticNames)).toEqual(page.view.tactics.map((t) => t.id));
    expect(page.viewer.canImport).toBe(true);
    expect((await getAtlasCatalogPage({ ctx: a.as("auditor") })).viewer.canImport).toBe(false);
  });
});
