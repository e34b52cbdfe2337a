import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError, type AppErrorCode } from "@/lib/errors";
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
import { listEntityHistory } from "@/lib/audit/list-entity-history";
import { getInventoryStats } from "@/lib/systems/get-inventory-stats";
import { createComponent } from "@/lib/components/create-component";
import { updateComponent } from "@/lib/components/update-component";
import { deleteComponent } from "@/lib/components/delete-component";
import { listMembers } from "@/lib/members/list-members";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { listInvitations } from "@/lib/invitations/list-invitations";
import { revokeInvitation } from "@/lib/invitations/revoke-invitation";
import { listSignInEvents } from "@/lib/security-log/list-sign-in-events";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { removeMember } from "@/lib/members/remove-member";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";
import { listApiTokens } from "@/lib/tokens/list-api-tokens";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const TOKEN_ACTORS = { read_token: ["read"], write_token: ["write"] } as const satisfies Record<string, TokenScope[]>;
type TokenActor = keyof typeof TOKEN_ACTORS;
type ActorKey = Role | TokenActor;
const ACTORS: ActorKey[] = [...ROLES, "read_token", "write_token"];

/** Whose system a system-scoped verb acts on: the acting user's own, or another member's. */
type Ownership = "own" | "other";

function isToken(key: ActorKey): key is TokenActor {
  return key in TOKEN_ACTORS;
}

function ctxFor(org: TestOrg, key: ActorKey): ServiceContext {
  if (isToken(key)) return { orgId: org.orgId, actor: { type: "token", tokenId: "t", scopes: [...TOKEN_ACTORS[key]], label: "t" } };
  return org.as(key);
}

/**
 * The expected outcome, derived from PERMISSIONS / TOKEN_SCOPE_PERMISSIONS only (not from `can`):
 * "any" → allowed; "own" → allowed only on a system the acting user owns; absent → FORBIDDEN.
 */
function expectedOutcome(key: ActorKey, permission: Permission, ownership: Ownership | null): "allowed" | "FORBIDDEN" {
  if (isToken(key)) return TOKEN_ACTORS[key].some((scope) => TOKEN_SCOPE_PERMISSIONS[scope].includes(permission)) ? "allowed" : "FORBIDDEN";
  const grant = (PERMISSIONS[permission] as Partial<Record<Role, "any" | "own">>)[key];
  if (grant === "any") return "allowed";
  if (grant === "own") {
    if (ownership === null) throw new Error(`"${permission}" is granted "own" to ${key}: give its verb a system target`);
    return ownership === "own" ? "allowed" : "FORBIDDEN";
  }
  return "FORBIDDEN";
}

async function auditSeq(orgId: string): Promise<number> {
  return (await db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { auditSeq: true } })).auditSeq;
}

async function expectAppError(promise: Promise<unknown>, code: AppErrorCode): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected AppError ${code}, but the call succeeded`).not.toBeNull();
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

const unique = () => randomBytes(4).toString("hex");

// Fixtures are created per cell (as the system actor, or directly in the database) so that an
// allowed mutation in one cell cannot change what the next cell sees.
type Fixture = { systemId: string; componentId: string; memberUserId: string; tokenId: string; invitationId: string };

async function makeSystem(org: TestOrg, ownerId: string | null, archived = false): Promise<string> {
  const { id } = await createSystem({ ctx: org.system, input: { name: `Target ${unique()}`, ownerId } });
  if (archived) await archiveSystem({ ctx: org.system, input: { id } });
  return id;
}

async function makeMember(org: TestOrg, role: Role = "executive"): Promise<string> {
  const user = await db.user.create({ data: { email: `fixture-${unique()}@example.test`, name: "Fixture member" }, select: { id: true } });
  await db.membership.create({ data: { orgId: org.orgId, userId: user.id, role } });
  return user.id;
}

type VerbSpec = {
  verb: string;
  permission: Permission;
  mutates: boolean;
  /** Acts on one AI system, so "own" grants depend on who owns it. */
  targetsSystem: boolean;
  needs?: { archived?: boolean; component?: boolean; member?: boolean; token?: boolean; invitation?: boolean };
  run: (ctx: ServiceContext, fx: Fixture) => Promise<unknown>;
};

const VERBS: VerbSpec[] = [
  {
    verb: "createSystem",
    permission: "system:create",
    mutates: true,
    targetsSystem: false,
    run: (ctx) => createSystem({ ctx, input: { name: "Matrix system" } }),
  },
  {
    verb: "updateSystem",
    permission: "system:update",
    mutates: true,
    targetsSystem: true,
    run: (ctx, fx) => updateSystem({ ctx, input: { id: fx.systemId, patch: { description: "edited", version: 1 } } }),
  },
  {
    verb: "archiveSystem",
    permission: "system:archive",
    mutates: true,
    targetsSystem: true,
    run: (ctx, fx) => archiveSystem({ ctx, input: { id: fx.systemId } }),
  },
  {
    verb: "restoreSystem",
    permission: "system:archive",
    mutates: true,
    targetsSystem: true,
    needs: { archived: true },
    run: (ctx, fx) => restoreSystem({ ctx, input: { id: fx.systemId } }),
  },
  { verb: "listSystems", permission: "inventory:read", mutates: false, targetsSystem: false, run: (ctx) => listSystems({ ctx, input: {} }) },
  { verb: "getSystem", permission: "inventory:read", mutates: false, targetsSystem: true, run: (ctx, fx) => getSystem({ ctx, input: { id: fx.systemId } }) },
  {
    verb: "listEntityHistory",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    run: (ctx, fx) => listEntityHistory({ ctx, input: { entity: "system", id: fx.systemId } }),
  },
  { verb: "getInventoryStats", permission: "inventory:read", mutates: false, targetsSystem: false, run: (ctx) => getInventoryStats({ ctx }) },
  {
    verb: "createComponent",
    permission: "system:update",
    mutates: true,
    targetsSystem: true,
    run: (ctx, fx) => createComponent({ ctx, input: { systemId: fx.systemId, component: { kind: "model", name: "Matrix model" } } }),
  },
  {
    verb: "updateComponent",
    permission: "system:update",
    mutates: true,
    targetsSystem: true,
    needs: { component: true },
    run: (ctx, fx) => updateComponent({ ctx, input: { id: fx.componentId, component: { kind: "dataset", name: "Renamed" } } }),
  },
  {
    verb: "deleteComponent",
    permission: "system:update",
    mutates: true,
    targetsSystem: true,
    needs: { component: true },
    run: (ctx, fx) => deleteComponent({ ctx, input: { id: fx.componentId } }),
  },
  { verb: "listMembers", permission: "member:read", mutates: false, targetsSystem: false, run: (ctx) => listMembers({ ctx }) },
  {
    verb: "createInvitation",
    permission: "member:manage",
    mutates: true,
    targetsSystem: false,
    run: (ctx) => createInvitation({ ctx, input: { email: `new-${unique()}@example.test`, name: "New member", role: "executive" } }),
  },
  {
    verb: "revokeInvitation",
    permission: "member:manage",
    mutates: true,
    targetsSystem: false,
    needs: { invitation: true },
    run: (ctx, fx) => revokeInvitation({ ctx, input: { id: fx.invitationId } }),
  },
  { verb: "listInvitations", permission: "member:manage", mutates: false, targetsSystem: false, run: (ctx) => listInvitations({ ctx }) },
  { verb: "listSignInEvents", permission: "audit:read", mutates: false, targetsSystem: false, run: (ctx) => listSignInEvents({ ctx, input: {} }) },
  {
    verb: "changeMemberRole",
    permission: "member:manage",
    mutates: true,
    targetsSystem: false,
    needs: { member: true },
    run: (ctx, fx) => changeMemberRole({ ctx, input: { userId: fx.memberUserId, role: "auditor" } }),
  },
  {
    verb: "removeMember",
    permission: "member:manage",
    mutates: true,
    targetsSystem: false,
    needs: { member: true },
    run: (ctx, fx) => removeMember({ ctx, input: { userId: fx.memberUserId } }),
  },
  {
    verb: "createApiToken",
    permission: "token:manage",
    mutates: true,
    targetsSystem: false,
    run: (ctx) => createApiToken({ ctx, input: { name: "Matrix token", scopes: ["read"] } }),
  },
  {
    verb: "revokeApiToken",
    permission: "token:manage",
    mutates: true,
    targetsSystem: false,
    needs: { token: true },
    run: (ctx, fx) => revokeApiToken({ ctx, input: { id: fx.tokenId } }),
  },
  { verb: "listApiTokens", permission: "token:manage", mutates: false, targetsSystem: false, run: (ctx) => listApiTokens({ ctx }) },
  { verb: "verifyAuditChain", permission: "audit:read", mutates: false, targetsSystem: false, run: (ctx) => verifyAuditChain({ ctx }) },
];

type Cell = { name: string; actor: ActorKey; ownership: Ownership | null; expected: "allowed" | "FORBIDDEN"; spec: VerbSpec };

// System-scoped verbs run twice per user: on a system the acting user owns and on another member's.
// Tokens own nothing, so they get one cell (on another member's system).
const CELLS: Cell[] = VERBS.flatMap((spec) =>
  ACTORS.flatMap((actor) =>
    (spec.targetsSystem && !isToken(actor) ? (["own", "other"] as const) : [spec.targetsSystem ? ("other" as const) : null]).map((ownership) => {
      const expected = expectedOutcome(actor, spec.permission, ownership);
      const where = ownership === "own" ? " on own system" : ownership === "other" ? " on another's system" : "";
      return { name: `${spec.verb} as ${actor}${where} → ${expected}`, actor, ownership, expected, spec };
    }),
  ),
);

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

let org: TestOrg;
/** A member who is none of the acting users: owns the "other" systems. */
let bystanderId: string;

beforeAll(async () => {
  org = await createTestOrg("matrix");
  bystanderId = await makeMember(org, "risk_owner");
});

async function prepare(cell: Cell): Promise<Fixture> {
  const { spec, actor, ownership } = cell;
  const ownerId = ownership === "own" && !isToken(actor) ? org.users[actor].id : bystanderId;
  const systemId = await makeSystem(org, ownerId, spec.needs?.archived);
  const componentId = spec.needs?.component
    ? (await createComponent({ ctx: org.system, input: { systemId, component: { kind: "model", name: "Fixture model" } } })).id
    : "";
  const memberUserId = spec.needs?.member ? await makeMember(org) : "";
  const tokenId = spec.needs?.token ? (await createApiToken({ ctx: org.system, input: { name: "Fixture token", scopes: ["read"] } })).id : "";
  const invitationId = spec.needs?.invitation
    ? (await createInvitation({ ctx: org.system, input: { email: `invitee-${unique()}@example.test`, name: "Fixture invitee", role: "executive" } })).id
    : "";
  return { systemId, componentId, memberUserId, tokenId, invitationId };
}

describe("permission matrix (derived from PERMISSIONS and TOKEN_SCOPE_PERMISSIONS)", () => {
  it("covers every inventory and member verb", () => {
    expect(VERBS.map((v) => v.verb).sort()).toEqual(
      [
        "createSystem",
        "updateSystem",
        "archiveSystem",
        "restoreSystem",
        "listSystems",
        "getSystem",
        "listEntityHistory",
        "getInventoryStats",
        "createComponent",
        "updateComponent",
        "deleteComponent",
        "listMembers",
        "createInvitation",
        "revokeInvitation",
        "listInvitations",
        "listSignInEvents",
        "changeMemberRole",
        "removeMember",
        "createApiToken",
        "revokeApiToken",
        "listApiTokens",
        "verifyAuditChain",
      ].sort(),
    );
    // every role of the table appears as an actor, so a new role cannot slip past the matrix
    for (const row of Object.values(PERMISSIONS)) for (const role of Object.keys(row)) expect(ACTORS).toContain(role);
  });

  it.each(CELLS.map((cell) => [cell.name, cell] as const))("%s", async (_name, cell) => {
    const fx = await prepare(cell);
    const before = await auditSeq(org.orgId);
    const call = cell.spec.run(ctxFor(org, cell.actor), fx);
    if (cell.expected === "allowed") {
      await call; // a refusal or any other error fails the cell
      expect(await auditSeq(org.orgId)).toBe(before + (cell.spec.mutates ? 1 : 0));
    } else {
      await expectAppError(call, "FORBIDDEN");
      expect(await auditSeq(org.orgId), "a refused call must write nothing").toBe(before);
    }
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
