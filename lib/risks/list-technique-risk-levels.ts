import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import type { TechniqueRiskLevel } from "./schemas";
import { getRiskMatrix } from "./get-risk-matrix";
import { scoreRisk } from "./score-risk";
import { findRiskSystemOrThrow, levelRef } from "./internal";

/**
 * For every ATLAS technique referenced by a risk (of the organisation, or of one AI system): the highest
 * score among those risks, by residual rating when assessed else inherent, with its level from scoreRisk,
 * and how many risks reference it. The ATLAS matrix page overlays this. Sorted by technique id.
 */
export async function listTechniqueRiskLevels({ ctx, input }: { ctx: ServiceContext; input: { systemId?: string } }): Promise<TechniqueRiskLevel[]> {
  assertCan(ctx, "inventory:read");
  const client = ctx.tx ?? db;
  if (input.systemId) await findRiskSystemOrThrow(client, ctx, input.systemId);
  const system = input.systemId ? Prisma.sql`AND r."systemId" = ${input.systemId}` : Prisma.empty;
  // one row per technique: the (likelihood, impact) of its highest-scoring risk, plus the risk count
  const [matrix, rows] = await Promise.all([
    getRiskMatrix({ ctx }),
    client.$queryRaw<{ techniqueId: string; likelihood: number; impact: number; riskCount: number }[]>(Prisma.sql`
      SELECT DISTINCT ON (t.id) t.id AS "techniqueId", x.l AS likelihood, x.i AS impact, count(*) OVER (PARTITION BY t.id)::int AS "riskCount"
      FROM "Risk" r
      CROSS JOIN LATERAL unnest(r."techniqueIds") AS t(id)
      CROSS JOIN LATERAL (SELECT
        CASE WHEN r."residualLikelihood" IS NOT NULL AND r."residualImpact" IS NOT NULL THEN r."residualLikelihood" ELSE r."inherentLikelihood" END AS l,
        CASE WHEN r."residualLikelihood" IS NOT NULL AND r."residualImpact" IS NOT NULL THEN r."residualImpact" ELSE r."inherentImpact" END AS i) x
      WHERE r."orgId" = ${ctx.orgId} ${system}
      ORDER BY t.id, x.l * x.i DESC, x.l DESC`),
  ]);
  return rows.map((row) => {
    const score = scoreRisk(matrix, row.likelihood, row.impact);
    return { techniqueId: row.techniqueId, maxScore: score.score, level: levelRef(score.level), riskCount: row.riskCount };
  });
}
