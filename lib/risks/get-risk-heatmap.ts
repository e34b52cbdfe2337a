import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import { scoreBasisSchema, type RiskHeatmap, type ScoreBasis } from "./schemas";
import { getRiskMatrix } from "./get-risk-matrix";
import { scoreMatrixCells } from "./score-risk";
import { findRiskSystemOrThrow, toScoreDto } from "./internal";

/**
 * Counts of risks per likelihood × impact cell (25 cells, each with its level from scoreRisk), for the
 * organisation or one AI system. With basis "residual", risks without a residual rating are counted
 * as `unassessed` instead of being placed.
 */
export async function getRiskHeatmap({ ctx, input }: { ctx: ServiceContext; input: { systemId?: string; basis?: ScoreBasis } }): Promise<RiskHeatmap> {
  assertCan(ctx, "inventory:read");
  const basis = scoreBasisSchema.parse(input.basis ?? "inherent");
  const client = ctx.tx ?? db;
  if (input.systemId) await findRiskSystemOrThrow(client, ctx, input.systemId);
  const where = { orgId: ctx.orgId, ...(input.systemId && { systemId: input.systemId }) };
  const [matrix, groups, all] = await Promise.all([
    getRiskMatrix({ ctx }),
    basis === "inherent"
      ? client.risk
          .groupBy({ by: ["inherentLikelihood", "inherentImpact"], where, _count: { _all: true } })
          .then((g) => g.map((x) => ({ likelihood: x.inherentLikelihood, impact: x.inherentImpact, count: x._count._all })))
      : client.risk
          .groupBy({
            by: ["residualLikelihood", "residualImpact"],
            where: { ...where, residualLikelihood: { not: null }, residualImpact: { not: null } },
            _count: { _all: true },
          })
          .then((g) => g.map((x) => ({ likelihood: x.residualLikelihood!, impact: x.residualImpact!, count: x._count._all }))),
    client.risk.count({ where }),
  ]);
  const counts = new Map(groups.map((g) => [`${g.likelihood}/${g.impact}`, g.count]));
  const cells = scoreMatrixCells(matrix).map((cell) => ({ ...toScoreDto(cell), count: counts.get(`${cell.likelihood}/${cell.impact}`) ?? 0 }));
  const total = cells.reduce((sum, c) => sum + c.count, 0);
  return { basis, cells, total, unassessed: all - total };
}
