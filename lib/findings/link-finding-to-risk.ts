import { withTransaction } from "@/lib/db/with-transaction";
import { assertCanOnSome } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { diffChanges } from "@/lib/audit/diff-changes";
import { parseInput, type Unparsed } from "@/lib/validation/parse-input";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";
import { linkFindingToRiskSchema, type FindingListItem, type LinkFindingToRiskInput } from "./schemas";
import { FINDING_AUDIT_FIELDS, findingListSelect, loadTriageFinding, toFindingListItem } from "./internal";

/** Links a finding to a risk of the same AI system (or unlinks it with `riskId: null`). One audit event. */
export async function linkFindingToRisk({ ctx, input }: { ctx: ServiceContext; input: Unparsed<LinkFindingToRiskInput> }): Promise<FindingListItem> {
  assertCanOnSome(ctx, "finding:triage");
  const data = parseInput(linkFindingToRiskSchema, input);
  return withTransaction(ctx, async (tx) => {
    const before = await loadTriageFinding(tx, ctx, data.findingId, data.version);
    if (data.riskId) {
      const risk = await tx.risk.findFirst({ where: { id: data.riskId, orgId: ctx.orgId, systemId: before.systemId }, select: { id: true } });
      if (!risk) throw new AppError("VALIDATION", "Choose a risk of the same AI system.", [{ path: "riskId", message: "Not a risk of this AI system" }]);
    }
    const row = await tx.finding.update({ where: { id: before.id }, data: { riskId: data.riskId, version: { increment: 1 } }, select: findingListSelect });
    await recordAudit(tx, ctx, {
      action: "finding.link_risk",
      entityType: "finding",
      entityId: row.id,
      subjectId: row.systemId,
      changes: diffChanges(before, { ...row, statusReason: before.statusReason }, FINDING_AUDIT_FIELDS),
    });
    return toFindingListItem(row);
  });
}
