import { withTransaction } from "@/lib/db/with-transaction";
import { assertCanOnSome } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { diffChanges } from "@/lib/audit/diff-changes";
import { parseInput, type Unparsed } from "@/lib/validation/parse-input";
import type { ServiceContext } from "@/lib/context";
import { loadTriageFinding } from "@/lib/findings/load-triage-finding";
import { createRiskFromFindingSchema, type CreateRiskFromFindingInput } from "@/lib/findings/schemas";
import { createRiskSchema, type RiskDetail } from "./schemas";
import { getRiskMatrix } from "./get-risk-matrix";
import { AUDITED_RISK_FIELDS, assertCanWriteRisks, auditView, detailWithPeople, riskDetailSelect } from "./internal";

const IMPACT_BY_SEVERITY: Record<string, number> = { critical: 5, high: 4, medium: 3, low: 2, info: 1 };

/** Likelihood 1–5 from the share of attacks that succeeded (no counts: 3, possible). */
export function likelihoodFromRate(rate: number | null): number {
  if (rate === null) return 3;
  if (rate >= 0.5) return 5;
  if (rate >= 0.2) return 4;
  if (rate >= 0.05) return 3;
  if (rate > 0) return 2;
  return 1;
}

/**
 * Records a risk from a scanner finding, with the finding's ATLAS techniques and OWASP items filled in, likelihood
 * from its attack success rate and impact from its severity (both can be given instead), and links the finding
 * to it. Needs finding:triage and risk:write on the system. One audit event (the risk, naming the finding).
 */
export async function createRiskFromFinding({ ctx, input }: { ctx: ServiceContext; input: Unparsed<CreateRiskFromFindingInput> }): Promise<RiskDetail> {
  assertCanOnSome(ctx, "risk:write");
  const data = parseInput(createRiskFromFindingSchema, input);
  return withTransaction(ctx, async (tx) => {
    const finding = await loadTriageFinding(tx, ctx, data.findingId, data.version);
    assertCanWriteRisks(ctx, finding.system);
    const rate = finding.lastAttackSuccessRate;
    const measured =
      finding.lastEvaluated !== null && finding.lastFailed !== null
        ? ` ${finding.lastFailed} of ${finding.lastEvaluated} outputs failed in the last failing run (attack success rate ${Math.round((rate ?? 0) * 100)} %).`
        : "";
    const risk = parseInput(createRiskSchema, {
      title: (data.title || `${finding.tool}: ${finding.title}`).slice(0, 200),
      description: `From the ${finding.tool} finding "${finding.title}" (test ${finding.testId}${finding.detector ? `, detector ${finding.detector}` : ""}).${measured}`,
      category: "security",
      techniqueIds: finding.techniqueIds,
      owaspIds: finding.owaspIds,
      inherentLikelihood: data.inherentLikelihood ?? likelihoodFromRate(rate),
      inherentImpact: data.inherentImpact ?? IMPACT_BY_SEVERITY[finding.severity] ?? 3,
    });
    const { controls, dueDate, ...fields } = risk;
    void dueDate;
    const row = await tx.risk.create({
      data: { ...fields, orgId: ctx.orgId, systemId: finding.systemId, controls: { create: controls.map((c) => ({ ...c, orgId: ctx.orgId })) } },
      select: riskDetailSelect,
    });
    await tx.finding.update({ where: { id: finding.id }, data: { riskId: row.id, version: { increment: 1 } }, select: { id: true } });
    await recordAudit(tx, ctx, {
      action: "finding.create_risk",
      entityType: "risk",
      entityId: row.id,
      subjectId: finding.systemId,
      changes: { ...diffChanges(null, auditView(row), AUDITED_RISK_FIELDS), findingId: { before: null, after: finding.id } },
    });
    return detailWithPeople(tx, row, await getRiskMatrix({ ctx: { ...ctx, tx } }));
  });
}
