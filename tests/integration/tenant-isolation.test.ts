import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { PERMISSIONS, TOKEN_SCOPE_PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { ROLES, type Role } from "@/lib/auth/roles";
import type { ServiceContext, TokenScope } from "@/lib/context";
import { createTestOrg, type TestOrg } from "@/scripts/support/create-test-org";
import { createSystem } from "@/lib/systems/create-system";
import { updateSystem } from "@/lib/systems/update-system";
import { archiveSystem } from "@/lib/systems/archive-system";
import { restoreSystem } from "@/lib/systems/restore-system";
import { listSystems } from "@/lib/systems/list-systems";
import { getSystem } from "@/lib/systems/get-system";
import { listSystemHistory } from "@/lib/systems/list-system-history";
import { getInventoryStats } from "@/lib/systems/get-inventory-stats";
import { createComponent } from "@/lib/components/create-component";
import { updateComponent } from "@/lib/components/update-component";
import { deleteComponent } from "@/lib/components/delete-component";
import { listMembers } from "@/lib/members/list-members";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { removeMember } from "@/lib/members/remove-member";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";
import { listApiTokens } from "@/lib/tokens/list-api-tokens";
import { authenticateApiToken } from "@/lib/tokens/authenticate-api-token";

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

type ActorKey = Role | "read_token" | "write_token";
const ACTORS: ActorKey[] = [...ROLES, "read_token", "write_token"];
const TOKEN_SCOPES: Record<"read_token" | "write_token", TokenScope[]> = { read_token: ["read"], write_token: ["write"] };

/** True when the table lets the actor attempt the action at all ("any" or "own"). */
function holds(actor: ActorKey, permission: Permission): boolean {
  if (actor === "read_token" || actor === "write_token") return TOKEN_SCOPES[actor].some((s) => TOKEN_SCOPE_PERMISSIONS[s].includes(permission));
  return (PERMISSIONS[permission] as Partial<Record<Role, string>>)[actor] !== undefined;
}

/** An id in the same shape as a real one that exists nowhere. */
const randomId = () => `c${randomBytes(12).toString("hex")}`;

async function settle(promise: Promise<unknown>): Promise<{ value?: unknown; error?: AppError }> {
  try {
    return { value: await promise };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { error };
  }
}

/** Every row org A owns, to compare before/after. */
async function snapshotOrg(orgId: string) {
  const byId = { orderBy: { id: "asc" as const } };
  return {
    org: await db.organization.findUniqueOrThrow({ where: { id: orgId } }),
    systems: await db.aISystem.findMany({ where: { orgId }, ...byId }),
    components: await db.systemComponent.findMany({ where: { orgId }, ...byId }),
    memberships: await db.membership.findMany({ where: { orgId }, ...byId }),
    tokens: await db.apiToken.findMany({ where: { orgId }, ...byId }),
    audit: await db.auditEvent.findMany({ where: { orgId }, orderBy: { seq: "asc" } }),
  };
}

// ---------------------------------------------------------------------------------------------
// Fixtures: org A with data, org B whose members and tokens go probing
// ---------------------------------------------------------------------------------------------

let a: TestOrg;
let b: TestOrg;
const A = { systemId: "", archivedSystemId: "", componentId: "", tokenId: "", systemName: "" };
let bSystemId = "";
let aBefore: Awaited<ReturnType<typeof snapshotOrg>>;
const bTokens: Partial<Record<"read_token" | "write_token", ServiceContext>> = {};

function bCtx(actor: ActorKey): ServiceContext {
  if (actor === "read_token" || actor === "write_token") return bTokens[actor]!;
  return b.as(actor);
}

beforeAll(async () => {
  [a, b] = await Promise.all([createTestOrg("tenant-a"), createTestOrg("tenant-b")]);
  A.systemName = `Secret scoring ${randomBytes(3).toString("hex")}`;
  const system = await createSystem({
    ctx: a.as("admin"),
    input: { name: A.systemName, ownerId: a.users.risk_owner.id, businessUnit: "Risk", vendor: "Acme", riskTier: "high" },
  });
  A.systemId = system.id;
  A.componentId = (await createComponent({ ctx: a.as("admin"), input: { systemId: system.id, component: { kind: "model", name: "A model" } } })).id;
  A.archivedSystemId = (await createSystem({ ctx: a.as("admin"), input: { name: "A archived" } })).id;
  await archiveSystem({ ctx: a.as("admin"), input: { id: A.archivedSystemId } });
  A.tokenId = (await createApiToken({ ctx: a.as("admin"), input: { name: "A token", scopes: ["read", "write"] } })).id;

  bSystemId = (await createSystem({ ctx: b.as("admin"), input: { name: "B system", ownerId: b.users.risk_owner.id } })).id;
  for (const key of ["read_token", "write_token"] as const) {
    const { secret } = await createApiToken({ ctx: b.as("admin"), input: { name: key, scopes: TOKEN_SCOPES[key] } });
    bTokens[key] = await authenticateApiToken(`Bearer ${secret}`);
  }
  aBefore = await snapshotOrg(a.orgId);
});

type Probe = {
  op: string;
  permission: Permission;
  /**
   * true when the verb refuses an actor whose role lacks the permission before it looks anything
   * up (the answer is then FORBIDDEN for every id); false when it looks the id up in the caller's
   * organisation first (component edits), so every foreign id is NOT_FOUND.
   */
  roleCheckFirst: boolean;
  target: () => string;
  run: (ctx: ServiceContext, id: string) => Promise<unknown>;
};

const SYSTEM_PROBES: Probe[] = [
  { op: "getSystem", roleCheckFirst: true, permission: "inventory:read", target: () => A.systemId, run: (ctx, id) => getSystem({ ctx, input: { id } }) },
  {
    op: "listSystemHistory",
    roleCheckFirst: true,
    permission: "inventory:read",
    target: () => A.systemId,
    run: (ctx, id) => listSystemHistory({ ctx, input: { id } }),
  },
  {
    op: "updateSystem",
    roleCheckFirst: true,
    permission: "system:update",
    target: () => A.systemId,
    run: (ctx, id) => updateSystem({ ctx, input: { id, patch: { name: "Pwned", version: 1 } } }),
  },
  {
    op: "archiveSystem",
    roleCheckFirst: true,
    permission: "system:archive",
    target: () => A.systemId,
    run: (ctx, id) => archiveSystem({ ctx, input: { id } }),
  },
  {
    op: "restoreSystem",
    roleCheckFirst: true,
    permission: "system:archive",
    target: () => A.archivedSystemId,
    run: (ctx, id) => restoreSystem({ ctx, input: { id } }),
  },
  {
    op: "createComponent",
    roleCheckFirst: true,
    permission: "system:update",
    target: () => A.systemId,
    run: (ctx, id) => createComponent({ ctx, input: { systemId: id, component: { kind: "service", name: "Injected" } } }),
  },
  {
    op: "updateComponent",
    roleCheckFirst: true,
    permission: "system:update",
    target: () => A.componentId,
    run: (ctx, id) => updateComponent({ ctx, input: { id, component: { kind: "model", name: "Pwned" } } }),
  },
  {
    op: "deleteComponent",
    roleCheckFirst: true,
    permission: "system:update",
    target: () => A.componentId,
    run: (ctx, id) => deleteComponent({ ctx, input: { id } }),
  },
];

const MEMBER_TOKEN_PROBES: Probe[] = [
  {
    op: "changeMemberRole (A's executive)",
    roleCheckFirst: true,
    permission: "member:manage",
    target: () => a.users.executive.id,
    run: (ctx, userId) => changeMemberRole({ ctx, input: { userId, role: "admin" } }),
  },
  {
    op: "changeMemberRole (A's last admin)",
    roleCheckFirst: true,
    permission: "member:manage",
    target: () => a.users.admin.id,
    run: (ctx, userId) => changeMemberRole({ ctx, input: { userId, role: "auditor" } }),
  },
  {
    op: "removeMember (A's executive)",
    roleCheckFirst: true,
    permission: "member:manage",
    target: () => a.users.executive.id,
    run: (ctx, userId) => removeMember({ ctx, input: { userId } }),
  },
  {
    op: "removeMember (A's last admin)",
    roleCheckFirst: true,
    permission: "member:manage",
    target: () => a.users.admin.id,
    run: (ctx, userId) => removeMember({ ctx, input: { userId } }),
  },
  { op: "revokeApiToken", roleCheckFirst: true, permission: "token:manage", target: () => A.tokenId, run: (ctx, id) => revokeApiToken({ ctx, input: { id } }) },
];

const cellsFor = (probes: Probe[]) =>
  probes.flatMap((probe) =>
    ACTORS.map((actor) => {
      const expected = holds(actor, probe.permission) || !probe.roleCheckFirst ? "NOT_FOUND" : "FORBIDDEN";
      const note = expected === "FORBIDDEN" ? " (role check before any lookup, same for every id)" : "";
      return [`${probe.op} by org B's ${actor} → ${expected}${note}`, { probe, actor, expected }] as const;
    }),
  );

/**
 * The isolation property: a call with org A's real id must be indistinguishable from one with an
 * id that exists nowhere, return no data, and change nothing in A. Actors that hold the permission
 * always get NOT_FOUND. Actors whose role cannot do the action at all are refused by the up-front
 * role check where the verb has one: it runs before any lookup, so it answers the same FORBIDDEN
 * for every id and reveals nothing (asserted by comparing with the random-id answer).
 */
async function expectIsolated(probe: Probe, actor: ActorKey, expectedCode: string) {
  const ctx = bCtx(actor);
  const bSeq = (await db.organization.findUniqueOrThrow({ where: { id: b.orgId }, select: { auditSeq: true } })).auditSeq;
  const real = await settle(probe.run(ctx, probe.target()));
  const guess = await settle(probe.run(ctx, randomId()));
  expect(real.value, "org A's data must never be returned").toBeUndefined();
  expect(real.error?.code).toBe(expectedCode);
  expect({ code: real.error?.code, message: real.error?.message, issues: real.error?.issues }).toEqual({
    code: guess.error?.code,
    message: guess.error?.message,
    issues: guess.error?.issues,
  });
  expect(await snapshotOrg(a.orgId)).toEqual(aBefore);
  expect((await db.organization.findUniqueOrThrow({ where: { id: b.orgId }, select: { auditSeq: true } })).auditSeq).toBe(bSeq);
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

describe("org B cannot reach org A's systems and components by guessing ids", () => {
  it.each(cellsFor(SYSTEM_PROBES))("%s", async (_name, { probe, actor, expected }) => {
    await expectIsolated(probe, actor, expected);
  });

  it("reads are open to every actor, so every getSystem/listSystemHistory cell above expects NOT_FOUND", () => {
    for (const actor of ACTORS) expect(holds(actor, "inventory:read")).toBe(true);
  });
});

describe("org B cannot manage org A's members or tokens", () => {
  it.each(cellsFor(MEMBER_TOKEN_PROBES))("%s", async (_name, { probe, actor, expected }) => {
    await expectIsolated(probe, actor, expected);
  });

  it("org B's admin gets NOT_FOUND (not CONFLICT) even for org A's last admin", async () => {
    const error = await removeMember({ ctx: b.as("admin"), input: { userId: a.users.admin.id } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("NOT_FOUND");
  });
});

describe("listing from org B never returns org A's rows", () => {
  const readers = ACTORS.map((actor) => [actor] as const);

  it.each(readers)("listSystems as org B's %s", async (actor) => {
    const ctx = bCtx(actor);
    const filters = [
      {},
      { status: "all" as const },
      { status: "archived" as const },
      { ownerId: a.users.risk_owner.id },
      { ownerId: a.users.risk_owner.id, status: "all" as const },
      { q: A.systemName },
      { businessUnit: "Risk", tier: "high" as const, status: "all" as const },
    ];
    for (const input of filters) {
      const list = await listSystems({ ctx, input });
      expect(list.items.map((s) => s.id)).not.toContain(A.systemId);
      expect(list.items.map((s) => s.id)).not.toContain(A.archivedSystemId);
      expect(list.items.every((s) => s.id === bSystemId)).toBe(true);
      expect(list.total).toBe(list.items.length);
    }
    expect((await listSystems({ ctx, input: {} })).items.map((s) => s.id)).toEqual([bSystemId]);
  });

  it.each(readers)("getInventoryStats as org B's %s counts only B", async (actor) => {
    const stats = await getInventoryStats({ ctx: bCtx(actor) });
    expect(stats).toMatchObject({ total: 1, archived: 0, withoutOwner: 0 });
    expect(stats.byTier.find((t) => t.tier === "high")?.count).toBe(0);
  });

  it("org B's own history never shows org A's events", async () => {
    const history = await listSystemHistory({ ctx: b.as("auditor"), input: { id: bSystemId } });
    expect(history.map((h) => h.action)).toEqual(["system.create"]);
  });

  it("listMembers and listApiTokens of org B exclude org A", async () => {
    const members = await listMembers({ ctx: b.as("admin") });
    const aUserIds = Object.values(a.users).map((u) => u.id);
    expect(members).toHaveLength(ROLES.length);
    expect(members.some((m) => aUserIds.includes(m.userId))).toBe(false);
    const tokens = await listApiTokens({ ctx: b.as("admin") });
    expect(tokens.map((t) => t.id)).not.toContain(A.tokenId);
    expect(tokens).toHaveLength(2);
  });
});

describe("org B cannot pull org A's people in as owners", () => {
  it("createSystem in B with A's user as owner → VALIDATION on ownerId", async () => {
    const error = await createSystem({ ctx: b.as("admin"), input: { name: "Borrowed owner", ownerId: a.users.risk_owner.id } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "VALIDATION", issues: [expect.objectContaining({ path: "ownerId" })] });
  });

  it("updateSystem in B with A's user as owner → VALIDATION on ownerId", async () => {
    const current = await getSystem({ ctx: b.as("admin"), input: { id: bSystemId } });
    const error = await updateSystem({
      ctx: b.as("admin"),
      input: { id: bSystemId, patch: { ownerId: a.users.executive.id, version: current.version } },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "VALIDATION", issues: [expect.objectContaining({ path: "ownerId" })] });
  });
});

describe("org A after all probes", () => {
  it("is byte-for-byte unchanged", async () => {
    expect(await snapshotOrg(a.orgId)).toEqual(aBefore);
  });
});
