import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError, type AppErrorCode } from "@/lib/errors";
import { PERMISSIONS, TOKEN_SCOPE_PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { ROLES, type Role } from "@/lib/auth/roles";
import type { ServiceContext, TokenScope } from "@/lib/context";
import { createTestOrg, type TestOrg } from "@/scripts/support/create-test-org";
import { createSystem } from "@/lib/systems/create-system";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { authenticateApiToken } from "@/lib/tokens/authenticate-api-token";
import { addThreatProfileEntries } from "@/lib/threats/add-threat-profile-entries";
import { removeThreatProfileEntry } from "@/lib/threats/remove-threat-profile-entry";
import { importNavigatorLayer } from "@/lib/threats/import-navigator-layer";
import { exportNavigatorLayer } from "@/lib/threats/export-navigator-layer";
import { listThreatProfile } from "@/lib/threats/list-threat-profile";
import { listThreatSuggestions } from "@/lib/threats/list-threat-suggestions";
import { listTechniqueReferences } from "@/lib/threats/list-technique-references";
import { listThreatProfileSummaries } from "@/lib/threats/list-threat-profile-summaries";

// ---------------------------------------------------------------------------------------------
// Helpers (the same derivation as permission-matrix.test.ts: expected outcomes come from the
// PERMISSIONS table and TOKEN_SCOPE_PERMISSIONS only, never from `can`)
// ---------------------------------------------------------------------------------------------

const TOKEN_ACTORS = { read_token: ["read"], write_token: ["write"] } as const satisfies Record<string, TokenScope[]>;
type TokenActor = keyof typeof TOKEN_ACTORS;
type ActorKey = Role | TokenActor;
const ACTORS: ActorKey[] = [...ROLES, "read_token", "write_token"];
type Ownership = "own" | "other";

const isToken = (key: ActorKey): key is TokenActor => key in TOKEN_ACTORS;

function ctxFor(org: TestOrg, key: ActorKey): ServiceContext {
  if (isToken(key)) return { orgId: org.orgId, actor: { type: "token", tokenId: "t", scopes: [...TOKEN_ACTORS[key]], label: "t" } };
  return org.as(key);
}

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

/** True when the table lets the actor attempt the action at all ("any" or "own"). */
function holds(key: ActorKey, permission: Permission): boolean {
  if (isToken(key)) return TOKEN_ACTORS[key].some((s) => TOKEN_SCOPE_PERMISSIONS[s].includes(permission));
  return (PERMISSIONS[permission] as Partial<Record<Role, string>>)[key] !== undefined;
}

async function auditSeq(orgId: string): Promise<number> {
  return (await db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { auditSeq: true } })).auditSeq;
}

async function settle(promise: Promise<unknown>): Promise<{ value?: unknown; error?: AppError }> {
  try {
    return { value: await promise };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { error };
  }
}

async function expectAppError(promise: Promise<unknown>, code: AppErrorCode): Promise<AppError> {
  const { value, error } = await settle(promise);
  expect(value, `expected AppError ${code}, but the call succeeded`).toBeUndefined();
  expect(error?.code).toBe(code);
  return error!;
}

const RATIONALE = "Customers type free text into the chat window.";
const randomId = () => `c${randomBytes(12).toString("hex")}`;

// ---------------------------------------------------------------------------------------------
// The matrix
// ---------------------------------------------------------------------------------------------

type VerbSpec = {
  verb: string;
  permission: Permission;
  mutates: boolean;
  targetsSystem: boolean;
  run: (ctx: ServiceContext, systemId: string) => Promise<unknown>;
};

/** Every verb of lib/threats that takes a context. */
const VERBS: VerbSpec[] = [
  {
    verb: "addThreatProfileEntries",
    permission: "threat:write",
    mutates: true,
    targetsSystem: true,
    run: (ctx, systemId) =>
      addThreatProfileEntries({ ctx, input: { systemId, source: "manual", entries: [{ techniqueId: "AML.T0054", rationale: RATIONALE }] } }),
  },
  {
    verb: "removeThreatProfileEntry",
    permission: "threat:write",
    mutates: true,
    targetsSystem: true,
    run: (ctx, systemId) => removeThreatProfileEntry({ ctx, input: { systemId, techniqueId: "AML.T0051" } }),
  },
  {
    verb: "importNavigatorLayer",
    permission: "threat:write",
    mutates: true,
    targetsSystem: true,
    run: (ctx, systemId) => importNavigatorLayer({ ctx, input: { systemId, layer: { name: "m", techniques: [{ techniqueID: "AML.T0029", score: 4 }] } } }),
  },
  {
    verb: "listThreatProfile",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    run: (ctx, systemId) => listThreatProfile({ ctx, input: { systemId } }),
  },
  {
    verb: "listThreatSuggestions",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    run: (ctx, systemId) => listThreatSuggestions({ ctx, input: { systemId } }),
  },
  {
    verb: "exportNavigatorLayer (system)",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    run: (ctx, systemId) => exportNavigatorLayer({ ctx, input: { systemId } }),
  },
  {
    verb: "exportNavigatorLayer (organisation)",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: false,
    run: (ctx) => exportNavigatorLayer({ ctx, input: {} }),
  },
  {
    verb: "listTechniqueReferences",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: false,
    run: (ctx) => listTechniqueReferences({ ctx, input: { techniqueId: "AML.T0051" } }),
  },
  { verb: "listThreatProfileSummaries", permission: "inventory:read", mutates: false, targetsSystem: false, run: (ctx) => listThreatProfileSummaries({ ctx }) },
];

type Cell = { name: string; actor: ActorKey; ownership: Ownership | null; expected: "allowed" | "FORBIDDEN"; spec: VerbSpec };

const CELLS: Cell[] = VERBS.flatMap((spec) =>
  ACTORS.flatMap((actor) =>
    (spec.targetsSystem && !isToken(actor) ? (["own", "other"] as const) : [spec.targetsSystem ? ("other" as const) : null]).map((ownership) => {
      const expected = expectedOutcome(actor, spec.permission, ownership);
      const where = ownership === "own" ? " on own system" : ownership === "other" ? " on another's system" : "";
      return { name: `${spec.verb} as ${actor}${where} → ${expected}`, actor, ownership, expected, spec };
    }),
  ),
);

let org: TestOrg;
let bystanderId: string;

beforeAll(async () => {
  org = await createTestOrg("threat-matrix");
  const user = await db.user.create({ data: { email: `bystander-${randomBytes(4).toString("hex")}@example.test`, name: "Bystander" }, select: { id: true } });
  await db.membership.create({ data: { orgId: org.orgId, userId: user.id, role: "risk_owner" } });
  bystanderId = user.id;
});

/** A fresh system per cell with AML.T0051 in its profile, owned by the acting user or by the bystander. */
async function prepare(cell: Cell): Promise<string> {
  const ownerId = cell.ownership === "own" && !isToken(cell.actor) ? org.users[cell.actor].id : bystanderId;
  const { id } = await createSystem({ ctx: org.system, input: { name: `Target ${randomBytes(3).toString("hex")}`, ownerId, modelType: "LLM" } });
  await addThreatProfileEntries({ ctx: org.system, input: { systemId: id, source: "manual", entries: [{ techniqueId: "AML.T0051", rationale: RATIONALE }] } });
  return id;
}

describe("threat-profile permission matrix (derived from PERMISSIONS and TOKEN_SCOPE_PERMISSIONS)", () => {
  it("covers every role of the table and both token scopes", () => {
    for (const row of Object.values(PERMISSIONS)) for (const role of Object.keys(row)) expect(ACTORS).toContain(role);
    // the table grants threat:write to risk owners on their own systems only: the "own"/"other" cells below test both sides
    expect(PERMISSIONS["threat:write"]).toMatchObject({ risk_owner: "own" });
  });

  it.each(CELLS.map((cell) => [cell.name, cell] as const))("%s", async (_name, cell) => {
    const systemId = await prepare(cell);
    const before = await auditSeq(org.orgId);
    const entriesBefore = await db.threatProfileEntry.count({ where: { systemId } });
    const call = cell.spec.run(ctxFor(org, cell.actor), systemId);
    if (cell.expected === "allowed") {
      await call;
      expect(await auditSeq(org.orgId), "one audit event per mutation, none for a read").toBe(before + (cell.spec.mutates ? 1 : 0));
    } else {
      await expectAppError(call, "FORBIDDEN");
      expect(await auditSeq(org.orgId), "a refused call must write nothing").toBe(before);
      expect(await db.threatProfileEntry.count({ where: { systemId } })).toBe(entriesBefore);
    }
  });
});

describe("risk owner: own system vs someone else's (written out)", () => {
  it("adds to their own system's profile and is refused on another's", async () => {
    const ctx = org.as("risk_owner");
    const own = (await createSystem({ ctx: org.as("admin"), input: { name: "Owned", ownerId: org.users.risk_owner.id } })).id;
    const notOwn = (await createSystem({ ctx: org.as("admin"), input: { name: "Not owned", ownerId: bystanderId } })).id;
    await expect(
      addThreatProfileEntries({ ctx, input: { systemId: own, source: "manual", entries: [{ techniqueId: "AML.T0051", rationale: RATIONALE }] } }),
    ).resolves.toMatchObject({ entries: [expect.objectContaining({ techniqueId: "AML.T0051" })] });
    await expectAppError(
      addThreatProfileEntries({ ctx, input: { systemId: notOwn, source: "manual", entries: [{ techniqueId: "AML.T0051", rationale: RATIONALE }] } }),
      "FORBIDDEN",
    );
    // reading is open to every member
    await expect(listThreatProfile({ ctx, input: { systemId: notOwn } })).resolves.toMatchObject({ entries: [] });
  });
});

// ---------------------------------------------------------------------------------------------
// Tenant isolation: org B probing org A's threat profiles
// ---------------------------------------------------------------------------------------------

describe("tenant isolation of threat profiles", () => {
  let a: TestOrg;
  let b: TestOrg;
  let aSystemId: string;
  let bSystemId: string;
  const bTokens: Partial<Record<TokenActor, ServiceContext>> = {};
  const snapshotA = async () => ({
    entries: await db.threatProfileEntry.findMany({ where: { orgId: a.orgId }, orderBy: { id: "asc" } }),
    audit: await db.auditEvent.findMany({ where: { orgId: a.orgId }, orderBy: { seq: "asc" } }),
  });
  let aBefore: Awaited<ReturnType<typeof snapshotA>>;
  const bCtx = (actor: ActorKey) => (isToken(actor) ? bTokens[actor]! : b.as(actor));

  beforeAll(async () => {
    [a, b] = await Promise.all([createTestOrg("threat-tenant-a"), createTestOrg("threat-tenant-b")]);
    aSystemId = (await createSystem({ ctx: a.as("admin"), input: { name: "A secret chatbot", ownerId: a.users.risk_owner.id, modelType: "LLM" } })).id;
    await addThreatProfileEntries({
      ctx: a.as("admin"),
      input: { systemId: aSystemId, source: "manual", entries: [{ techniqueId: "AML.T0051", rationale: "A's confidential rationale." }] },
    });
    bSystemId = (await createSystem({ ctx: b.as("admin"), input: { name: "B system" } })).id;
    for (const key of ["read_token", "write_token"] as const) {
      const { secret } = await createApiToken({ ctx: b.as("admin"), input: { name: key, scopes: [...TOKEN_ACTORS[key]] } });
      bTokens[key] = await authenticateApiToken(`Bearer ${secret}`);
    }
    aBefore = await snapshotA();
  });

  const PROBES: { op: string; permission: Permission; run: (ctx: ServiceContext, systemId: string) => Promise<unknown> }[] = [
    { op: "listThreatProfile", permission: "inventory:read", run: (ctx, systemId) => listThreatProfile({ ctx, input: { systemId } }) },
    { op: "listThreatSuggestions", permission: "inventory:read", run: (ctx, systemId) => listThreatSuggestions({ ctx, input: { systemId } }) },
    { op: "exportNavigatorLayer", permission: "inventory:read", run: (ctx, systemId) => exportNavigatorLayer({ ctx, input: { systemId } }) },
    {
      op: "addThreatProfileEntries",
      permission: "threat:write",
      run: (ctx, systemId) =>
        addThreatProfileEntries({ ctx, input: { systemId, source: "manual", entries: [{ techniqueId: "AML.T0054", rationale: RATIONALE }] } }),
    },
    {
      op: "removeThreatProfileEntry",
      permission: "threat:write",
      run: (ctx, systemId) => removeThreatProfileEntry({ ctx, input: { systemId, techniqueId: "AML.T0051" } }),
    },
    {
      op: "importNavigatorLayer",
      permission: "threat:write",
      run: (ctx, systemId) => importNavigatorLayer({ ctx, input: { systemId, layer: { techniques: [{ techniqueID: "AML.T0054", score: 9 }] } } }),
    },
  ];

  const cells = PROBES.flatMap((probe) =>
    ACTORS.map((actor) => {
      // the role check runs before any lookup: FORBIDDEN for every id, real or guessed, revealing nothing
      const expected = holds(actor, probe.permission) ? "NOT_FOUND" : "FORBIDDEN";
      return [`${probe.op} on org A's system by org B's ${actor} → ${expected}`, { probe, actor, expected }] as const;
    }),
  );

  it.each(cells)("%s", async (_name, { probe, actor, expected }) => {
    const ctx = bCtx(actor);
    const bSeq = await auditSeq(b.orgId);
    const real = await settle(probe.run(ctx, aSystemId));
    const guess = await settle(probe.run(ctx, randomId()));
    expect(real.value, "org A's data must never be returned").toBeUndefined();
    expect(real.error?.code).toBe(expected);
    expect({ code: real.error?.code, message: real.error?.message }).toEqual({ code: guess.error?.code, message: guess.error?.message });
    expect(await snapshotA()).toEqual(aBefore);
    expect(await auditSeq(b.orgId)).toBe(bSeq);
  });

  it("organisation-wide reads of org B never show org A's profiles", async () => {
    const refs = await listTechniqueReferences({ ctx: b.as("auditor"), input: { techniqueId: "AML.T0051" } });
    expect(refs).toEqual({ profileEntries: [], risks: [] });
    expect((await listThreatProfileSummaries({ ctx: b.as("auditor") })).map((s) => s.systemId)).toEqual([bSystemId]);
    const { layer } = await exportNavigatorLayer({ ctx: b.as("auditor"), input: {} });
    expect(layer.techniques).toEqual([]);
    expect(JSON.stringify(layer)).not.toContain("A secret chatbot");
    expect(JSON.stringify(layer)).not.toContain("confidential");
  });

  it("leaves org A byte-for-byte unchanged", async () => {
    expect(await snapshotA()).toEqual(aBefore);
  });
});
