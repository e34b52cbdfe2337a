import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import { LIFECYCLE_STAGES, RISK_TIERS } from "./schemas";

export type InventoryStats = {
  total: number;
  archived: number;
  byTier: { tier: (typeof RISK_TIERS)[number]; count: number }[];
  byStage: { stage: (typeof LIFECYCLE_STAGES)[number]; count: number }[];
  unclassified: number;
  withoutOwner: number;
  processingSpecialCategories: number;
};

/** Real counts for the dashboard home, from the active (not archived) inventory. */
export async function getInventoryStats({ ctx }: { ctx: ServiceContext }): Promise<InventoryStats> {
  assertCan(ctx, "inventory:read");
  const client = ctx.tx ?? db;
  const active = { orgId: ctx.orgId, archivedAt: null };
  const [total, archived, tiers, stages, withoutOwner, special] = await Promise.all([
    client.aISystem.count({ where: active }),
    client.aISystem.count({ where: { orgId: ctx.orgId, archivedAt: { not: null } } }),
    client.aISystem.groupBy({ by: ["riskTier"], where: active, _count: { _all: true } }),
    client.aISystem.groupBy({ by: ["lifecycleStage"], where: active, _count: { _all: true } }),
    client.aISystem.count({ where: { ...active, ownerId: null } }),
    client.aISystem.count({ where: { ...active, dataCategories: { has: "special_category" } } }),
  ]);
  const tierCount = new Map(tiers.map((t) => [t.riskTier, t._count._all]));
  const stageCount = new Map(stages.map((s) => [s.lifecycleStage, s._count._all]));
  return {
    total,
    archived,
    byTier: RISK_TIERS.map((tier) => ({ tier, count: tierCount.get(tier) ?? 0 })),
    byStage: LIFECYCLE_STAGES.map((stage) => ({ stage, count: stageCount.get(stage) ?? 0 })),
    unclassified: tierCount.get("unclassified") ?? 0,
    withoutOwner,
    processingSpecialCategories: special,
  };
}
