import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import type { Changes } from "@/lib/audit/diff-changes";
import { findSystemOrThrow } from "./internal";

export type HistoryEntry = {
  seq: number;
  action: string;
  entityType: string;
  actorLabel: string;
  createdAt: string;
  changes: Changes;
};

/** A system's change history (its own edits, components, classifications), newest first, from the audit chain. */
export async function listSystemHistory({ ctx, input }: { ctx: ServiceContext; input: { id: string; limit?: number } }): Promise<HistoryEntry[]> {
  assertCan(ctx, "inventory:read");
  const client = ctx.tx ?? db;
  await findSystemOrThrow(client, ctx, input.id);
  const rows = await client.auditEvent.findMany({
    where: { orgId: ctx.orgId, subjectId: input.id },
    orderBy: { seq: "desc" },
    take: Math.min(input.limit ?? 200, 500),
    select: { seq: true, action: true, entityType: true, actorLabel: true, createdAt: true, changes: true },
  });
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), changes: r.changes as Changes }));
}
