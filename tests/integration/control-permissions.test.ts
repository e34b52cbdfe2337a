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
import { listSystemControls } from "@/lib/controls/list-system-controls";
import { updateSystemControl } from "@/lib/controls/update-system-control";
import { getCompliancePosture } from "@/lib/controls/get-compliance-posture";
import { getFrameworkCoverage } from "@/lib/controls/get-framework-coverage";
import { listControlSystems } from "@/lib/controls/list-control-systems";
import { createEvidence } from "@/lib/evidence/create-evidence";
import { linkEvidence } from "@/lib/evidence/link-evidence";
import { deleteEvidence } from "@/lib/evidence/delete-evidence";
import { getEvidenceFile } from "@/lib/evidence/get-evidence-file";
import { listSystemEvidence } from "@/lib/evidence/list-system-evidence";

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const TOKEN_ACTORS = { read_token: ["read"], write_token: ["write"] } as const satisfies Record<string, TokenScope[]>;
type TokenActor = keyof typeof TOKEN_ACTORS;
type ActorKey = Role | TokenActor;
const ACTORS: ActorKey[] = [...ROLES, "read_token", "write_token"];
type Ownership = "own" | "other";

const isToken = (key: ActorKey): key is TokenActor => key in TOKEN_ACTORS;
const unique = () => randomBytes(4).toString("hex");
const randomId = () => `c${randomBytes(12).toString("hex")}`;

function ctxFor(org: TestOrg, key: ActorKey): ServiceContext {
  if (isToken(key)) return { orgId: org.orgId, actor: { type: "token", tokenId: "t", scopes: [...TOKEN_ACTORS[key]], label: "t" } };
  return org.as(key);
}

/** Expected outcome from PERMISSIONS / TOKEN_SCOPE_PERMISSIONS only: "any" → allowed, "own" → only on the actor's system. */
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
  if (isToken(key)) return TOKEN_ACTORS[key].some((scope) => TOKEN_SCOPE_PERMISSIONS[scope].includes(permission));
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

async function expectAppError(promise: Promise<unknown>, code: AppErrorCode) {
  const { value, error } = await settle(promise);
  expect(value, `expected ${code}, but the call succeeded`).toBeUndefined();
  expect(error?.code, error?.message).toBe(code);
}

type Fixture = { systemId: string; evidenceId: string };

type VerbSpec = {
  verb: string;
  permission: Permission;
  mutates: boolean;
  targetsSystem: boolean;
  needsEvidence?: boolean;
  run: (ctx: ServiceContext, fx: Fixture) => Promise<unknown>;
};

const LINK = { framework: "iso42001" as const, controlId: "A.6.2.6" };

const VERBS: VerbSpec[] = [
  {
    verb: "listSystemControls",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    run: (ctx, fx) => listSystemControls({ ctx, input: { systemId: fx.systemId } }),
  },
  {
    verb: "getCompliancePosture (system)",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    run: (ctx, fx) => getCompliancePosture({ ctx, input: { systemId: fx.systemId } }),
  },
  {
    verb: "getCompliancePosture (organisation)",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: false,
    run: (ctx) => getCompliancePosture({ ctx }),
  },
  {
    verb: "getFrameworkCoverage",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: false,
    run: (ctx) => getFrameworkCoverage({ ctx, input: { framework: "iso42001" } }),
  },
  {
    verb: "listControlSystems",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: false,
    run: (ctx) => listControlSystems({ ctx, input: { framework: "eu_ai_act", controlId: "Art 4" } }),
  },
  {
    verb: "listSystemEvidence",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    run: (ctx, fx) => listSystemEvidence({ ctx, input: { systemId: fx.systemId } }),
  },
  {
    verb: "getEvidenceFile",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    needsEvidence: true,
    run: (ctx, fx) => getEvidenceFile({ ctx, input: { evidenceId: fx.evidenceId } }),
  },
  {
    verb: "updateSystemControl",
    permission: "control:write",
    mutates: true,
    targetsSystem: true,
    run: (ctx, fx) => updateSystemControl({ ctx, input: { systemId: fx.systemId, ...LINK, status: "implemented" } }),
  },
  {
    verb: "createEvidence",
    permission: "control:write",
    mutates: true,
    targetsSystem: true,
    run: (ctx, fx) =>
      createEvidence({ ctx, input: { systemId: fx.systemId, kind: "link", title: "Matrix evidence", url: "https://example.test/e", links: [LINK] } }),
  },
  {
    verb: "linkEvidence",
    permission: "control:write",
    mutates: true,
    targetsSystem: true,
    needsEvidence: true,
    run: (ctx, fx) => linkEvidence({ ctx, input: { evidenceId: fx.evidenceId, framework: "eu_ai_act", controlId: "Art 4" } }),
  },
  {
    verb: "deleteEvidence",
    permission: "control:write",
    mutates: true,
    targetsSystem: true,
    needsEvidence: true,
    run: (ctx, fx) => deleteEvidence({ ctx, input: { evidenceId: fx.evidenceId } }),
  },
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

// ---------------------------------------------------------------------------------------------
// Permission matrix
// ---------------------------------------------------------------------------------------------

describe("permission matrix of the control and evidence verbs (derived from PERMISSIONS and TOKEN_SCOPE_PERMISSIONS)", () => {
  let org: TestOrg;
  let bystanderId: string;

  beforeAll(async () => {
    org = await createTestOrg("ctl-matrix");
    const user = await db.user.create({ data: { email: `bystander-${unique()}@example.test`, name: "Bystander" }, select: { id: true } });
    await db.membership.create({ data: { orgId: org.orgId, userId: user.id, role: "risk_owner" } });
    bystanderId = user.id;
  });

  async function prepare(cell: Cell): Promise<Fixture> {
    const ownerId = cell.ownership === "own" && !isToken(cell.actor) ? org.users[cell.actor].id : bystanderId;
    const { id: systemId } = await createSystem({ ctx: org.system, input: { name: `Target ${unique()}`, ownerId, lifecycleStage: "production" } });
    const evidenceId = cell.spec.needsEvidence
      ? (
          await createEvidence({
            ctx: org.system,
            input: { systemId, kind: "file", file: { name: "f.txt", mimeType: "text/plain", bytes: new TextEncoder().encode("x") }, links: [LINK] },
          })
        ).id
      : "";
    return { systemId, evidenceId };
  }

  it("covers every verb of lib/controls and lib/evidence and every role of the table", () => {
    expect(
      VERBS.map((v) => v.verb.split(" ")[0])
        .filter((v, i, all) => all.indexOf(v) === i)
        .sort(),
    ).toEqual(
      [
        "listSystemControls",
        "getCompliancePosture",
        "getFrameworkCoverage",
        "listControlSystems",
        "listSystemEvidence",
        "getEvidenceFile",
        "updateSystemControl",
        "createEvidence",
        "linkEvidence",
        "deleteEvidence",
      ].sort(),
    );
    for (const row of Object.values(PERMISSIONS)) for (const role of Object.keys(row)) expect(ACTORS).toContain(role);
    // the cells below are not vacuous: control:write is "own" for risk owners and absent for executives and auditors
    expect(expectedOutcome("risk_owner", "control:write", "other")).toBe("FORBIDDEN");
    expect(expectedOutcome("risk_owner", "control:write", "own")).toBe("allowed");
    expect(expectedOutcome("auditor", "control:write", "own")).toBe("FORBIDDEN");
  });

  it.each(CELLS.map((cell) => [cell.name, cell] as const))("%s", async (_name, cell) => {
    const fx = await prepare(cell);
    const before = await auditSeq(org.orgId);
    const call = cell.spec.run(ctxFor(org, cell.actor), fx);
    if (cell.expected === "allowed") {
      await call;
      expect(await auditSeq(org.orgId)).toBe(before + (cell.spec.mutates ? 1 : 0));
    } else {
      await expectAppError(call, "FORBIDDEN");
      expect(await auditSeq(org.orgId), "a refused call must write nothing").toBe(before);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Tenant isolation
// ---------------------------------------------------------------------------------------------

describe("org B cannot read or change org A's controls and evidence", () => {
  let a: TestOrg;
  let b: TestOrg;
  const A = { systemId: "", fileId: "", linkId: "" };
  const bTokens: Partial<Record<TokenActor, ServiceContext>> = {};
  let aBefore: Awaited<ReturnType<typeof snapshot>>;

  async function snapshot(orgId: string) {
    const byId = { orderBy: { id: "asc" as const } };
    return {
      org: await db.organization.findUniqueOrThrow({ where: { id: orgId } }),
      controls: await db.systemControl.findMany({ where: { orgId }, ...byId }),
      evidence: await db.evidence.findMany({ where: { orgId }, ...byId }),
      links: await db.evidenceLink.findMany({ where: { orgId }, ...byId }),
      audit: await db.auditEvent.findMany({ where: { orgId }, orderBy: { seq: "asc" } }),
    };
  }

  const bCtx = (actor: ActorKey) => (isToken(actor) ? bTokens[actor]! : b.as(actor));

  beforeAll(async () => {
    [a, b] = await Promise.all([createTestOrg("ctl-tenant-a"), createTestOrg("ctl-tenant-b")]);
    A.systemId = (
      await createSystem({ ctx: a.as("admin"), input: { name: "A scoring", riskTier: "high", euAiActRole: "provider", ownerId: a.users.risk_owner.id } })
    ).id;
    await updateSystemControl({ ctx: a.as("admin"), input: { systemId: A.systemId, framework: "eu_ai_act", controlId: "Art 9", status: "implemented" } });
    A.fileId = (
      await createEvidence({
        ctx: a.as("admin"),
        input: {
          systemId: A.systemId,
          kind: "file",
          file: { name: "secret.txt", mimeType: "text/plain", bytes: new TextEncoder().encode("A's secret") },
          links: [{ framework: "eu_ai_act", controlId: "Art 9" }],
        },
      })
    ).id;
    A.linkId = (
      await createEvidence({ ctx: a.as("admin"), input: { systemId: A.systemId, kind: "link", title: "A link", url: "https://a.example.test", links: [LINK] } })
    ).id;
    await createSystem({ ctx: b.as("admin"), input: { name: "B system", ownerId: b.users.risk_owner.id } });
    for (const key of ["read_token", "write_token"] as const) {
      const { secret } = await createApiToken({ ctx: b.as("admin"), input: { name: key, scopes: [...TOKEN_ACTORS[key]] } });
      bTokens[key] = await authenticateApiToken(`Bearer ${secret}`);
    }
    aBefore = await snapshot(a.orgId);
  });

  type Probe = { op: string; permission: Permission; target: () => string; run: (ctx: ServiceContext, id: string) => Promise<unknown> };
  const PROBES: Probe[] = [
    {
      op: "listSystemControls",
      permission: "inventory:read",
      target: () => A.systemId,
      run: (ctx, id) => listSystemControls({ ctx, input: { systemId: id } }),
    },
    {
      op: "getCompliancePosture",
      permission: "inventory:read",
      target: () => A.systemId,
      run: (ctx, id) => getCompliancePosture({ ctx, input: { systemId: id } }),
    },
    {
      op: "listSystemEvidence",
      permission: "inventory:read",
      target: () => A.systemId,
      run: (ctx, id) => listSystemEvidence({ ctx, input: { systemId: id } }),
    },
    { op: "getEvidenceFile", permission: "inventory:read", target: () => A.fileId, run: (ctx, id) => getEvidenceFile({ ctx, input: { evidenceId: id } }) },
    {
      op: "updateSystemControl",
      permission: "control:write",
      target: () => A.systemId,
      run: (ctx, id) => updateSystemControl({ ctx, input: { systemId: id, framework: "eu_ai_act", controlId: "Art 9", status: "not_started", version: 1 } }),
    },
    {
      op: "createEvidence",
      permission: "control:write",
      target: () => A.systemId,
      run: (ctx, id) => createEvidence({ ctx, input: { systemId: id, kind: "link", title: "Injected", url: "https://evil.example.test", links: [LINK] } }),
    },
    {
      op: "linkEvidence",
      permission: "control:write",
      target: () => A.linkId,
      run: (ctx, id) => linkEvidence({ ctx, input: { evidenceId: id, framework: "iso42001", controlId: "A.2.2" } }),
    },
    { op: "deleteEvidence", permission: "control:write", target: () => A.fileId, run: (ctx, id) => deleteEvidence({ ctx, input: { evidenceId: id } }) },
  ];

  const cells = PROBES.flatMap((probe) =>
    ACTORS.map((actor) => {
      const expected = holds(actor, probe.permission) ? "NOT_FOUND" : "FORBIDDEN";
      return [`${probe.op} by org B's ${actor} → ${expected}`, { probe, actor, expected }] as const;
    }),
  );

  it.each(cells)("%s (same answer as for a guessed id, nothing changes in A)", async (_name, { probe, actor, expected }) => {
    const ctx = bCtx(actor);
    const bSeq = await auditSeq(b.orgId);
    const real = await settle(probe.run(ctx, probe.target()));
    const guess = await settle(probe.run(ctx, randomId()));
    expect(real.value, "org A's data must never be returned").toBeUndefined();
    expect(real.error?.code).toBe(expected);
    expect({ code: real.error?.code, message: real.error?.message, issues: real.error?.issues }).toEqual({
      code: guess.error?.code,
      message: guess.error?.message,
      issues: guess.error?.issues,
    });
    expect(await snapshot(a.orgId)).toEqual(aBefore);
    expect(await auditSeq(b.orgId)).toBe(bSeq);
  });

  it("org B cannot attach its evidence to A's controls, and A's statuses and evidence never appear in B's posture", async () => {
    const bSystem = (await createSystem({ ctx: b.as("admin"), input: { name: "B provider", riskTier: "high", euAiActRole: "provider" } })).id;
    const bPosture = await getCompliancePosture({ ctx: b.as("admin") });
    expect(bPosture.overall.implemented).toBe(0);
    expect(bPosture.overall.evidenced).toBe(0);
    const bControls = await listSystemControls({ ctx: b.as("admin"), input: { systemId: bSystem } });
    expect(bControls.controls.every((c) => c.evidence.length === 0 && c.status === "not_started")).toBe(true);
    const coverage = await getFrameworkCoverage({ ctx: b.as("admin"), input: { framework: "eu_ai_act" } });
    expect(coverage.controls["Art 9"]).toMatchObject({ implemented: 0 });
    expect((await listControlSystems({ ctx: b.as("admin"), input: { framework: "eu_ai_act", controlId: "Art 9" } })).map((s) => s.id)).toEqual([bSystem]);
    expect(await snapshot(a.orgId)).toEqual(aBefore);
  });
});
