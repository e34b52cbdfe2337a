import { withTransaction } from "@/lib/db/with-transaction";
import { assertCan } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { diffChanges } from "@/lib/audit/diff-changes";
import { parseInput, type Unparsed } from "@/lib/validation/parse-input";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";
import type { RiskMatrix } from "./risk-matrix";
import { updateRiskMatrixSchema, type UpdateRiskMatrixInput } from "./schemas";
import { getRiskMatrix } from "./get-risk-matrix";

const MATRIX_FIELDS = ["likelihoodLabels", "impactLabels", "levels"] as const;

/**
 * Replaces the organisation's risk matrix (admins). Risks store ratings, never levels, so every view
 * re-scores with the new bands at once. The edit names the version it was based on (0 = the default,
 * no row yet); a stale version is CONFLICT. Audited as "matrix.update" with the matrix before and after.
 */
export async function updateRiskMatrix({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: Unparsed<UpdateRiskMatrixInput>;
}): Promise<RiskMatrix & { version: number }> {
  assertCan(ctx, "matrix:manage");
  const { version, ...matrix } = parseInput(updateRiskMatrixSchema, input);
  return withTransaction(ctx, async (tx) => {
    const txCtx = { ...ctx, tx };
    const before = await getRiskMatrix({ ctx: txCtx });
    const stale = () =>
      new AppError(
        "CONFLICT",
        `The risk matrix changed since you opened it (you edited version ${version}, it is now version ${before.version}). Reload it, then apply your changes again.`,
      );
    if (version !== before.version) throw stale();
    const changes = diffChanges(before, matrix, MATRIX_FIELDS);
    if (Object.keys(changes).length === 0) return before;
    let id: string;
    if (before.version === 0) {
      // first edit: the row does not exist yet; a concurrent first edit loses on the unique orgId (→ CONFLICT)
      id = (await tx.riskMatrix.create({ data: { orgId: ctx.orgId, ...matrix, version: 1 }, select: { id: true } })).id;
    } else {
      const { count } = await tx.riskMatrix.updateMany({ where: { orgId: ctx.orgId, version }, data: { ...matrix, version: { increment: 1 } } });
      if (count === 0) throw stale();
      id = (await tx.riskMatrix.findUniqueOrThrow({ where: { orgId: ctx.orgId }, select: { id: true } })).id;
    }
    await recordAudit(tx, ctx, { action: "matrix.update", entityType: "risk_matrix", entityId: id, changes });
    return getRiskMatrix({ ctx: txCtx });
  });
}
