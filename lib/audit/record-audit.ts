import type { Prisma } from "@/generated/prisma/client";
import { actorId, type ServiceContext } from "@/lib/context";
import { computeEventHash } from "./compute-event-hash";
import type { Changes } from "./diff-changes";
import type { AuditAction } from "./audit-actions";

export type AuditInput = {
  action: AuditAction;
  entityType: string;
  entityId: string;
  subjectId?: string | null;
  changes: Changes;
};

/**
 * Appends one event to the organisation's hash chain inside the caller's transaction. The
 * organisation row is locked first, so concurrent mutations are chained one after another.
 * NO KEY UPDATE, not UPDATE: the caller has usually just inserted a row referencing the organisation,
 * which holds a KEY SHARE lock on it; FOR UPDATE conflicts with that, so two concurrent inserts in
 * one organisation deadlocked (40P01). Only non-key columns of the organisation are changed here.
 */
export async function recordAudit(tx: Prisma.TransactionClient, ctx: ServiceContext, input: AuditInput): Promise<{ seq: number; hash: string }> {
  const [head] = await tx.$queryRaw<{ auditSeq: number; auditHeadHash: string | null }[]>`
    SELECT "auditSeq", "auditHeadHash" FROM "Organization" WHERE id = ${ctx.orgId} FOR NO KEY UPDATE`;
  if (!head) throw new Error(`organisation ${ctx.orgId} not found while recording audit`);
  const seq = head.auditSeq + 1;
  const createdAt = new Date();
  // JSON round trip: what is hashed must equal what jsonb gives back (dates as strings, no undefined)
  const changes = JSON.parse(JSON.stringify(input.changes)) as Prisma.InputJsonObject;
  const content = {
    orgId: ctx.orgId,
    seq,
    actorType: ctx.actor.type,
    actorId: actorId(ctx.actor),
    actorLabel: ctx.actor.label,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    subjectId: input.subjectId ?? null,
    changes,
    createdAt: createdAt.toISOString(),
    prevHash: head.auditHeadHash,
  };
  const hash = computeEventHash(content);
  await tx.auditEvent.create({ data: { ...content, createdAt, hash }, select: { id: true } });
  await tx.organization.update({ where: { id: ctx.orgId }, data: { auditSeq: seq, auditHeadHash: hash }, select: { id: true } });
  return { seq, hash };
}
