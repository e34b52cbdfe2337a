import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { ServiceContext } from "@/lib/context";
import { createTestOrg, type TestOrg } from "@/scripts/support/create-test-org";
import { auditSeq, expectAppError } from "@/tests/support/harness";
import { createSystem } from "@/lib/systems/create-system";
import { updateSystem } from "@/lib/systems/update-system";
import { archiveSystem } from "@/lib/systems/archive-system";
import { restoreSystem } from "@/lib/systems/restore-system";
import { listSystems } from "@/lib/systems/list-systems";
import { getSystem } from "@/lib/systems/get-system";
import { listEntityHistory } from "@/lib/audit/list-entity-history";
import { getInventoryStats } from "@/lib/systems/get-inventory-stats";
import type { ListSystemsInput } from "@/lib/systems/schemas";
import { createComponent } from "@/lib/components/create-component";
import { updateComponent } from "@/lib/components/update-component";
import { deleteComponent } from "@/lib/components/delete-component";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { removeMember } from "@/lib/members/remove-member";
import { listMembers } from "@/lib/members/list-members";

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** A VALIDATION error naming `path`, which wrote nothing. */
async function expectValidation(org: TestOrg, call: () => Promise<unknown>, path: string) {
  const seq = await auditSeq(org.orgId);
  const error = await expectAppError(call(), "VALIDATION");
  expect(error.issues.map((i) => i.path)).toContain(path);
  expect(await auditSeq(org.orgId)).toBe(seq);
  return error;
}

const names = (list: { items: { name: string }[] }) => list.items.map((s) => s.name);

const list = (ctx: ServiceContext, input: ListSystemsInput) => listSystems({ ctx, input });

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

describe("createSystem", () => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await createTestOrg("sys-create");
  });

  it("fills in the defaults and trims the name", async () => {
    const created = await createSystem({ ctx: org.as("compliance_officer"), input: { name: "  CV screening  " } });
    expect(created).toMatchObject({
      name: "CV screening",
      description: "",
      purpose: "",
      businessUnit: "",
      ownerId: null,
      owner: null,
      lifecycleStage: "idea",
      euAiActRole: "deployer",
      riskTier: "unclassified",
      riskTierBasis: "",
      riskTierRationale: "",
      modelType: "",
      foundationModel: "",
      vendor: "",
      hosting: null,
      dataCategories: [],
      affectedPersons: "",
      humanOversight: "",
      autonomyLevel: "human_in_the_loop",
      isDemo: false,
      archivedAt: null,
      version: 1,
      components: [],
    });
    // getSystem adds what the viewer may do (an executive: nothing)
    const { viewer, ...read } = await getSystem({ ctx: org.as("executive"), input: { id: created.id } });
    expect(read).toEqual(created);
    expect(Object.values(viewer).some(Boolean)).toBe(false);
  });

  it("accepts an owner who is a member and returns the owner's name", async () => {
    const created = await createSystem({ ctx: org.as("admin"), input: { name: "Owned", ownerId: org.users.risk_owner.id } });
    expect(created.ownerId).toBe(org.users.risk_owner.id);
    expect(created.owner?.id).toBe(org.users.risk_owner.id);
  });

  it("refuses an owner who is not a member (VALIDATION on ownerId), writing nothing", async () => {
    const outsider = await db.user.create({
      data: { email: `outsider-${randomBytes(4).toString("hex")}@example.test`, name: "Outsider" },
      select: { id: true },
    });
    const before = await db.aISystem.count({ where: { orgId: org.orgId } });
    await expectValidation(org, () => createSystem({ ctx: org.as("admin"), input: { name: "Bad owner", ownerId: outsider.id } }), "ownerId");
    await expectValidation(org, () => createSystem({ ctx: org.as("admin"), input: { name: "Bad owner", ownerId: "no-such-user" } }), "ownerId");
    expect(await db.aISystem.count({ where: { orgId: org.orgId } })).toBe(before);
    const s = await createSystem({ ctx: org.as("admin"), input: { name: "Will get a bad owner" } });
    await expectValidation(
      org,
      () => updateSystem({ ctx: org.as("admin"), input: { id: s.id, patch: { ownerId: outsider.id, version: s.version } } }),
      "ownerId",
    );
  });
});

describe("validation errors carry field paths", () => {
  let org: TestOrg;
  let systemId: string;
  beforeAll(async () => {
    org = await createTestOrg("sys-validate");
    systemId = (await createSystem({ ctx: org.as("admin"), input: { name: "Valid" } })).id;
  });

  it("name too long → path name", async () => {
    const error = await expectValidation(org, () => createSystem({ ctx: org.as("admin"), input: { name: "x".repeat(201) } }), "name");
    expect(error.issues.find((i) => i.path === "name")?.message).toMatch(/200/);
  });

  it("empty name → path name", async () => {
    await expectValidation(org, () => createSystem({ ctx: org.as("admin"), input: { name: "   " } }), "name");
  });

  it("unknown field → path with that field's name", async () => {
    const error = await expectValidation(org, () => createSystem({ ctx: org.as("admin"), input: { name: "x", colour: "red" } as never }), "colour");
    expect(error.issues.find((i) => i.path === "colour")?.message).toBe("Unknown field");
  });

  it("unknown field in an update patch → path with that field's name", async () => {
    await expectValidation(org, () => updateSystem({ ctx: org.as("admin"), input: { id: systemId, patch: { version: 1, orgId: "other" } as never } }), "orgId");
  });

  it("enum and array fields → their paths", async () => {
    await expectValidation(org, () => createSystem({ ctx: org.as("admin"), input: { name: "x", riskTier: "extreme" } as never }), "riskTier");
    await expectValidation(org, () => createSystem({ ctx: org.as("admin"), input: { name: "x", dataCategories: ["children", "children"] } }), "dataCategories");
    await expectValidation(org, () => createSystem({ ctx: org.as("admin"), input: { name: "x", dataCategories: ["gossip"] } as never }), "dataCategories.0");
  });

  it("update without version → path version", async () => {
    await expectValidation(org, () => updateSystem({ ctx: org.as("admin"), input: { id: systemId, patch: { name: "y" } as never } }), "version");
  });

  it("bad sha256 on a component → path sha256", async () => {
    const error = await expectValidation(
      org,
      () => createComponent({ ctx: org.as("admin"), input: { systemId, component: { kind: "model", name: "m", sha256: "not-a-hash" } } }),
      "sha256",
    );
    expect(error.issues.find((i) => i.path === "sha256")?.message).toMatch(/SHA-256/);
    await expectValidation(
      org,
      () => createComponent({ ctx: org.as("admin"), input: { systemId, component: { kind: "model", name: "m", sha256: "a".repeat(63) } } }),
      "sha256",
    );
  });

  it("a valid sha256 is stored lower-cased; a non-http source URL → path sourceUrl", async () => {
    const c = await createComponent({ ctx: org.as("admin"), input: { systemId, component: { kind: "model", name: "m", sha256: "AB".repeat(32) } } });
    expect(c.sha256).toBe("ab".repeat(32));
    await expectValidation(
      org,
      () => createComponent({ ctx: org.as("admin"), input: { systemId, component: { kind: "model", name: "m", sourceUrl: "ftp://example.com/x" } } }),
      "sourceUrl",
    );
  });
});

describe("optimistic concurrency", () => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await createTestOrg("sys-occ");
  });

  it("two edits from the same version: the second gets CONFLICT mentioning reload, and writes nothing", async () => {
    const s = await createSystem({ ctx: org.as("admin"), input: { name: "Shared" } });
    const first = await updateSystem({ ctx: org.as("compliance_officer"), input: { id: s.id, patch: { name: "First", version: s.version } } });
    expect(first.version).toBe(s.version + 1);

    const seq = await auditSeq(org.orgId);
    const error = await expectAppError(
      updateSystem({ ctx: org.as("admin"), input: { id: s.id, patch: { description: "Second", version: s.version } } }),
      "CONFLICT",
    );
    expect(error.message).toMatch(/reload/i);
    expect(await auditSeq(org.orgId)).toBe(seq);
    const now = await getSystem({ ctx: org.as("admin"), input: { id: s.id } });
    expect(now).toMatchObject({ name: "First", description: "", version: first.version });
  });

  it("two simultaneous edits from the same version: exactly one wins", async () => {
    const s = await createSystem({ ctx: org.as("admin"), input: { name: "Race" } });
    const seq = await auditSeq(org.orgId);
    const results = await Promise.allSettled([
      updateSystem({ ctx: org.as("admin"), input: { id: s.id, patch: { name: "Left", version: s.version } } }),
      updateSystem({ ctx: org.as("compliance_officer"), input: { id: s.id, patch: { name: "Right", version: s.version } } }),
    ]);
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason).toMatchObject({ code: "CONFLICT" });
    expect(await auditSeq(org.orgId)).toBe(seq + 1);
    expect((await getSystem({ ctx: org.as("admin"), input: { id: s.id } })).version).toBe(s.version + 1);
  });

  it("editing with the fresh version after a conflict succeeds", async () => {
    const s = await createSystem({ ctx: org.as("admin"), input: { name: "Retry" } });
    const v2 = await updateSystem({ ctx: org.as("admin"), input: { id: s.id, patch: { name: "Retry 2", version: s.version } } });
    await expectAppError(updateSystem({ ctx: org.as("admin"), input: { id: s.id, patch: { name: "Stale", version: s.version } } }), "CONFLICT");
    await expect(updateSystem({ ctx: org.as("admin"), input: { id: s.id, patch: { name: "Retry 3", version: v2.version } } })).resolves.toMatchObject({
      name: "Retry 3",
      version: 3,
    });
  });
});

describe("archive and restore", () => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await createTestOrg("sys-archive");
  });

  it("archive hides from the default list, status=archived shows it, restore brings it back", async () => {
    const kept = await createSystem({ ctx: org.as("admin"), input: { name: "Kept" } });
    const s = await createSystem({ ctx: org.as("admin"), input: { name: "Old tool" } });
    const archived = await archiveSystem({ ctx: org.as("compliance_officer"), input: { id: s.id } });
    expect(archived.archivedAt).not.toBeNull();
    expect(archived.version).toBe(s.version + 1);

    expect(names(await list(org.as("executive"), {}))).toEqual(["Kept"]);
    expect(names(await list(org.as("executive"), { status: "archived" }))).toEqual(["Old tool"]);
    expect(names(await list(org.as("executive"), { status: "all" }))).toEqual(["Kept", "Old tool"]);
    expect(await getInventoryStats({ ctx: org.as("executive") })).toMatchObject({ total: 1, archived: 1 });
    // still readable by id
    expect((await getSystem({ ctx: org.as("auditor"), input: { id: s.id } })).archivedAt).toBe(archived.archivedAt);

    const restored = await restoreSystem({ ctx: org.as("compliance_officer"), input: { id: s.id } });
    expect(restored.archivedAt).toBeNull();
    expect(names(await list(org.as("executive"), {}))).toEqual(["Kept", "Old tool"]);
    expect(names(await list(org.as("executive"), { status: "archived" }))).toEqual([]);
    expect(kept.archivedAt).toBeNull();
  });

  it("editing an archived system, or its components, → CONFLICT and nothing written", async () => {
    const s = await createSystem({ ctx: org.as("admin"), input: { name: "Frozen" } });
    const c = await createComponent({ ctx: org.as("admin"), input: { systemId: s.id, component: { kind: "model", name: "m" } } });
    const archived = await archiveSystem({ ctx: org.as("admin"), input: { id: s.id } });
    const seq = await auditSeq(org.orgId);
    const error = await expectAppError(
      updateSystem({ ctx: org.as("admin"), input: { id: s.id, patch: { name: "Thawed", version: archived.version } } }),
      "CONFLICT",
    );
    expect(error.message).toMatch(/restore/i);
    await expectAppError(createComponent({ ctx: org.as("admin"), input: { systemId: s.id, component: { kind: "model", name: "n" } } }), "CONFLICT");
    await expectAppError(updateComponent({ ctx: org.as("admin"), input: { id: c.id, component: { kind: "model", name: "n" } } }), "CONFLICT");
    await expectAppError(deleteComponent({ ctx: org.as("admin"), input: { id: c.id } }), "CONFLICT");
    expect(await auditSeq(org.orgId)).toBe(seq);
    expect(await getSystem({ ctx: org.as("admin"), input: { id: s.id } })).toMatchObject({ name: "Frozen", components: [{ id: c.id, name: "m" }] });
  });

  it("archiving twice or restoring an active system → CONFLICT", async () => {
    const s = await createSystem({ ctx: org.as("admin"), input: { name: "Twice" } });
    await expectAppError(restoreSystem({ ctx: org.as("admin"), input: { id: s.id } }), "CONFLICT");
    await archiveSystem({ ctx: org.as("admin"), input: { id: s.id } });
    await expectAppError(archiveSystem({ ctx: org.as("admin"), input: { id: s.id } }), "CONFLICT");
  });
});

describe("listSystems: filters, sorting, pagination", () => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await createTestOrg("sys-list");
    const ctx = org.as("admin");
    await createSystem({
      ctx,
      input: { name: "Credit scoring", riskTier: "high", lifecycleStage: "production", businessUnit: "Retail", ownerId: org.users.risk_owner.id },
    });
    await createSystem({
      ctx,
      input: {
        name: "Chatbot",
        riskTier: "limited",
        lifecycleStage: "development",
        businessUnit: "Support",
        description: "Answers questions about CREDIT cards",
      },
    });
    await createSystem({
      ctx,
      input: {
        name: "Fraud detection",
        riskTier: "high",
        lifecycleStage: "validation",
        businessUnit: "Retail",
        vendor: "CreditTech Ltd",
        ownerId: org.users.risk_owner.id,
      },
    });
    await createSystem({
      ctx,
      input: { name: "Spam filter", riskTier: "minimal", lifecycleStage: "production", businessUnit: "IT", ownerId: org.users.compliance_officer.id },
    });
    await createSystem({ ctx, input: { name: "Loan triage", riskTier: "high", businessUnit: "Lending", purpose: "Pre-sorts credit applications" } });
    const old = await createSystem({ ctx, input: { name: "Credit legacy", riskTier: "high", businessUnit: "Retail" } });
    await archiveSystem({ ctx, input: { id: old.id } });
  });

  it("default: active systems sorted by name", async () => {
    const all = await list(org.as("auditor"), {});
    expect(names(all)).toEqual(["Chatbot", "Credit scoring", "Fraud detection", "Loan triage", "Spam filter"]);
    expect(all).toMatchObject({ total: 5, page: 1, pageSize: 50 });
  });

  it("filter by tier", async () => {
    expect(names(await list(org.as("auditor"), { tier: "high" }))).toEqual(["Credit scoring", "Fraud detection", "Loan triage"]);
    expect(names(await list(org.as("auditor"), { tier: "high", status: "all" }))).toEqual([
      "Credit legacy",
      "Credit scoring",
      "Fraud detection",
      "Loan triage",
    ]);
  });

  it("filter by stage", async () => {
    expect(names(await list(org.as("auditor"), { stage: "production" }))).toEqual(["Credit scoring", "Spam filter"]);
  });

  it("filter by businessUnit", async () => {
    expect(names(await list(org.as("auditor"), { businessUnit: "Retail" }))).toEqual(["Credit scoring", "Fraud detection"]);
  });

  it("filter by ownerId", async () => {
    expect(names(await list(org.as("auditor"), { ownerId: org.users.risk_owner.id }))).toEqual(["Credit scoring", "Fraud detection"]);
    expect(names(await list(org.as("auditor"), { ownerId: org.users.executive.id }))).toEqual([]);
  });

  it("q searches name, description, purpose and vendor, case-insensitively", async () => {
    const found = await list(org.as("auditor"), { q: "credit" });
    // name: Credit scoring; description: Chatbot; vendor: Fraud detection; purpose: Loan triage
    expect(names(found)).toEqual(["Chatbot", "Credit scoring", "Fraud detection", "Loan triage"]);
    expect(found.total).toBe(4);
    expect(names(await list(org.as("auditor"), { q: "CREDITTECH" }))).toEqual(["Fraud detection"]);
  });

  it("filters combine", async () => {
    expect(names(await list(org.as("auditor"), { q: "credit", tier: "high", businessUnit: "Retail", stage: "validation" }))).toEqual(["Fraud detection"]);
  });

  it("invalid filter values fall back to no filter instead of failing", async () => {
    expect((await list(org.as("auditor"), { tier: "bogus" as never, pageSize: 0 })).total).toBe(5);
  });

  it("sorts by name descending and by business unit", async () => {
    expect(names(await list(org.as("auditor"), { sort: "name", dir: "desc" }))).toEqual([
      "Spam filter",
      "Loan triage",
      "Fraud detection",
      "Credit scoring",
      "Chatbot",
    ]);
    const byUnit = (await list(org.as("auditor"), { sort: "businessUnit", dir: "asc" })).items.map((s) => s.businessUnit);
    expect(byUnit).toEqual(["IT", "Lending", "Retail", "Retail", "Support"]);
  });

  it("pagination: page 2 with pageSize 2 is stable and pages do not overlap, even when sort values tie", async () => {
    const ctx = org.as("auditor");
    for (const sort of ["name", "businessUnit", "riskTier"] as const) {
      const everything = (await list(ctx, { sort, pageSize: 100 })).items.map((s) => s.id);
      const pages = [];
      for (const page of [1, 2, 3]) pages.push((await list(ctx, { sort, page, pageSize: 2 })).items.map((s) => s.id));
      expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
      expect(pages.flat()).toEqual(everything);
      const again = await list(ctx, { sort, page: 2, pageSize: 2 });
      expect(again.items.map((s) => s.id)).toEqual(pages[1]);
      expect(again).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    }
  });
});

describe("listEntityHistory of a system", () => {
  it("lists the system's and its components' events newest-first, and only this system's", async () => {
    const org = await createTestOrg("sys-history");
    const ctx = org.as("admin");
    const s = await createSystem({ ctx, input: { name: "Tracked" } });
    const other = await createSystem({ ctx, input: { name: "Other" } });
    await updateSystem({ ctx, input: { id: other.id, patch: { name: "Other 2", version: other.version } } });
    const v2 = await updateSystem({ ctx, input: { id: s.id, patch: { name: "Tracked 2", version: s.version } } });
    const c = await createComponent({ ctx, input: { systemId: s.id, component: { kind: "model", name: "m" } } });
    await updateComponent({ ctx, input: { id: c.id, component: { kind: "model", name: "m2" } } });
    await deleteComponent({ ctx, input: { id: c.id } });
    await archiveSystem({ ctx, input: { id: s.id } });
    expect(v2.version).toBe(2);

    const history = await listEntityHistory({ ctx: org.as("executive"), input: { entity: "system", id: s.id } });
    expect(history.map((h) => h.action)).toEqual([
      "system.archive",
      "component.delete",
      "component.update",
      "component.create",
      "system.update",
      "system.create",
    ]);
    expect(history.map((h) => h.entityType)).toEqual(["system", "component", "component", "component", "system", "system"]);
    const seqs = history.map((h) => h.seq);
    expect([...seqs].sort((x, y) => y - x)).toEqual(seqs);
    expect(history[4].changes).toEqual({ name: { before: "Tracked", after: "Tracked 2" } });
    expect(history[2].changes).toEqual({ name: { before: "m", after: "m2" } });
    expect(history[0].actorLabel).toBe(ctx.actor.label);

    expect(await listEntityHistory({ ctx, input: { entity: "system", id: s.id, limit: 2 } })).toEqual(history.slice(0, 2));
  });
});

describe("members and system ownership", () => {
  it("removeMember unassigns their systems (and only theirs)", async () => {
    const org = await createTestOrg("sys-remove");
    const ctx = org.as("admin");
    const a = await createSystem({ ctx, input: { name: "A", ownerId: org.users.risk_owner.id } });
    const b = await createSystem({ ctx, input: { name: "B", ownerId: org.users.risk_owner.id } });
    const c = await createSystem({ ctx, input: { name: "C", ownerId: org.users.compliance_officer.id } });

    await removeMember({ ctx, input: { userId: org.users.risk_owner.id } });

    const [ra, rb, rc] = await Promise.all([a, b, c].map((s) => getSystem({ ctx, input: { id: s.id } })));
    expect(ra).toMatchObject({ ownerId: null, owner: null, version: a.version + 1 });
    expect(rb).toMatchObject({ ownerId: null, owner: null, version: b.version + 1 });
    expect(rc).toMatchObject({ ownerId: org.users.compliance_officer.id, version: c.version });
    expect((await getInventoryStats({ ctx })).withoutOwner).toBe(2);
    expect((await listMembers({ ctx })).map((m) => m.userId)).not.toContain(org.users.risk_owner.id);
    const event = await db.auditEvent.findFirstOrThrow({ where: { orgId: org.orgId, action: "member.remove" } });
    expect((event.changes as { systemsUnassigned: { before: string[] } }).systemsUnassigned.before.sort()).toEqual([a.id, b.id].sort());
    // the account itself stays (it may belong to other organisations)
    expect(await db.user.count({ where: { id: org.users.risk_owner.id } })).toBe(1);
  });

  it("the last admin cannot be demoted or removed (CONFLICT), and nothing is written", async () => {
    const org = await createTestOrg("sys-last-admin");
    const ctx = org.as("admin");
    const seq = await auditSeq(org.orgId);
    const demote = await expectAppError(changeMemberRole({ ctx, input: { userId: org.users.admin.id, role: "executive" } }), "CONFLICT");
    expect(demote.message).toMatch(/last admin/);
    await expectAppError(removeMember({ ctx, input: { userId: org.users.admin.id } }), "CONFLICT");
    expect(await auditSeq(org.orgId)).toBe(seq);
    expect((await listMembers({ ctx })).find((m) => m.userId === org.users.admin.id)?.role).toBe("admin");

    // with a second admin, the first can step down
    await changeMemberRole({ ctx, input: { userId: org.users.compliance_officer.id, role: "admin" } });
    await changeMemberRole({ ctx, input: { userId: org.users.admin.id, role: "executive" } });
    await expectAppError(removeMember({ ctx: org.as("admin"), input: { userId: org.users.compliance_officer.id } }), "CONFLICT");
  });

  it("two admins demoting each other at the same time cannot leave the organisation without an admin", async () => {
    const org = await createTestOrg("sys-admin-race");
    await changeMemberRole({ ctx: org.as("admin"), input: { userId: org.users.compliance_officer.id, role: "admin" } });
    const first = org.as("admin");
    const second: ServiceContext = { orgId: org.orgId, actor: { type: "user", userId: org.users.compliance_officer.id, role: "admin", label: "second admin" } };

    const results = await Promise.allSettled([
      changeMemberRole({ ctx: first, input: { userId: org.users.compliance_officer.id, role: "executive" } }),
      changeMemberRole({ ctx: second, input: { userId: org.users.admin.id, role: "executive" } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(results.find((r): r is PromiseRejectedResult => r.status === "rejected")?.reason).toMatchObject({ code: "CONFLICT" });
    expect(await db.membership.count({ where: { orgId: org.orgId, role: "admin" } })).toBe(1);
  });

  it("two admins removing each other at the same time cannot leave the organisation without an admin", async () => {
    const org = await createTestOrg("sys-admin-race2");
    await changeMemberRole({ ctx: org.as("admin"), input: { userId: org.users.compliance_officer.id, role: "admin" } });
    const first = org.as("admin");
    const second: ServiceContext = { orgId: org.orgId, actor: { type: "user", userId: org.users.compliance_officer.id, role: "admin", label: "second admin" } };

    const results = await Promise.allSettled([
      removeMember({ ctx: first, input: { userId: org.users.compliance_officer.id } }),
      removeMember({ ctx: second, input: { userId: org.users.admin.id } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(results.find((r): r is PromiseRejectedResult => r.status === "rejected")?.reason).toMatchObject({ code: "CONFLICT" });
    expect(await db.membership.count({ where: { orgId: org.orgId, role: "admin" } })).toBe(1);
  });
});
