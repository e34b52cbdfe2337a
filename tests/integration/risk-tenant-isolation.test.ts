import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { ServiceContext } from "@/lib/context";
import { createTestOrg, type TestOrg } from "@/scripts/support/create-test-org";
import { ACTORS, isToken, tokenContexts, type ActorKey } from "@/tests/support/harness";
import { createSystem } from "@/lib/systems/create-system";
import { createRisk } from "@/lib/risks/create-risk";
import { acceptRisk } from "@/lib/risks/accept-risk";
import { listRisks } from "@/lib/risks/list-risks";
import { getRiskHeatmap } from "@/lib/risks/get-risk-heatmap";
import { listTechniqueRiskLevels } from "@/lib/risks/list-technique-risk-levels";
import { getRiskMatrix } from "@/lib/risks/get-risk-matrix";
import { updateRiskMatrix } from "@/lib/risks/update-risk-matrix";
import { listRiskApprovers } from "@/lib/risks/list-risk-approvers";
import { listRiskFilterOptions } from "@/lib/risks/list-risk-filter-options";
import { loadRiskRegister } from "@/lib/risks/load-risk-register";
import { DEFAULT_RISK_MATRIX } from "@/lib/risks/risk-matrix";

// What org B's risk lists, heatmaps, technique levels and matrix show when org A has risks and its own
// matrix levels, as every actor of B. The per-verb probes with A's ids (and the REST routes with B's
// tokens) are in tenant-isolation.test.ts, derived from the tree.

const REASON = "Accepted by the risk committee";
const RISK = { title: "Secret risk", category: "privacy" as const, inherentLikelihood: 5, inherentImpact: 5, techniqueIds: ["AML.T0024"] };

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
let bTokens: Awaited<ReturnType<typeof tokenContexts>>;

const bCtx = (actor: ActorKey): ServiceContext => (isToken(actor) ? bTokens[actor].ctx : b.as(actor));

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
  bTokens = await tokenContexts(b);
  aBefore = await snapshotOrg(a.orgId);
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

  it("B's matrix edit leaves A's matrix alone", async () => {
    await updateRiskMatrix({ ctx: b.as("admin"), input: { ...DEFAULT_RISK_MATRIX, likelihoodLabels: ["1", "2", "3", "4", "5"], version: 0 } });
    expect((await getRiskMatrix({ ctx: a.as("admin") })).levels.map((l) => l.key)).toEqual(["a_only", "a_top"]);
    expect(await snapshotOrg(a.orgId)).toEqual(aBefore);
  });
});

describe("org A after all probes", () => {
  it("is unchanged", async () => {
    expect(await snapshotOrg(a.orgId)).toEqual(aBefore);
  });
});
