import { withTransaction } from "@/lib/db/with-transaction";
import { assertCanOnSome } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { diffChanges } from "@/lib/audit/diff-changes";
import { parseInput, type Unparsed } from "@/lib/validation/parse-input";
import { AppError } from "@/lib/errors";
import { actorId, type ServiceContext } from "@/lib/context";
import { updateFindingStatusSchema, type FindingListItem, type UpdateFindingStatusInput } from "./schemas";
import { FINDING_AUDIT_FIELDS, findingListSelect, loadTriageFinding, toFindingListItem } from "./internal";

/**
 * Triage: open → triaged → mitigated / false positive / accepted (and back to open). Closing needs a reason; the
 * change names the version it was based on and is one audit event. Closing a finding also clears its "not
 * reproduced" suggestion; a mitigated finding that fails in a later import reopens (applyFindings).
 */
export async function updateFindingStatus({ ctx, input }: { ctx: ServiceContext; input: Unparsed<UpdateFindingStatusInput> }): Promise<FindingListItem> {
  assertCanOnSome(ctx, "finding:triage");
  const data = parseInput(updateFindingStatusSchema, input);
  return withTransaction(ctx, async (tx) => {
    const before = await loadTriageFinding(tx, ctx, data.findingId, data.version);
    if (before.status === data.status && before.statusReason === data.reason) {
      throw new AppError("VALIDATION", "Nothing to change: the finding already has this status and reason.", [
        { path: "status", message: "Choose another status" },
      ]);
    }
    const closing = data.status !== "open" && data.status !== "triaged";
    const row = await tx.finding.update({
      where: { id: before.id },
      data: {
        status: data.status,
        statusReason: data.reason,
        statusChangedAt: new Date(),
        statusChangedById: actorId(ctx.actor),
        ...(closing ? { notReproducedImportId: null } : {}),
        version: { increment: 1 },
      },
      select: findingListSelect,
    });
    await recordAudit(tx, ctx, {
      action: "finding.update",
      entityType: "finding",
      entityId: row.id,
      subjectId: row.systemId,
      changes: diffChanges({ ...before }, { ...row, statusReason: data.reason }, FINDING_AUDIT_FIELDS),
    });
    return toFindingListItem(row);
  });
}
