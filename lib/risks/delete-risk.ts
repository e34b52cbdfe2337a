import { withTransaction } from "@/lib/db/with-transaction";
import { assertCanOnSome } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { diffChanges } from "@/lib/audit/diff-changes";
import type { ServiceContext } from "@/lib/context";
import { AUDITED_RISK_FIELDS, assertCanWriteRisks, auditView, findRiskOrThrow } from "./internal";

/** Deletes a risk and its control links; the audit event keeps every field of the removed risk. */
export async function deleteRisk({ ctx, input }: { ctx: ServiceContext; input: { id: string } }): Promise<{ id: string; systemId: string }> {
  assertCanOnSome(ctx, "risk:write");
  return withTransaction(ctx, async (tx) => {
    const before = await findRiskOrThrow(tx, ctx, input.id);
    assertCanWriteRisks(ctx, before.system);
    await tx.risk.deleteMany({ where: { id: input.id, orgId: ctx.orgId } }); // control links cascade
    await recordAudit(tx, ctx, {
      action: "risk.delete",
      entityType: "risk",
      entityId: input.id,
      subjectId: before.systemId,
      changes: diffChanges(auditView(before), null, AUDITED_RISK_FIELDS),
    });
    return { id: input.id, systemId: before.systemId };
  });
}
