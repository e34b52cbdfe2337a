import { withTransaction } from "@/lib/db/with-transaction";
import { assertCanOnSome } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { diffChanges } from "@/lib/audit/diff-changes";
import { parseInput, type Unparsed } from "@/lib/validation/parse-input";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";
import { createRiskSchema, type CreateRiskInput, type RiskDetail } from "./schemas";
import { getRiskMatrix } from "./get-risk-matrix";
import {
  AUDITED_RISK_FIELDS,
  assertCanWriteRisks,
  assertRiskOwnerIsMember,
  auditView,
  detailWithPeople,
  findRiskSystemOrThrow,
  riskDetailSelect,
  toDueDate,
} from "./internal";

/** Adds a risk to an AI system's register. Risk owners may do so only on systems they own. */
export async function createRisk({ ctx, input }: { ctx: ServiceContext; input: { systemId: string; risk: Unparsed<CreateRiskInput> } }): Promise<RiskDetail> {
  assertCanOnSome(ctx, "risk:write"); // refuse before looking at the input
  const { controls, dueDate, ...data } = parseInput(createRiskSchema, input.risk);
  return withTransaction(ctx, async (tx) => {
    const system = await findRiskSystemOrThrow(tx, ctx, input.systemId);
    assertCanWriteRisks(ctx, system);
    if (system.archivedAt) throw new AppError("CONFLICT", "This AI system is archived; restore it before adding risks.");
    await assertRiskOwnerIsMember(tx, ctx, data.ownerId);
    const row = await tx.risk.create({
      data: {
        ...data,
        dueDate: toDueDate(dueDate),
        orgId: ctx.orgId,
        systemId: system.id,
        controls: { create: controls.map((c) => ({ ...c, orgId: ctx.orgId })) },
      },
      select: riskDetailSelect,
    });
    await recordAudit(tx, ctx, {
      action: "risk.create",
      entityType: "risk",
      entityId: row.id,
      subjectId: system.id,
      changes: diffChanges(null, auditView(row), AUDITED_RISK_FIELDS),
    });
    return detailWithPeople(tx, row, await getRiskMatrix({ ctx: { ...ctx, tx } }));
  });
}
