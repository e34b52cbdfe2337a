import { withTransaction } from "@/lib/db/with-transaction";
import { assertCanOnSome } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { diffChanges } from "@/lib/audit/diff-changes";
import { parseInput, type Unparsed } from "@/lib/validation/parse-input";
import { AppError, type FieldIssue } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";
import { ACCEPT_ONLY_MESSAGE, residualPairIssues, updateRiskSchema, type RiskDetail, type UpdateRiskInput } from "./schemas";
import { getRiskMatrix } from "./get-risk-matrix";
import {
  AUDITED_RISK_FIELDS,
  assertCanWriteRisks,
  assertRiskOwnerIsMember,
  auditView,
  controlKeys,
  detailWithPeople,
  findRiskOrThrow,
  riskDetailSelect,
  toDueDate,
} from "./internal";

/**
 * Applies a partial edit. The edit names the version it was based on; if someone saved in between,
 * the conditional update matches no row and the edit is refused instead of silently overwriting.
 * Acceptance belongs to acceptRisk: changing status to "accepted" or treatment to "accept" here is
 * refused. Changing the treatment of an accepted risk away from "accept" withdraws the acceptance
 * (approver, date and reason are cleared; the audit trail keeps them), and then needs a new status.
 */
export async function updateRisk({ ctx, input }: { ctx: ServiceContext; input: { id: string; patch: Unparsed<UpdateRiskInput> } }): Promise<RiskDetail> {
  assertCanOnSome(ctx, "risk:write"); // refuse before looking at the input
  const { version, controls, dueDate, ...patch } = parseInput(updateRiskSchema, input.patch);
  return withTransaction(ctx, async (tx) => {
    const before = await findRiskOrThrow(tx, ctx, input.id);
    assertCanWriteRisks(ctx, before.system);

    const issues: FieldIssue[] = [];
    if (patch.status === "accepted" && before.status !== "accepted") issues.push({ path: "status", message: ACCEPT_ONLY_MESSAGE });
    if (patch.treatment === "accept" && before.treatment !== "accept") issues.push({ path: "treatment", message: ACCEPT_ONLY_MESSAGE });
    const withdrawing = before.treatment === "accept" && patch.treatment !== undefined && patch.treatment !== "accept";
    if (withdrawing && (patch.status ?? before.status) === "accepted") {
      issues.push({ path: "status", message: "Choose the new status: the risk is no longer accepted once its treatment changes" });
    }
    issues.push(...residualPairIssues({ ...before, ...patch }));
    if (issues.length > 0) throw new AppError("VALIDATION", "The input is not valid.", issues);
    if (patch.ownerId !== undefined && patch.ownerId !== before.ownerId) await assertRiskOwnerIsMember(tx, ctx, patch.ownerId);

    const acceptance = withdrawing ? { acceptedById: null, acceptedAt: null, acceptanceReason: "" } : {};
    const next = { ...before, ...patch, ...acceptance, ...(dueDate !== undefined && { dueDate: toDueDate(dueDate) ?? null }), ...(controls && { controls }) };
    const changes = diffChanges(auditView(before), auditView(next), AUDITED_RISK_FIELDS);
    const matrix = await getRiskMatrix({ ctx: { ...ctx, tx } });
    if (Object.keys(changes).length === 0) {
      // nothing to change: no new version, no audit event; a stale version is still reported
      if (version !== before.version)
        throw new AppError("CONFLICT", `This risk changed since you opened it (version ${version}, now ${before.version}). Reload it.`);
      return detailWithPeople(tx, before, matrix);
    }
    const { count } = await tx.risk.updateMany({
      where: { id: input.id, orgId: ctx.orgId, version },
      data: { ...patch, ...acceptance, ...(dueDate !== undefined && { dueDate: toDueDate(dueDate) }), version: { increment: 1 } },
    });
    if (count === 0) {
      throw new AppError(
        "CONFLICT",
        `Someone else saved this risk since you opened it (you edited version ${version}, it is now version ${before.version}). Reload to see their changes, then apply yours again.`,
      );
    }
    if (controls && JSON.stringify(controlKeys(controls)) !== JSON.stringify(controlKeys(before.controls))) {
      await tx.riskControl.deleteMany({ where: { riskId: input.id, orgId: ctx.orgId } });
      await tx.riskControl.createMany({ data: controls.map((c) => ({ ...c, orgId: ctx.orgId, riskId: input.id })) });
    }
    const after = await tx.risk.findUniqueOrThrow({ where: { id: input.id }, select: riskDetailSelect });
    await recordAudit(tx, ctx, { action: "risk.update", entityType: "risk", entityId: input.id, subjectId: before.systemId, changes });
    return detailWithPeople(tx, after, matrix);
  });
}
