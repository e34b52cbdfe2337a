import { withTransaction } from "@/lib/db/with-transaction";
import { assertCanOnSome } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { diffChanges } from "@/lib/audit/diff-changes";
import { parseInput } from "@/lib/validation/parse-input";
import type { ServiceContext } from "@/lib/context";
import { loadWritableSystem } from "@/lib/controls/control-system";
import { toEvidenceSummary } from "./evidence-summary";
import { evidenceIdSchema } from "./schemas";
import { EVIDENCE_AUDIT_FIELDS, findEvidenceOrThrow, linkLabel } from "./internal";

/**
 * Deletes a piece of evidence and its attachments to controls. Control statuses are left as they are.
 * The audit event keeps the metadata and the SHA-256 of a deleted file (not its bytes).
 */
export async function deleteEvidence({ ctx, input }: { ctx: ServiceContext; input: { evidenceId: string } }): Promise<void> {
  assertCanOnSome(ctx, "control:write");
  const { evidenceId } = parseInput(evidenceIdSchema, input);
  await withTransaction(ctx, async (tx) => {
    const before = await findEvidenceOrThrow(tx, ctx, evidenceId);
    const { system } = await loadWritableSystem(tx, ctx, before.systemId);
    await tx.evidence.delete({ where: { id: before.id } });
    const summary = toEvidenceSummary(before);
    await recordAudit(tx, ctx, {
      action: "evidence.delete",
      entityType: "evidence",
      entityId: before.id,
      subjectId: system.id,
      changes: diffChanges({ ...summary, links: summary.links.map(linkLabel) }, null, EVIDENCE_AUDIT_FIELDS),
    });
  });
}
