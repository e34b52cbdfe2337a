import { withTransaction } from "@/lib/db/with-transaction";
import { assertCanOnSome, can } from "@/lib/auth/permissions";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { diffChanges } from "@/lib/audit/diff-changes";
import { parseInput, type Unparsed } from "@/lib/validation/parse-input";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";
import { acceptRiskSchema, type AcceptRiskInput, type RiskDetail } from "./schemas";
import { getRiskMatrix } from "./get-risk-matrix";
import { AUDITED_RISK_FIELDS, assertCanWriteRisks, auditView, detailWithPeople, findRiskOrThrow, riskDetailSelect } from "./internal";

/**
 * Records the acceptance of a risk: treatment "accept", status "accepted", the named approver and the
 * reason. The caller needs risk:write on the system (risk owners: own systems); the approver must be a
 * member whose role holds risk:approve, checked with the same permission table as every other check.
 */
export async function acceptRisk({ ctx, input }: { ctx: ServiceContext; input: { id: string } & Unparsed<AcceptRiskInput> }): Promise<RiskDetail> {
  assertCanOnSome(ctx, "risk:write"); // refuse before looking at the input
  const { id, ...body } = input;
  const { approverId, reason, version } = parseInput(acceptRiskSchema, body);
  return withTransaction(ctx, async (tx) => {
    const before = await findRiskOrThrow(tx, ctx, id);
    assertCanWriteRisks(ctx, before.system);
    if (before.status === "accepted") throw new AppError("CONFLICT", "This risk is already accepted.");

    const approver = await tx.membership.findFirst({
      where: { orgId: ctx.orgId, userId: approverId },
      select: { role: true, user: { select: { id: true, name: true, email: true } } },
    });
    if (!approver)
      throw new AppError("VALIDATION", "The approver must be a member of this organisation.", [
        { path: "approverId", message: "Not a member of this organisation" },
      ]);
    const approverActor = { type: "user" as const, userId: approver.user.id, role: approver.role, label: approver.user.name };
    if (!can(approverActor, "risk:approve")) {
      throw new AppError("VALIDATION", `A ${ROLE_LABELS[approver.role].toLowerCase()} cannot approve accepting a risk.`, [
        { path: "approverId", message: `${approver.user.name} (${ROLE_LABELS[approver.role]}) may not approve risk acceptance` },
      ]);
    }

    const acceptedAt = new Date();
    const acceptance = { treatment: "accept" as const, status: "accepted" as const, acceptedById: approver.user.id, acceptedAt, acceptanceReason: reason };
    const { count } = await tx.risk.updateMany({ where: { id, orgId: ctx.orgId, version }, data: { ...acceptance, version: { increment: 1 } } });
    if (count === 0) {
      throw new AppError(
        "CONFLICT",
        `Someone else saved this risk since you opened it (you accepted version ${version}, it is now version ${before.version}). Reload it and accept again.`,
      );
    }
    const after = await tx.risk.findUniqueOrThrow({ where: { id }, select: riskDetailSelect });
    await recordAudit(tx, ctx, {
      action: "risk.accept",
      entityType: "risk",
      entityId: id,
      subjectId: before.systemId,
      changes: {
        ...diffChanges(auditView(before), auditView(after), AUDITED_RISK_FIELDS),
        // the approver as a person, so the trail stays readable if the account is removed later
        approver: { before: null, after: `${approver.user.name} <${approver.user.email}> (${ROLE_LABELS[approver.role]})` },
      },
    });
    return detailWithPeople(tx, after, await getRiskMatrix({ ctx: { ...ctx, tx } }));
  });
}
