import { Prisma } from "@/generated/prisma/client";
import type { ServiceContext } from "@/lib/context";
import type { ScoreBasis, RiskFilters } from "./schemas";

// The SQL side of the register: the same rule as scoreRisk (score = likelihood × impact, a level is a
// score band from levelRanges), so a level filter in a query and scoreRisk on a row cannot disagree.
// The 25-cell agreement test (tests/integration/risk-scoring.test.ts) holds the two together.

/** likelihood × impact of the basis; NULL for a residual rating that has not been assessed. */
export function scoreSql(basis: ScoreBasis): Prisma.Sql {
  return basis === "residual" ? Prisma.sql`(r."residualLikelihood" * r."residualImpact")` : Prisma.sql`(r."inherentLikelihood" * r."inherentImpact")`;
}

function likelihoodSql(basis: ScoreBasis): Prisma.Sql {
  return basis === "residual" ? Prisma.sql`r."residualLikelihood"` : Prisma.sql`r."inherentLikelihood"`;
}

function impactSql(basis: ScoreBasis): Prisma.Sql {
  return basis === "residual" ? Prisma.sql`r."residualImpact"` : Prisma.sql`r."inherentImpact"`;
}

/** LIKE pattern for a literal substring. */
function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * WHERE clause over "Risk" r for the register filters; always scoped to the context's organisation.
 * With basis "residual", a level or cell filter matches only risks whose residual rating is assessed
 * (the product is NULL otherwise, and NULL BETWEEN … is not true).
 */
export function riskWhereSql(ctx: ServiceContext, f: RiskFilters, range: { min: number; max: number } | undefined): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`r."orgId" = ${ctx.orgId}`];
  if (f.systemId) conditions.push(Prisma.sql`r."systemId" = ${f.systemId}`);
  if (f.category) conditions.push(Prisma.sql`r."category" = ${f.category}::"RiskCategory"`);
  if (f.status) conditions.push(Prisma.sql`r."status" = ${f.status}::"RiskStatus"`);
  if (f.ownerId) conditions.push(Prisma.sql`r."ownerId" = ${f.ownerId}`);
  if (f.techniqueId) conditions.push(Prisma.sql`r."techniqueIds" @> ARRAY[${f.techniqueId}]::text[]`);
  if (f.q) {
    const pattern = containsPattern(f.q);
    conditions.push(Prisma.sql`(r."title" ILIKE ${pattern} OR r."description" ILIKE ${pattern})`);
  }
  if (f.likelihood) conditions.push(Prisma.sql`${likelihoodSql(f.basis)} = ${f.likelihood}`);
  if (f.impact) conditions.push(Prisma.sql`${impactSql(f.basis)} = ${f.impact}`);
  if (range) conditions.push(Prisma.sql`${scoreSql(f.basis)} BETWEEN ${range.min} AND ${range.max}`);
  return Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}`;
}

/** ORDER BY for the register; id breaks ties so pages are stable. */
export function riskOrderSql(f: RiskFilters): Prisma.Sql {
  const dir = f.dir === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const column = {
    score: scoreSql(f.basis),
    title: Prisma.sql`lower(r."title")`,
    dueDate: Prisma.sql`r."dueDate"`,
    updatedAt: Prisma.sql`r."updatedAt"`,
    createdAt: Prisma.sql`r."createdAt"`,
  }[f.sort];
  const secondary = f.sort === "score" ? Prisma.sql`, ${likelihoodSql(f.basis)} ${dir}` : Prisma.empty;
  return Prisma.sql`ORDER BY ${column} ${dir} NULLS LAST${secondary}, r."id" ASC`;
}
