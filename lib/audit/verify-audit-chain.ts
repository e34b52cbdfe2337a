import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import { computeEventHash } from "./compute-event-hash";

export type ChainBreak = { seq: number; eventId: string | null; reason: string };
export type ChainReport = { ok: boolean; checked: number; headSeq: number; firstBreak: ChainBreak | null };

const BATCH = 1000;

/**
 * Walks the organisation's chain in order and reports the first broken link: a recomputed hash
 * that differs (edited row), a prevHash that does not match (deleted or reordered row), a gap in
 * seq, or a head on the organisation that does not match the last event (truncated tail).
 */
export async function verifyAuditChain({ ctx }: { ctx: ServiceContext }): Promise<ChainReport> {
  assertCan(ctx, "audit:read");
  if (ctx.tx) return walkChain(ctx.tx, ctx);
  // One snapshot for the head and every batch: read separately, an event committed between
  // reading the head and reading the events made an intact chain look broken ("head is #4 but
  // 5 intact events lead to it") whenever someone edited while the chain was being verified.
  return db.$transaction((tx) => walkChain(tx, ctx), { isolationLevel: "RepeatableRead", timeout: 10 * 60_000, maxWait: 10_000 });
}

async function walkChain(client: Prisma.TransactionClient, ctx: ServiceContext): Promise<ChainReport> {
  const org = await client.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { auditSeq: true, auditHeadHash: true } });
  let expectedSeq = 1;
  let prevHash: string | null = null;
  let checked = 0;
  for (;;) {
    const events = await client.auditEvent.findMany({
      where: { orgId: ctx.orgId, seq: { gte: expectedSeq } },
      orderBy: { seq: "asc" },
      take: BATCH,
    });
    for (const e of events) {
      const broken = (reason: string, eventId: string | null = e.id): ChainReport => ({
        ok: false,
        checked,
        headSeq: org.auditSeq,
        firstBreak: { seq: expectedSeq, eventId, reason },
      });
      if (e.seq !== expectedSeq) return broken(`event #${expectedSeq} is missing (the next stored event is #${e.seq})`, null);
      if (e.prevHash !== prevHash) return broken(`event #${e.seq} does not link to the previous event's hash`);
      const recomputed = computeEventHash({
        orgId: e.orgId,
        seq: e.seq,
        actorType: e.actorType,
        actorId: e.actorId,
        actorLabel: e.actorLabel,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        subjectId: e.subjectId,
        changes: e.changes,
        createdAt: e.createdAt.toISOString(),
        prevHash: e.prevHash,
      });
      if (recomputed !== e.hash) return broken(`event #${e.seq} was altered: its content no longer matches its hash`);
      prevHash = e.hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (events.length < BATCH) break;
  }
  if (checked !== org.auditSeq || prevHash !== org.auditHeadHash) {
    return {
      ok: false,
      checked,
      headSeq: org.auditSeq,
      firstBreak: {
        seq: checked + 1,
        eventId: null,
        reason: `the chain head is #${org.auditSeq} but only ${checked} intact events lead to it (events removed from the end?)`,
      },
    };
  }
  return { ok: true, checked, headSeq: org.auditSeq, firstBreak: null };
}
