import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import type { TechniqueRiskLevel } from "./schemas";
import { getRiskMatrix } from "./get-risk-matrix";
import { levelForScore } from "./score-risk";
import { scoreSql } from "./risk-sql";
import { findRiskSystemOrThrow, levelRef } from "./internal";

/**
 * For every ATLAS technique referenced by a risk (of the organisation's active AI systems, or of one AI
 * system): the highest score among those risks, by residual rating when assessed else inherent, with
 * its level from the matrix (levelForScore, the band rule scoreRisk uses), and how many risks reference
 * it. The ATLAS matrix page and the Navigator layer overlay this. Sorted by technique id.
 */
export async function listTechniqueRiskLevels({ ctx, input }: { ctx: ServiceContext; input: { systemId?: string } }): Promise<TechniqueRiskLevel[]> {
  assertCan(ctx, "inventory:read");
  const client = ctx.tx ?? db;
  if (input.systemId) await findRiskSystemOrThrow(client, ctx, input.systemId);
  // organisation-wide, archived systems' risks are left out, as their profiles are
  const scope = input.systemId
    ? Prisma.sql`r."systemId" = ${input.systemId}`
    : Prisma.sql`r."systemId" IN (SELECT s.id FROM "AISystem" s WHERE s."orgId" = ${ctx.orgId} AND s."archivedAt" IS NULL)`;
  // one row per technique: only the score matters for the level, so a plain aggregate (no per-risk sort)
  const [matrix, rows] = await Promise.all([
    getRiskMatrix({ ctx }),
    client.$queryRaw<{ techniqueId: string; maxScore: number; riskCount: number }[]>(Prisma.sql`
      SELECT t.id AS "techniqueId",
        max(COALESCE(${scoreSql("residual")}, ${scoreSql("inherent")}))::int AS "maxScore",
        count(*)::int AS "riskCount"
      FROM "Risk" r
      CROSS JOIN LATERAL unnest(r."techniqueIds") AS t(id)
      WHERE r."orgId" = ${ctx.orgId} AND ${scope}
      GROUP BY t.id
      ORDER BY t.id`),
  ]);
  return rows.map((row) => ({
    techniqueId: row.techniqueId,
    maxScore: row.maxScore,
    level: levelRef(levelForScore(matrix, row.maxScore)),
    riskCount: row.riskCount,
  }));
}
