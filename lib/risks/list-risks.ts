import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";
import { listRisksSchema, type ListRisksInput, type RiskList } from "./schemas";
import { getRiskMatrix } from "./get-risk-matrix";
import { levelRange } from "./score-risk";
import { findRiskSystemOrThrow, loadPeople, riskSummarySelect, toRiskSummary } from "./internal";
import { riskOrderSql, riskWhereSql } from "./risk-sql";

/**
 * The risk register: filtered, sorted and paginated in SQL, always scoped to the context's organisation.
 * A level filter is the level's score band from the matrix (levelRanges), applied to likelihood × impact
 * in the query, so the page count and the chips scored with scoreRisk agree. A systemId of another
 * organisation is NOT_FOUND.
 */
export async function listRisks({ ctx, input }: { ctx: ServiceContext; input: ListRisksInput }): Promise<RiskList> {
  assertCan(ctx, "inventory:read");
  const f = listRisksSchema.parse(input);
  const client = ctx.tx ?? db;
  const matrix = await getRiskMatrix({ ctx });
  const range = f.level === undefined ? undefined : levelRange(matrix, f.level);
  if (f.level !== undefined && !range) {
    throw new AppError("VALIDATION", "Unknown risk level.", [
      { path: "level", message: `Not a level of the risk matrix (${matrix.levels.map((l) => l.key).join(", ")})` },
    ]);
  }
  if (f.systemId) await findRiskSystemOrThrow(client, ctx, f.systemId);

  const where = riskWhereSql(ctx, f, range);
  const [idRows, [{ total }]] = await Promise.all([
    client.$queryRaw<{ id: string }[]>(
      Prisma.sql`SELECT r."id" FROM "Risk" r ${where} ${riskOrderSql(f)} LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`,
    ),
    client.$queryRaw<{ total: number }[]>(Prisma.sql`SELECT count(*)::int AS total FROM "Risk" r ${where}`),
  ]);
  const ids = idRows.map((r) => r.id);
  const rows = ids.length ? await client.risk.findMany({ where: { orgId: ctx.orgId, id: { in: ids } }, select: riskSummarySelect }) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ordered = ids.map((id) => byId.get(id)).filter((r) => r !== undefined);
  const people = await loadPeople(
    client,
    ordered.map((r) => r.ownerId),
  );
  return { items: ordered.map((r) => toRiskSummary(r, matrix, people)), total, page: f.page, pageSize: f.pageSize };
}
