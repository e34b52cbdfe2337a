import { withTransaction } from "@/lib/db/with-transaction";
import { assertCan } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";
import type { SystemDetail } from "./schemas";
import { detailSelect, findSystemOrThrow, toDetail } from "./internal";

/** Shared body of archiveSystem / restoreSystem: archiving hides a system from the inventory, never deletes it. */
export async function setArchived(ctx: ServiceContext, id: string, archived: boolean): Promise<SystemDetail> {
  assertCan(ctx, "system:archive");
  return withTransaction(ctx, async (tx) => {
    const before = await findSystemOrThrow(tx, ctx, id);
    if (Boolean(before.archivedAt) === archived)
      throw new AppError("CONFLICT", archived ? "This AI system is already archived." : "This AI system is not archived.");
    const archivedAt = archived ? new Date() : null;
    // conditional on the version read above: of two concurrent archive (or restore) calls only one
    // matches; the other is a CONFLICT with no audit event
    const { count } = await tx.aISystem.updateMany({
      where: { id, orgId: ctx.orgId, version: before.version },
      data: { archivedAt, version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("CONFLICT", "This AI system changed meanwhile; reload it and try again.");
    const after = await tx.aISystem.findFirstOrThrow({ where: { id, orgId: ctx.orgId }, select: detailSelect });
    await recordAudit(tx, ctx, {
      action: archived ? "system.archive" : "system.restore",
      entityType: "system",
      entityId: id,
      subjectId: id,
      changes: { archivedAt: { before: before.archivedAt?.toISOString() ?? null, after: archivedAt?.toISOString() ?? null } },
    });
    return toDetail(after);
  });
}
