import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { PERMISSIONS, TOKEN_SCOPE_PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { ROLES, type Role } from "@/lib/auth/roles";
import type { ServiceContext, TokenScope } from "@/lib/context";
import { createTestOrg, type TestOrg } from "@/scripts/support/create-test-org";
import { createSystem } from "@/lib/systems/create-system";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { authenticateApiToken } from "@/lib/tokens/authenticate-api-token";
import { createRisk } from "@/lib/risks/create-risk";
import { updateRisk } from "@/lib/risks/update-risk";
import { acceptRisk } from "@/lib/risks/accept-risk";
import { deleteRisk } from "@/lib/risks/delete-risk";
import { getRisk } from "@/lib/risks/get-risk";
import { listRisks } from "@/lib/risks/list-risks";
import { listEntityHistory } from "@/lib/audit/list-entity-history";
import { getRiskHeatmap } from "@/lib/risks/get-risk-heatmap";
import { listTechniqueRiskLevels } from "@/lib/risks/list-technique-risk-levels";
import { getRiskMatrix } from "@/lib/risks/get-risk-matrix";
import { updateRiskMatrix } from "@/lib/risks/update-risk-matrix";
import { listRiskApprovers } from "@/lib/risks/list-risk-approvers";
import { listRiskFilterOptions } from "@/lib/risks/list-risk-filter-options";
import { loadRiskRegister } from "@/lib/risks/load-risk-register";
import { DEFAULT_RISK_MATRIX } from "@/lib/risks/risk-matrix";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/systems/[id]/risks/route";
import { DELETE as deleteRoute, GET as getRoute, PATCH as patchRoute } from "@/app/api/v1/risks/[riskId]/route";
import { POST as acceptRoute } from "@/app/api/v1/risks/[riskId]/accept/route";
import { GET as matrixRoute } from "@/app/api/v1/risk-matrix/route";

// Org B's members and tokens probe org A's risk register: every id of A must behave exactly like an
// id that exists nowhere (NOT_FOUND, or the same up-front FORBIDDEN), return nothing, change nothing.

type ActorKey = Role | "read_token" | "write_token";
const ACTORS: ActorKey[] = [...ROLES, "read_token", "write_token"];
const TOKEN_SCOPES: Record<"read_token" | "write_token", TokenScope[]> = { read_token: ["read"], write_token: ["write"] };

function holds(actor: ActorKey, permission: Permission): boolean {
  if (actor === "read_token" || actor === "write_token") return TOKEN_SCOPES[actor].some((s) => TOKEN_SCOPE_PERMISSIONS[s].includes(permission));
  return (PERMISSIONS[permission] as Partial<Record<Role, string>>)[actor] !== undefined;
}

const randomId = () => `c${randomBytes(12).toString("hex")}`;
const REASON = "Accepted by the risk committee";
const RISK = { title: "Secret risk", category: "privacy" as const, inherentLikelihood: 5, inherentImpact: 5, techniqueIds: ["AML.T0024"] };

async function settle(promise: Promise<unknown>): Promise<{ value?: unknown; error?: AppError }> {
  try {
    return { value: await promise };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { error };
  }
}

async function snapshotOrg(orgId: string) {
  const byId = { orderBy: { id: "asc" as const } };
  return {
    org: await db.organization.findUniqueOrThrow({ where: { id: orgId } }),
    risks: await db.risk.findMany({ where: { orgId }, ...byId }),
    controls: await db.riskControl.findMany({ where: { orgId }, ...byId }),
    matrix: await db.riskMatrix.findUnique({ where: { orgId } }),
    audit: await db.auditEvent.findMany({ where: { orgId }, orderBy: { seq: "asc" } }),
  };
}

let a: TestOrg;
let b: TestOrg;
const A = { systemId: "", riskId: "", acceptedRiskId: "" };
let bSystemId = "";
let bRiskId = "";
let aBefore: Awaited<ReturnType<typeof snapshotOrg>>;
const bTokens: Partial<Record<"read_token" | "write_token", ServiceContext>> = {};
const bSecrets: Partial<Record<"read_token" | "write_token", string>> = {};

function bCtx(actor: ActorKey): ServiceContext {
  if (actor === "read_token" || actor === "write_token") return bTokens[actor]!;
  return b.as(actor);
}

beforeAll(async () => {
  [a, b] = await Promise.all([createTestOrg("risk-tenant-a"), createTestOrg("risk-tenant-b")]);
  A.systemId = (await createSystem({ ctx: a.as("admin"), input: { name: "A system", ownerId: a.users.risk_owner.id } })).id;
  A.riskId = (
    await createRisk({ ctx: a.as("admin"), input: { systemId: A.systemId, risk: { ...RISK, controls: [{ framework: "iso42001", controlId: "A.6.2.4" }] } } })
  ).id;
  A.acceptedRiskId = (await createRisk({ ctx: a.as("admin"), input: { systemId: A.systemId, risk: { ...RISK, title: "A accepted" } } })).id;
  await acceptRisk({ ctx: a.as("admin"), input: { id: A.acceptedRiskId, approverId: a.users.executive.id, reason: REASON, version: 1 } });
  await updateRiskMatrix({
    ctx: a.as("admin"),
    input: {
      ...DEFAULT_RISK_MATRIX,
      levels: [
        { key: "a_only", label: "A only", minScore: 1, color: "#000000" },
        { key: "a_top", label: "A top", minScore: 20, color: "#ffffff" },
      ],
      version: 0,
    },
  });

  bSystemId = (await createSystem({ ctx: b.as("admin"), input: { name: "B system", ownerId: b.users.risk_owner.id } })).id;
  bRiskId = (
    await createRisk({
      ctx: b.as("admin"),
      input: { systemId: bSystemId, risk: { ...RISK, title: "B risk", techniqueIds: ["AML.T0051"], inherentLikelihood: 1, inherentImpact: 1 } },
    })
  ).id;
  for (const key of ["read_token", "write_token"] as const) {
    const { secret } = await createApiToken({ ctx: b.as("admin"), input: { name: key, scopes: TOKEN_SCOPES[key] } });
    bSecrets[key] = secret;
    bTokens[key] = await authenticateApiToken(`Bearer ${secret}`);
  }
  aBefore = await snapshotOrg(a.orgId);
});

type Probe = { op: string; permission: Permission; target: () => string; run: (ctx: ServiceContext, id: string) => Promise<unknown> };

const PROBES: Probe[] = [
  { op: "getRisk", permission: "inventory:read", target: () => A.riskId, run: (ctx, id) => getRisk({ ctx, input: { id } }) },
  {
    op: "listEntityHistory (risk)",
    permission: "inventory:read",
    target: () => A.riskId,
    run: (ctx, id) => listEntityHistory({ ctx, input: { entity: "risk", id } }),
  },
  { op: "listRisks (A's system)", permission: "inventory:read", target: () => A.systemId, run: (ctx, systemId) => listRisks({ ctx, input: { systemId } }) },
  {
    op: "getRiskHeatmap (A's system)",
    permission: "inventory:read",
    target: () => A.systemId,
    run: (ctx, systemId) => getRiskHeatmap({ ctx, input: { systemId, basis: "inherent" } }),
  },
  {
    op: "listTechniqueRiskLevels (A's system)",
    permission: "inventory:read",
    target: () => A.systemId,
    run: (ctx, systemId) => listTechniqueRiskLevels({ ctx, input: { systemId } }),
  },
  {
    op: "createRisk (A's system)",
    permission: "risk:write",
    target: () => A.systemId,
    run: (ctx, systemId) => createRisk({ ctx, input: { systemId, risk: RISK } }),
  },
  {
    op: "updateRisk",
    permission: "risk:write",
    target: () => A.riskId,
    run: (ctx, id) => updateRisk({ ctx, input: { id, patch: { title: "Pwned", version: 1 } } }),
  },
  {
    op: "acceptRisk (B's approver)",
    permission: "risk:write",
    target: () => A.riskId,
    run: (ctx, id) => acceptRisk({ ctx, input: { id, approverId: b.users.executive.id, reason: REASON, version: 1 } }),
  },
  {
    op: "acceptRisk (A's approver)",
    permission: "risk:write",
    target: () => A.riskId,
    run: (ctx, id) => acceptRisk({ ctx, input: { id, approverId: a.users.executive.id, reason: REASON, version: 1 } }),
  },
  {
    op: "updateRisk (A's accepted risk)",
    permission: "risk:write",
    target: () => A.acceptedRiskId,
    run: (ctx, id) => updateRisk({ ctx, input: { id, patch: { treatment: "mitigate", status: "open", version: 2 } } }),
  },
  { op: "deleteRisk", permission: "risk:write", target: () => A.riskId, run: (ctx, id) => deleteRisk({ ctx, input: { id } }) },
];

const CELLS = PROBES.flatMap((probe) =>
  ACTORS.map((actor) => {
    // every risk verb checks the role before any lookup, so an actor without the permission is FORBIDDEN for every id
    const expected = holds(actor, probe.permission) ? "NOT_FOUND" : "FORBIDDEN";
    return [`${probe.op} by org B's ${actor} → ${expected}`, { probe, actor, expected }] as const;
  }),
);

describe("org B cannot reach org A's risks by guessing ids", () => {
  it.each(CELLS)("%s", async (_name, { probe, actor, expected }) => {
    const ctx = bCtx(actor);
    const bSeq = (await db.organization.findUniqueOrThrow({ where: { id: b.orgId } })).auditSeq;
    const real = await settle(probe.run(ctx, probe.target()));
    const guess = await settle(probe.run(ctx, randomId()));
    expect(real.value, "org A's data must never be returned").toBeUndefined();
    expect(real.error?.code).toBe(expected);
    expect({ code: real.error?.code, message: real.error?.message, issues: real.error?.issues }).toEqual({
      code: guess.error?.code,
      message: guess.error?.message,
      issues: guess.error?.issues,
    });
    expect(await snapshotOrg(a.orgId)).toEqual(aBefore);
    expect((await db.organization.findUniqueOrThrow({ where: { id: b.orgId } })).auditSeq).toBe(bSeq);
  });
});

describe("org B's lists, heatmap, technique levels and matrix show only B", () => {
  it.each(ACTORS.map((actor) => [actor] as const))("as org B's %s", async (actor) => {
    const ctx = bCtx(actor);
    for (const input of [
      {},
      { status: "accepted" as const },
      { techniqueId: "AML.T0024" },
      { q: "Secret" },
      { level: "critical" },
      { ownerId: a.users.admin.id },
    ]) {
      const list = await listRisks({ ctx, input });
      expect(list.items.every((r) => r.id === bRiskId)).toBe(true);
      expect(list.total).toBe(list.items.length);
    }
    expect((await listRisks({ ctx, input: {} })).items.map((r) => r.id)).toEqual([bRiskId]);
    const heatmap = await getRiskHeatmap({ ctx, input: { basis: "inherent" } });
    expect(heatmap.total).toBe(1);
    expect(heatmap.cells.find((c) => c.count > 0)).toMatchObject({ likelihood: 1, impact: 1 });
    expect(await listTechniqueRiskLevels({ ctx, input: {} })).toEqual([
      { techniqueId: "AML.T0051", maxScore: 1, level: expect.objectContaining({ key: "low" }), riskCount: 1 },
    ]);
    // A's edited matrix never leaks into B
    expect(await getRiskMatrix({ ctx })).toEqual({ ...DEFAULT_RISK_MATRIX, version: 0 });
    const page = await loadRiskRegister({ ctx, input: { level: "a_only" } });
    expect(page.filters.level).toBeUndefined();
    expect(page.list.items.map((r) => r.id)).toEqual([bRiskId]);
  });

  it("filter options and approvers list only B's systems and members", async () => {
    const options = await listRiskFilterOptions({ ctx: b.as("auditor") });
    expect(options.systems.map((s) => s.id)).toEqual([bSystemId]);
    const aIds = Object.values(a.users).map((u) => u.id);
    expect(options.members.some((m) => aIds.includes(m.id))).toBe(false);
    expect((await listRiskApprovers({ ctx: b.as("admin") })).some((m) => aIds.includes(m.id))).toBe(false);
  });

  it("B cannot name A's people as owner or approver of B's risks", async () => {
    await expect(createRisk({ ctx: b.as("admin"), input: { systemId: bSystemId, risk: { ...RISK, ownerId: a.users.risk_owner.id } } })).rejects.toMatchObject({
      code: "VALIDATION",
      issues: [{ path: "ownerId" }],
    });
    await expect(
      acceptRisk({ ctx: b.as("admin"), input: { id: bRiskId, approverId: a.users.executive.id, reason: REASON, version: 1 } }),
    ).rejects.toMatchObject({ code: "VALIDATION", issues: [{ path: "approverId" }] });
  });

  it("B's matrix edit leaves A's matrix alone", async () => {
    await updateRiskMatrix({ ctx: b.as("admin"), input: { ...DEFAULT_RISK_MATRIX, likelihoodLabels: ["1", "2", "3", "4", "5"], version: 0 } });
    expect((await getRiskMatrix({ ctx: a.as("admin") })).levels.map((l) => l.key)).toEqual(["a_only", "a_top"]);
    expect(await snapshotOrg(a.orgId)).toEqual(aBefore);
  });
});

describe("org B's API tokens get 404 for A's ids, exactly as for ids that exist nowhere", () => {
  type Handler = (req: Request, segment: { params: Promise<Record<string, string>> }) => Promise<Response>;
  async function call(handler: Handler, method: string, token: string, params: Record<string, string>, json?: unknown) {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (json !== undefined) headers["content-type"] = "application/json";
    const res = await handler(new Request("http://localhost/api/v1/x", { method, headers, body: json === undefined ? undefined : JSON.stringify(json) }), {
      params: Promise.resolve(params),
    });
    return { status: res.status, body: await res.json().catch(() => null) };
  }
  const requests: [string, Handler, string, (id: string) => Record<string, string>, () => string, () => unknown][] = [
    ["GET /systems/{A}/risks", listRoute, "GET", (id) => ({ id }), () => A.systemId, () => undefined],
    ["POST /systems/{A}/risks", createRoute, "POST", (id) => ({ id }), () => A.systemId, () => RISK],
    ["GET /risks/{A}", getRoute, "GET", (riskId) => ({ riskId }), () => A.riskId, () => undefined],
    ["PATCH /risks/{A}", patchRoute, "PATCH", (riskId) => ({ riskId }), () => A.riskId, () => ({ title: "Pwned", version: 1 })],
    ["DELETE /risks/{A}", deleteRoute, "DELETE", (riskId) => ({ riskId }), () => A.riskId, () => undefined],
    [
      "POST /risks/{A}/accept",
      acceptRoute,
      "POST",
      (riskId) => ({ riskId }),
      () => A.riskId,
      () => ({ approverId: b.users.executive.id, reason: REASON, version: 1 }),
    ],
  ];

  it.each(requests)("%s with B's write token → 404", async (_name, handler, method, params, target, json) => {
    const real = await call(handler, method, bSecrets.write_token!, params(target()), json());
    const guess = await call(handler, method, bSecrets.write_token!, params(randomId()), json());
    expect(real.status).toBe(404);
    expect({ ...real.body, requestId: undefined }).toEqual({ ...guess.body, requestId: undefined });
    expect(await snapshotOrg(a.orgId)).toEqual(aBefore);
  });

  it("GET /risk-matrix with B's read token returns B's matrix", async () => {
    const res = await call(matrixRoute, "GET", bSecrets.read_token!, {});
    expect(res.status).toBe(200);
    expect(res.body.levels.map((l: { key: string }) => l.key)).not.toContain("a_only");
  });
});

describe("org A after all probes", () => {
  it("is unchanged", async () => {
    expect(await snapshotOrg(a.orgId)).toEqual(aBefore);
  });
});
