import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import { listSystemsSchema, type ListSystemsInput, type SystemList } from "./schemas";
import { summarySelect, toSummary } from "./internal";

export function buildSystemWhere(orgId: string, f: ReturnType<typeof listSystemsSchema.parse>): Prisma.AISystemWhereInput {
  return {
    orgId,
    ...(f.status === "active" ? { archivedAt: null } : f.status === "archived" ? { archivedAt: { not: null } } : {}),
    ...(f.tier && { riskTier: f.tier }),
    ...(f.stage && { lifecycleStage: f.stage }),
    ...(f.businessUnit && { businessUnit: f.businessUnit }),
    ...(f.ownerId && { ownerId: f.ownerId }),
    ...(f.q && {
      OR: [
        { name: { contains: f.q, mode: "insensitive" } },
        { description: { contains: f.q, mode: "insensitive" } },
        { purpose: { contains: f.q, mode: "insensitive" } },
        { vendor: { contains: f.q, mode: "insensitive" } },
      ],
    }),
  };
}

/** The inventory: filtered, sorted, paginated, always scoped to the context's organisation. */
export async function listSystems({ ctx, input }: { ctx: ServiceContext; input: ListSystemsInput }): Promise<SystemList> {
  assertCan(ctx, "inventory:read");
  const f = listSystemsSchema.parse(input);
  const where = buildSystemWhere(ctx.orgId, f);
  const client = ctx.tx ?? db;
  // id as tie-breaker keeps pagination stable when sort values repeat
  const orderBy: Prisma.AISystemOrderByWithRelationInput[] = [{ [f.sort]: f.dir }, { id: "asc" }];
  const [rows, total] = await Promise.all([
    client.aISystem.findMany({ where, orderBy, skip: (f.page - 1) * f.pageSize, take: f.pageSize, select: summarySelect }),
    client.aISystem.count({ where }),
  ]);
  return { items: rows.map(toSummary), total, page: f.page, pageSize: f.pageSize };
}
