import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createTestOrg, type TestOrg } from "@/scripts/support/create-test-org";
import { createSystem } from "@/lib/systems/create-system";
import { archiveSystem } from "@/lib/systems/archive-system";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { createRisk } from "@/lib/risks/create-risk";
import { listRisks } from "@/lib/risks/list-risks";
import { getRiskHeatmap } from "@/lib/risks/get-risk-heatmap";
import { getRiskMatrix } from "@/lib/risks/get-risk-matrix";
import { updateRiskMatrix } from "@/lib/risks/update-risk-matrix";
import { loadRiskRegister } from "@/lib/risks/load-risk-register";
import { listTechniqueRiskLevels } from "@/lib/risks/list-technique-risk-levels";
import { DEFAULT_RISK_MATRIX, type RiskMatrix } from "@/lib/risks/risk-matrix";
import { RATINGS, scoreMatrixCells, scoreRisk, type RiskScore } from "@/lib/risks/score-risk";
import { riskDetailSchema, riskListSchema, riskMatrixResponseSchema, type RiskScoreDto, type ScoreBasis } from "@/lib/risks/schemas";
import { GET as listSystemRisksRoute } from "@/app/api/v1/systems/[id]/risks/route";
import { GET as getRiskRoute } from "@/app/api/v1/risks/[riskId]/route";
import { GET as getMatrixRoute } from "@/app/api/v1/risk-matrix/route";

// Scoring agreement: every view of a risk's level (scoreRisk, the SQL level filter, the heatmap, the
// REST API and the register page's data) must say the same for all 25 cells, before and after an
// admin edits the matrix.

type Handler = (req: Request, segment: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function api(handler: Handler, token: string, path: string, params: Record<string, string> = {}) {
  const res = await handler(new Request(`http://localhost/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } }), {
    params: Promise.resolve(params),
  });
  return { res, data: await res.json() };
}

const BASES: ScoreBasis[] = ["inherent", "residual"];
const cellKey = (l: number, i: number) => `${l}/${i}`;
/** Each risk's residual cell: a bijection of the 25 cells, so every residual cell also holds exactly one risk. */
const residualOf = (l: number, i: number) => ({ l: 6 - l, i: 6 - i });

function dto(score: RiskScore): RiskScoreDto {
  return {
    likelihood: score.likelihood,
    impact: score.impact,
    score: score.score,
    level: { key: score.level.key, label: score.level.label, color: score.level.color },
  };
}

let org: TestOrg;
let systemId: string;
let token: string;
/** risk id by inherent cell "l/i" */
const riskByCell = new Map<string, string>();
const cellByRisk = new Map<string, { l: number; i: number }>();

function expected(matrix: RiskMatrix, riskId: string, basis: ScoreBasis): RiskScore {
  const { l, i } = cellByRisk.get(riskId)!;
  const r = basis === "inherent" ? { l, i } : residualOf(l, i);
  return scoreRisk(matrix, r.l, r.i);
}

/** Risk ids per level key, by scoreRisk. */
function expectedByLevel(matrix: RiskMatrix, basis: ScoreBasis): Map<string, string[]> {
  const byLevel = new Map(matrix.levels.map((l) => [l.key, [] as string[]]));
  for (const id of cellByRisk.keys()) byLevel.get(expected(matrix, id, basis).level.key)!.push(id);
  for (const ids of byLevel.values()) ids.sort();
  return byLevel;
}

/** The four views (plus scoreRisk itself) agree on all 25 cells for both bases. */
async function assertAllViewsAgree(matrix: RiskMatrix, version: number) {
  const ctx = org.as("auditor");
  expect(await getRiskMatrix({ ctx })).toEqual({ ...matrix, version });

  // the API's matrix: every cell scored by scoreRisk
  const matrixRes = await api(getMatrixRoute, token, "/risk-matrix");
  expect(matrixRes.res.status).toBe(200);
  expect(matrixRes.res.headers.get("etag")).toBe(`"${version}"`);
  expect(riskMatrixResponseSchema.parse(matrixRes.data).cells).toEqual(scoreMatrixCells(matrix).map(dto));

  // API list (one page holds all 25) and API detail of each risk
  const apiList = riskListSchema.parse((await api(listSystemRisksRoute, token, `/systems/${systemId}/risks?pageSize=100`, { id: systemId })).data);
  expect(apiList.total).toBe(25);
  const apiItems = new Map(apiList.items.map((item) => [item.id, item]));
  const details = await Promise.all(
    [...cellByRisk.keys()].map(async (id) => riskDetailSchema.parse((await api(getRiskRoute, token, `/risks/${id}`, { riskId: id })).data)),
  );

  for (const basis of BASES) {
    const byLevel = expectedByLevel(matrix, basis);
    // every risk falls in exactly one level
    expect([...byLevel.values()].flat().sort()).toEqual([...cellByRisk.keys()].sort());

    // page data: the organisation register and the system's register, unfiltered
    for (const scope of [{}, { systemId }]) {
      const page = await loadRiskRegister({ ctx, input: { ...scope, basis, pageSize: "100" } });
      expect(page.list.total).toBe(25);
      for (const item of page.list.items) {
        expect(item[basis]).toEqual(dto(expected(matrix, item.id, basis)));
      }
      for (const cell of page.heatmap.cells) expect(cell).toEqual({ ...dto(scoreRisk(matrix, cell.likelihood, cell.impact)), count: 1 });
      expect(page.heatmap).toMatchObject({ basis, total: 25, unassessed: 0 });
    }

    // heatmap verb: each of the 25 cells holds one risk, with scoreRisk's level
    const heatmap = await getRiskHeatmap({ ctx, input: { systemId, basis } });
    expect(heatmap.cells.map((c) => cellKey(c.likelihood, c.impact))).toEqual(RATINGS.flatMap((l) => RATINGS.map((i) => cellKey(l, i))));
    for (const cell of heatmap.cells) expect(cell).toEqual({ ...dto(scoreRisk(matrix, cell.likelihood, cell.impact)), count: 1 });

    for (const level of matrix.levels) {
      const want = byLevel.get(level.key)!;
      // SQL level filter (the verb), the API filter and the page data filter return the same risks
      const sql = await listRisks({ ctx, input: { systemId, level: level.key, basis, pageSize: 100 } });
      expect(sql.items.map((r) => r.id).sort(), `${basis} ${level.key} (SQL)`).toEqual(want);
      expect(sql.total).toBe(want.length);
      for (const item of sql.items) expect(item[basis]!.level.key).toBe(level.key);
      const viaApi = riskListSchema.parse(
        (await api(listSystemRisksRoute, token, `/systems/${systemId}/risks?level=${level.key}&basis=${basis}&pageSize=100`, { id: systemId })).data,
      );
      expect(viaApi.items.map((r) => r.id).sort(), `${basis} ${level.key} (API)`).toEqual(want);
      const page = await loadRiskRegister({ ctx, input: { level: level.key, basis, pageSize: "100" } });
      expect(page.list.items.map((r) => r.id).sort(), `${basis} ${level.key} (page)`).toEqual(want);
      // the heatmap's cells of this level add up to the same number
      expect(heatmap.cells.filter((c) => c.level.key === level.key).reduce((n, c) => n + c.count, 0)).toBe(want.length);
    }

    // each heatmap cell links to the list filtered by that cell: exactly its one risk
    for (const l of RATINGS) {
      for (const i of RATINGS) {
        const cellList = await listRisks({ ctx, input: { systemId, basis, likelihood: l, impact: i } });
        expect(cellList.total).toBe(1);
        expect(cellList.items[0][basis]).toMatchObject({ likelihood: l, impact: i, score: l * i });
      }
    }
  }

  // every cell: scoreRisk = API list = API detail (inherent and residual)
  for (const l of RATINGS) {
    for (const i of RATINGS) {
      const id = riskByCell.get(cellKey(l, i))!;
      const r = residualOf(l, i);
      const detail = details.find((d) => d.id === id)!;
      expect(apiItems.get(id)!.inherent, `inherent ${l}/${i}`).toEqual(dto(scoreRisk(matrix, l, i)));
      expect(apiItems.get(id)!.residual, `residual of ${l}/${i}`).toEqual(dto(scoreRisk(matrix, r.l, r.i)));
      expect(detail.inherent).toEqual(apiItems.get(id)!.inherent);
      expect(detail.residual).toEqual(apiItems.get(id)!.residual);
    }
  }
}

beforeAll(async () => {
  org = await createTestOrg("risk-score");
  systemId = (await createSystem({ ctx: org.as("admin"), input: { name: "Scored system" } })).id;
  token = (await createApiToken({ ctx: org.as("admin"), input: { name: "scoring", scopes: ["read"] } })).secret;
  for (const l of RATINGS) {
    for (const i of RATINGS) {
      const r = residualOf(l, i);
      const risk = await createRisk({
        ctx: org.as("compliance_officer"),
        input: {
          systemId,
          risk: { title: `Cell ${l}/${i}`, category: "security", inherentLikelihood: l, inherentImpact: i, residualLikelihood: r.l, residualImpact: r.i },
        },
      });
      riskByCell.set(cellKey(l, i), risk.id);
      cellByRisk.set(risk.id, { l, i });
    }
  }
});

describe("scoring agreement on all 25 cells", () => {
  it("scoreRisk, the SQL level filter, the heatmap, the API and the page data agree (default matrix)", async () => {
    await assertAllViewsAgree(DEFAULT_RISK_MATRIX, 0);
  });

  it("still agree after an admin changes thresholds, labels and colours, and the old level keys stop being valid", async () => {
    const edited: RiskMatrix = {
      likelihoodLabels: ["Very rare", "Rare", "Possible", "Likely", "Frequent"],
      impactLabels: ["Trivial", "Minor", "Moderate", "Major", "Catastrophic"],
      levels: [
        { key: "green", label: "Acceptable", minScore: 1, color: "#22c55e" },
        { key: "amber", label: "Tolerable", minScore: 6, color: "#f59e0b" },
        { key: "red", label: "Unacceptable", minScore: 12, color: "#dc2626" },
      ],
    };
    const seq = (await db.organization.findUniqueOrThrow({ where: { id: org.orgId } })).auditSeq;
    const saved = await updateRiskMatrix({ ctx: org.as("admin"), input: { ...edited, version: 0 } });
    expect(saved).toEqual({ ...edited, version: 1 });

    // exactly one audit event, with the matrix before and after
    const events = await db.auditEvent.findMany({ where: { orgId: org.orgId, seq: { gt: seq } } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "matrix.update", entityType: "risk_matrix" });
    expect(events[0].changes).toMatchObject({
      levels: { before: DEFAULT_RISK_MATRIX.levels, after: edited.levels },
      impactLabels: { before: DEFAULT_RISK_MATRIX.impactLabels, after: edited.impactLabels },
    });

    // some cells really moved: 2×3 = 6 was "medium" (5..9), is now "amber" (6..11); 3×4 = 12 was "high", is now "red"
    expect(scoreRisk(edited, 2, 3).level.key).toBe("amber");
    expect(scoreRisk(edited, 3, 4).level.key).toBe("red");
    expect(scoreRisk(edited, 1, 5).level.key).toBe("green");
    await assertAllViewsAgree(edited, 1);

    // a level of the old matrix is now unknown: the verb and the API refuse it, the page drops it
    await expect(listRisks({ ctx: org.as("auditor"), input: { level: "critical" } })).rejects.toMatchObject({
      code: "VALIDATION",
      issues: [{ path: "level" }],
    });
    const res = await api(listSystemRisksRoute, token, `/systems/${systemId}/risks?level=critical`, { id: systemId });
    expect(res.res.status).toBe(422);
    expect(res.data.errors.map((e: { path: string }) => e.path)).toEqual(["level"]);
    const page = await loadRiskRegister({ ctx: org.as("auditor"), input: { level: "critical" } });
    expect(page.filters.level).toBeUndefined();
    expect(page.list.total).toBe(25);
  });

  it("refuses a stale matrix version with CONFLICT and writes nothing", async () => {
    const before = await db.organization.findUniqueOrThrow({ where: { id: org.orgId } });
    const current = await getRiskMatrix({ ctx: org.as("admin") });
    const { version: _version, ...matrix } = current;
    const stale = updateRiskMatrix({ ctx: org.as("admin"), input: { ...matrix, levels: DEFAULT_RISK_MATRIX.levels, version: 0 } });
    await expect(stale).rejects.toBeInstanceOf(AppError);
    await expect(stale).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(updateRiskMatrix({ ctx: org.as("admin"), input: { ...matrix, version: 7 } })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await getRiskMatrix({ ctx: org.as("admin") })).toEqual(current);
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.orgId } })).auditSeq).toBe(before.auditSeq);

    // an unchanged matrix at the current version is a no-op: no new version, no event
    expect(await updateRiskMatrix({ ctx: org.as("admin"), input: { ...matrix, version: current.version } })).toEqual(current);
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.orgId } })).auditSeq).toBe(before.auditSeq);

    // back to the default bands at the current version: version 2, and every view agrees again
    const restored = await updateRiskMatrix({ ctx: org.as("admin"), input: { ...DEFAULT_RISK_MATRIX, version: current.version } });
    expect(restored.version).toBe(current.version + 1);
    await assertAllViewsAgree(DEFAULT_RISK_MATRIX, restored.version);
  });

  it("refuses an invalid matrix with the field paths", async () => {
    const current = await getRiskMatrix({ ctx: org.as("admin") });
    const bad = {
      ...DEFAULT_RISK_MATRIX,
      levels: [{ key: "Low!", label: "", minScore: 2, color: "green" }, DEFAULT_RISK_MATRIX.levels[1]],
      version: current.version,
    };
    const error = await updateRiskMatrix({ ctx: org.as("admin"), input: bad }).catch((e: AppError) => e);
    expect(error).toMatchObject({ code: "VALIDATION" });
    expect((error as AppError).issues.map((i) => i.path)).toEqual(expect.arrayContaining(["levels.0.key", "levels.0.label", "levels.0.color"]));
  });

  it("technique levels use the same scoring: max over the referencing risks, residual when assessed else inherent", async () => {
    const tech = await createTestOrg("risk-tech-score");
    const sys = (await createSystem({ ctx: tech.as("admin"), input: { name: "Technique system" } })).id;
    const other = (await createSystem({ ctx: tech.as("admin"), input: { name: "Other system" } })).id;
    const make = (systemId: string, techniqueIds: string[], l: number, i: number, residual?: [number, number]) =>
      createRisk({
        ctx: tech.as("admin"),
        input: {
          systemId,
          risk: {
            title: `T ${l}/${i}`,
            category: "security",
            techniqueIds,
            inherentLikelihood: l,
            inherentImpact: i,
            residualLikelihood: residual?.[0] ?? null,
            residualImpact: residual?.[1] ?? null,
          },
        },
      });
    await make(sys, ["AML.T0051"], 5, 5, [2, 2]); // residual 4 counts, not inherent 25
    await make(sys, ["AML.T0051", "AML.T0054"], 3, 3); // inherent 9
    await make(other, ["AML.T0051"], 4, 3); // 12, other system
    await make(sys, ["AML.T0051.000"], 1, 2);
    const all = await listTechniqueRiskLevels({ ctx: tech.as("executive"), input: {} });
    const m = DEFAULT_RISK_MATRIX;
    const level = (l: number, i: number) => ({
      key: scoreRisk(m, l, i).level.key,
      label: scoreRisk(m, l, i).level.label,
      color: scoreRisk(m, l, i).level.color,
    });
    expect(all).toEqual([
      { techniqueId: "AML.T0051", maxScore: 12, level: level(4, 3), riskCount: 3 },
      { techniqueId: "AML.T0051.000", maxScore: 2, level: level(1, 2), riskCount: 1 },
      { techniqueId: "AML.T0054", maxScore: 9, level: level(3, 3), riskCount: 1 },
    ]);
    const one = await listTechniqueRiskLevels({ ctx: tech.as("executive"), input: { systemId: sys } });
    expect(one.find((t) => t.techniqueId === "AML.T0051")).toEqual({ techniqueId: "AML.T0051", maxScore: 9, level: level(3, 3), riskCount: 2 });
    // organisation-wide, an archived system's risks no longer colour the overlay (its profile is not outlined either)
    await archiveSystem({ ctx: tech.as("admin"), input: { id: other } });
    const active = await listTechniqueRiskLevels({ ctx: tech.as("executive"), input: {} });
    expect(active.find((t) => t.techniqueId === "AML.T0051")).toEqual({ techniqueId: "AML.T0051", maxScore: 9, level: level(3, 3), riskCount: 2 });
    // the archived system's own view still shows its risks
    expect(await listTechniqueRiskLevels({ ctx: tech.as("executive"), input: { systemId: other } })).toEqual([
      { techniqueId: "AML.T0051", maxScore: 12, level: level(4, 3), riskCount: 1 },
    ]);
  });
});
