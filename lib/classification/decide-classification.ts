import { withTransaction } from "@/lib/db/with-transaction";
import { assertCan, assertCanOnSome } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { parseInput, type Unparsed } from "@/lib/validation/parse-input";
import { actorId, type ServiceContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { decideClassificationSchema, RISK_TIER_LABELS, type DecideClassificationInput } from "@/lib/classification/schemas";
import type { LegalBasis } from "@/lib/classification/types";

/**
 * Accepts the latest proposal (the system takes the proposed tier and its articles as legal basis)
 * or overrides it with another tier and a reason. Both the proposal and the decision stay stored.
 */
export async function decideClassification({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { systemId: string; decision: Unparsed<DecideClassificationInput> };
}) {
  assertCanOnSome(ctx, "system:classify");
  const d = parseInput(decideClassificationSchema, input.decision);
  return withTransaction(ctx, async (tx) => {
    const system = await tx.aISystem.findFirst({
      where: { id: input.systemId, orgId: ctx.orgId },
      select: { ownerId: true, archivedAt: true, version: true, riskTier: true, riskTierBasis: true, riskTierRationale: true },
    });
    if (!system) throw new AppError("NOT_FOUND", "AI system not found.");
    assertCan(ctx, "system:classify", system);
    if (system.archivedAt) throw new AppError("CONFLICT", "This AI system is archived; restore it before classifying.");
    const latest = await tx.classificationAssessment.findFirst({
      where: { orgId: ctx.orgId, systemId: input.systemId },
      orderBy: { createdAt: "desc" },
      select: { id: true, decision: true, proposedTier: true, proposedBasis: true, proposedSummary: true },
    });
    if (!latest || latest.id !== d.assessmentId) throw new AppError("CONFLICT", "A newer classification proposal exists; review that one.");
    if (latest.decision) throw new AppError("CONFLICT", "This proposal has already been decided.");
    const basis = ((latest.proposedBasis as { basis?: LegalBasis[] }).basis ?? []).map((b) => b.ref).join(", ");
    const tier = d.decision === "accepted" ? latest.proposedTier : d.tier;
    const after =
      d.decision === "accepted"
        ? { riskTier: tier, riskTierBasis: basis.slice(0, 500), riskTierRationale: latest.proposedSummary }
        : {
            riskTier: tier,
            riskTierBasis: `Override of the questionnaire proposal (${RISK_TIER_LABELS[latest.proposedTier]}${basis ? `: ${basis}` : ""})`.slice(0, 500),
            riskTierRationale: d.reason,
          };
    // conditional updates: of two concurrent decisions only one finds the proposal undecided and the
    // system at the version read above; the other is a CONFLICT with no audit event
    const decided = await tx.classificationAssessment.updateMany({
      where: { id: latest.id, orgId: ctx.orgId, decision: null },
      data: {
        decision: d.decision,
        decidedTier: tier,
        overrideReason: d.decision === "overridden" ? d.reason : "",
        decidedById: actorId(ctx.actor),
        decidedAt: new Date(),
      },
    });
    if (decided.count === 0) throw new AppError("CONFLICT", "This proposal has already been decided.");
    // bumping the version makes edit forms opened before the decision stale
    const updated = await tx.aISystem.updateMany({
      where: { id: input.systemId, orgId: ctx.orgId, version: system.version },
      data: { ...after, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new AppError("CONFLICT", "This AI system changed meanwhile; reload it and try again.");
    await recordAudit(tx, ctx, {
      action: "classification.decide",
      entityType: "classification",
      entityId: latest.id,
      subjectId: input.systemId,
      changes: {
        decision: { before: null, after: d.decision },
        riskTier: { before: system.riskTier, after: tier },
        riskTierBasis: { before: system.riskTierBasis, after: after.riskTierBasis },
        ...(d.decision === "overridden" && { overrideReason: { before: null, after: d.reason } }),
      },
    });
    return { tier };
  });
}
