import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import type { Changes } from "@/lib/audit/diff-changes";

/** Entities with a history page section: a system (its own events and its parts'), a risk (its own events). */
export const HISTORY_ENTITIES = ["system", "risk"] as const;
export type HistoryEntity = (typeof HISTORY_ENTITIES)[number];

export type HistoryEntry = { seq: number; action: string; entityType: string; actorLabel: string; createdAt: string; changes: Changes };

/**
 * An entity's change history, newest first, from the audit chain: who, when, field before → after.
 * A system's history holds every event whose subject it is (edits, components, classifications, threats,
 * risks, controls, evidence); a risk's only the risk's own events. Another organisation's id is NOT_FOUND.
 */
export async function listEntityHistory({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { entity: HistoryEntity; id: string; limit?: number };
}): Promise<HistoryEntry[]> {
  assertCan(ctx, "inventory:read");
  const client = ctx.tx ?? db;
  let where: { orgId: string; subjectId: string; entityType?: string; entityId?: string };
  if (input.entity === "system") {
    const system = await client.aISystem.findFirst({ where: { id: input.id, orgId: ctx.orgId }, select: { id: true } });
    if (!system) throw new AppError("NOT_FOUND", "AI system not found.");
    where = { orgId: ctx.orgId, subjectId: system.id };
  } else {
    const risk = await client.risk.findFirst({ where: { id: input.id, orgId: ctx.orgId }, select: { id: true, systemId: true } });
    if (!risk) throw new AppError("NOT_FOUND", "Risk not found.");
    // a risk's events carry its AI system as subject (the index), and the risk as entity
    where = { orgId: ctx.orgId, subjectId: risk.systemId, entityType: "risk", entityId: risk.id };
  }
  const rows = await client.auditEvent.findMany({
    where,
    orderBy: { seq: "desc" },
    take: Math.min(input.limit ?? 200, 500),
    select: { seq: true, action: true, entityType: true, actorLabel: true, createdAt: true, changes: true },
  });
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), changes: r.changes as Changes }));
}
