import { withTransaction } from "@/lib/db/with-transaction";
import { assertCan, assertCanOnSome } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { parseInput } from "@/lib/validation/parse-input";
import { actorId, type ServiceContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { classificationAnswersSchema } from "@/lib/classification/schemas";
import { proposeTier, type TierProposal } from "@/lib/classification/rules/propose-tier";

/**
 * Stores the questionnaire answers and the tier they lead to, as a proposal awaiting a decision.
 * The system's tier does not change until someone accepts or overrides it (decideClassification).
 */
export async function proposeClassification({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { systemId: string; answers: unknown };
}): Promise<{ id: string; proposal: TierProposal }> {
  assertCanOnSome(ctx, "system:classify");
  const answers = parseInput(classificationAnswersSchema, input.answers);
  const proposal = proposeTier(answers);
  return withTransaction(ctx, async (tx) => {
    const system = await tx.aISystem.findFirst({ where: { id: input.systemId, orgId: ctx.orgId }, select: { ownerId: true, archivedAt: true } });
    if (!system) throw new AppError("NOT_FOUND", "AI system not found.");
    assertCan(ctx, "system:classify", system);
    if (system.archivedAt) throw new AppError("CONFLICT", "This AI system is archived; restore it before classifying.");
    const row = await tx.classificationAssessment.create({
      data: {
        orgId: ctx.orgId,
        systemId: input.systemId,
        answers,
        proposedTier: proposal.tier,
        proposedBasis: JSON.parse(JSON.stringify({ basis: proposal.basis, alsoApplies: proposal.alsoApplies })),
        proposedSummary: proposal.summary,
        createdById: actorId(ctx.actor),
      },
      select: { id: true },
    });
    await recordAudit(tx, ctx, {
      action: "classification.propose",
      entityType: "classification",
      entityId: row.id,
      subjectId: input.systemId,
      changes: { proposedTier: { before: null, after: proposal.tier }, basis: { before: null, after: proposal.basis.map((b) => b.ref) } },
    });
    return { id: row.id, proposal };
  });
}
