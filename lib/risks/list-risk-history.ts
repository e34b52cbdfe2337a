import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import type { Changes } from "@/lib/audit/diff-changes";
import { findRiskOrThrow } from "./internal";

export type RiskHistoryEntry = { seq: number; action: string; actorLabel: string; createdAt: string; changes: Changes };

/** A risk's history, newest first, from the audit chain (its events carry the AI system as subject). */
export async function listRiskHistory({ ctx, input }: { ctx: ServiceContext; input: { id: string; limit?: number } }): Promise<RiskHistoryEntry[]> {
  assertCan(ctx, "inventory:read");
  const client = ctx.tx ?? db;
  const risk = await findRiskOrThrow(client, ctx, input.id);
  const rows = await client.auditEvent.findMany({
    where: { orgId: ctx.orgId, subjectId: risk.systemId, entityType: "risk", entityId: input.id },
    orderBy: { seq: "desc" },
    take: Math.min(input.limit ?? 200, 500),
    select: { seq: true, action: true, actorLabel: true, createdAt: true, changes: true },
  });
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), changes: r.changes as Changes }));
}
