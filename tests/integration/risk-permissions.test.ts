import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError, type AppErrorCode } from "@/lib/errors";
import { PERMISSIONS, TOKEN_SCOPE_PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { ROLES, type Role } from "@/lib/auth/roles";
import type { ServiceContext, TokenScope } from "@/lib/context";
import { createTestOrg, type TestOrg } from "@/scripts/support/create-test-org";
import { createSystem } from "@/lib/systems/create-system";
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
import { listEntityHistory } from "@/lib/audit/list-entity-history";
import { listRiskApprovers } from "@/lib/risks/list-risk-approvers";
import { listRiskFilterOptions } from "@/lib/risks/list-risk-filter-options";
import { loadRiskRegister } from "@/lib/risks/load-risk-register";

// Every risk-register verb × every role and token scope, with the expected outcome derived from
// PERMISSIONS / TOKEN_SCOPE_PERMISSIONS only. Verbs on one AI system run on a system the acting user
// owns and on another member's, so risk owners' "own" grant is exercised both ways.

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
const RISK = { title: "Matrix risk", category: "security" as const, inherentLikelihood: 3, inherentImpact: 4, techniqueIds: ["AML.T0051"] };
const REASON = "Within the risk appetite agreed by the board";

type Fixture = { systemId: string; riskId: string; matrixVersion: number };

type VerbSpec = {
  verb: string;
  permission: Permission;
  mutates: boolean;
  targetsSystem: boolean;
  needsRisk?: boolean;
  run: (ctx: ServiceContext, fx: Fixture) => Promise<unknown>;
};

let org: TestOrg;
let bystanderId: string;

const VERBS: VerbSpec[] = [
  {
    verb: "createRisk",
    permission: "risk:write",
    mutates: true,
    targetsSystem: true,
    run: (ctx, fx) => createRisk({ ctx, input: { systemId: fx.systemId, risk: RISK } }),
  },
  {
    verb: "updateRisk",
    permission: "risk:write",
    mutates: true,
    targetsSystem: true,
    needsRisk: true,
    run: (ctx, fx) => updateRisk({ ctx, input: { id: fx.riskId, patch: { title: "Edited", version: 1 } } }),
  },
  {
    verb: "acceptRisk",
    permission: "risk:write",
    mutates: true,
    targetsSystem: true,
    needsRisk: true,
    run: (ctx, fx) => acceptRisk({ ctx, input: { id: fx.riskId, approverId: org.users.executive.id, reason: REASON, version: 1 } }),
  },
  {
    verb: "deleteRisk",
    permission: "risk:write",
    mutates: true,
    targetsSystem: true,
    needsRisk: true,
    run: (ctx, fx) => deleteRisk({ ctx, input: { id: fx.riskId } }),
  },
  {
    verb: "getRisk",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    needsRisk: true,
    run: (ctx, fx) => getRisk({ ctx, input: { id: fx.riskId } }),
  },
  {
    verb: "listEntityHistory",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    needsRisk: true,
    run: (ctx, fx) => listEntityHistory({ ctx, input: { entity: "risk", id: fx.riskId } }),
  },
  {
    verb: "listRisks",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    run: (ctx, fx) => listRisks({ ctx, input: { systemId: fx.systemId, level: "high" } }),
  },
  {
    verb: "getRiskHeatmap",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    run: (ctx, fx) => getRiskHeatmap({ ctx, input: { systemId: fx.systemId, basis: "residual" } }),
  },
  {
    verb: "listTechniqueRiskLevels",
    permission: "inventory:read",
    mutates: false,
    targetsSystem: true,
    run: (ctx, fx) => listTechniqueRiskLevels({ ctx, input: { systemId: fx.systemId } }),
  },
  { verb: "loadRiskRegister", permission: "inventory:read", mutates: false, targetsSystem: false, run: (ctx) => loadRiskRegister({ ctx, input: {} }) },
  { verb: "listRiskFilterOptions", permission: "inventory:read", mutates: false, targetsSystem: false, run: (ctx) => listRiskFilterOptions({ ctx }) },
  { verb: "getRiskMatrix", permission: "inventory:read", mutates: false, targetsSystem: false, run: (ctx) => getRiskMatrix({ ctx }) },
  { verb: "getScoredRiskMatrix", permission: "inventory:read", mutates: false, targetsSystem: false, run: (ctx) => getScoredRiskMatrix({ ctx }) },
  { verb: "listRiskApprovers", permission: "member:read", mutates: false, targetsSystem: false, run: (ctx) => listRiskApprovers({ ctx }) },
  {
    verb: "updateRiskMatrix",
    permission: "matrix:manage",
    mutates: true,
    targetsSystem: false,
    run: async (ctx, fx) => {
      const { version: _v, ...matrix } = await getRiskMatrix({ ctx: org.system });
      return updateRiskMatrix({
        ctx,
        input: { ...matrix, likelihoodLabels: [`Rare ${unique()}`, ...matrix.likelihoodLabels.slice(1)], version: fx.matrixVersion },
      });
    },
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

beforeAll(async () => {
  org = await createTestOrg("risk-perm");
  const user = await db.user.create({ data: { email: `bystander-${unique()}@example.test`, name: "Bystander" }, select: { id: true } });
  await db.membership.create({ data: { orgId: org.orgId, userId: user.id, role: "risk_owner" } });
  bystanderId = user.id;
});

async function prepare(cell: Cell): Promise<Fixture> {
  const ownerId = cell.ownership === "own" && !isToken(cell.actor) ? org.users[cell.actor].id : bystanderId;
  const { id: systemId } = await createSystem({ ctx: org.system, input: { name: `Target ${unique()}`, ownerId } });
  const riskId = cell.spec.needsRisk ? (await createRisk({ ctx: org.system, input: { systemId, risk: RISK } })).id : "";
  const matrixVersion = (await getRiskMatrix({ ctx: org.system })).version;
  return { systemId, riskId, matrixVersion };
}

describe("risk permission matrix (derived from PERMISSIONS and TOKEN_SCOPE_PERMISSIONS)", () => {
  it("covers every risk-register verb and every role", () => {
    expect(VERBS.map((v) => v.verb).sort()).toEqual([
      "acceptRisk",
      "createRisk",
      "deleteRisk",
      "getRisk",
      "getRiskHeatmap",
      "getRiskMatrix",
      "getScoredRiskMatrix",
      "listEntityHistory",
      "listRiskApprovers",
      "listRiskFilterOptions",
      "listRisks",
      "listTechniqueRiskLevels",
      "loadRiskRegister",
      "updateRisk",
      "updateRiskMatrix",
    ]);
    for (const row of Object.values(PERMISSIONS)) for (const role of Object.keys(row)) expect(ACTORS).toContain(role);
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

describe("who may be named as the approver (derived from PERMISSIONS['risk:approve'])", () => {
  it.each(ROLES.map((role) => [role, (PERMISSIONS["risk:approve"] as Partial<Record<Role, string>>)[role] ? "eligible" : "refused"] as const))(
    "%s → %s",
    async (role, outcome) => {
      const { id: systemId } = await createSystem({ ctx: org.system, input: { name: `Approver ${unique()}` } });
      const { id } = await createRisk({ ctx: org.system, input: { systemId, risk: RISK } });
      const before = await auditSeq(org.orgId);
      const call = acceptRisk({ ctx: org.as("compliance_officer"), input: { id, approverId: org.users[role].id, reason: REASON, version: 1 } });
      if (outcome === "eligible") {
        await expect(call).resolves.toMatchObject({ status: "accepted", acceptance: { approver: { id: org.users[role].id } } });
        expect(await auditSeq(org.orgId)).toBe(before + 1);
      } else {
        const error = await expectAppError(call, "VALIDATION");
        expect(error.issues.map((i) => i.path)).toEqual(["approverId"]);
        expect(await auditSeq(org.orgId)).toBe(before);
      }
      expect((await listRiskApprovers({ ctx: org.as("admin") })).some((a) => a.id === org.users[role].id)).toBe(outcome === "eligible");
    },
  );
});

describe("risk owner spot checks (written out literally)", () => {
  it("a risk owner manages risks on their own system but not on another's, where they can still read them", async () => {
    const own = await createSystem({ ctx: org.as("admin"), input: { name: "RO own", ownerId: org.users.risk_owner.id } });
    const foreign = await createSystem({ ctx: org.as("admin"), input: { name: "RO foreign", ownerId: org.users.compliance_officer.id } });
    const ro = org.as("risk_owner");
    const mine = await createRisk({ ctx: ro, input: { systemId: own.id, risk: RISK } });
    await expect(updateRisk({ ctx: ro, input: { id: mine.id, patch: { status: "in_treatment", version: 1 } } })).resolves.toMatchObject({
      status: "in_treatment",
    });
    const theirs = await createRisk({ ctx: org.as("compliance_officer"), input: { systemId: foreign.id, risk: RISK } });
    const seq = await auditSeq(org.orgId);
    await expectAppError(createRisk({ ctx: ro, input: { systemId: foreign.id, risk: RISK } }), "FORBIDDEN");
    await expectAppError(updateRisk({ ctx: ro, input: { id: theirs.id, patch: { title: "Hijack", version: 1 } } }), "FORBIDDEN");
    await expectAppError(acceptRisk({ ctx: ro, input: { id: theirs.id, approverId: org.users.executive.id, reason: REASON, version: 1 } }), "FORBIDDEN");
    await expectAppError(deleteRisk({ ctx: ro, input: { id: theirs.id } }), "FORBIDDEN");
    expect(await auditSeq(org.orgId)).toBe(seq);
    await expect(getRisk({ ctx: ro, input: { id: theirs.id } })).resolves.toMatchObject({ title: "Matrix risk" });
  });

  it("an executive may approve but not record risks; only an admin edits the matrix", async () => {
    const { id: systemId } = await createSystem({ ctx: org.as("admin"), input: { name: "Exec" } });
    await expectAppError(createRisk({ ctx: org.as("executive"), input: { systemId, risk: RISK } }), "FORBIDDEN");
    const { version: _v, ...matrix } = await getRiskMatrix({ ctx: org.system });
    const version = (await getRiskMatrix({ ctx: org.system })).version;
    await expectAppError(updateRiskMatrix({ ctx: org.as("compliance_officer"), input: { ...matrix, version } }), "FORBIDDEN");
    await expectAppError(
      updateRiskMatrix({
        ctx: { orgId: org.orgId, actor: { type: "token", tokenId: "t", scopes: ["read", "write"], label: "t" } },
        input: { ...matrix, version },
      }),
      "FORBIDDEN",
    );
  });
});
