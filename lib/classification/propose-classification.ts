import { withTransaction } from "@/lib/db/with-transaction";
import { assertCan, assertCanOnSome } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { parseInput } from "@/lib/validation/parse-input";
import { actorId, type ServiceContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { classificationAnswersSchema } from "@/lib/classification/schemas";
import { proposeTier, type TierProposal } from "@/lib/classification/rules/propose-tier";
import { CLASSIFICATION_RULES_VERSION } from "@/lib/classification/rules/rules-version";
import { findQuestion } from "@/lib/classification/questionnaire/find-question";

/**
 * Stores the questionnaire answers and the tier they lead to, as a proposal awaiting a decision.
 * The system's tier does not change until someone accepts or overrides it (decideClassification).
 */
export async function proposeClassification({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  /**
   * `requireConclusion` (the REST API): refuse a proposal that cannot conclude, as a VALIDATION error naming
   * each blank question that could make the outcome stricter (`answers.<question id>`), and store nothing. The
   * questionnaire form stores it, so the panel shows what is missing.
   */
  input: { systemId: string; answers: unknown; requireConclusion?: boolean };
}): Promise<{ id: string; proposal: TierProposal }> {
  assertCanOnSome(ctx, "system:classify");
  const answers = parseInput(classificationAnswersSchema, input.answers);
  const proposal = proposeTier(answers);
  if (input.requireConclusion && proposal.blocking.length > 0) {
    throw new AppError(
      "VALIDATION",
      `Cannot conclude: ${proposal.blocking.length === 1 ? "a question" : `${proposal.blocking.length} questions`} that could make the outcome stricter ${proposal.blocking.length === 1 ? "is" : "are"} not answered.`,
      proposal.blocking.map((id) => ({
        path: `answers.${id}`,
        message: `Not answered: "${findQuestion(id)?.title ?? id}" (${findQuestion(id)?.legalRef ?? "?"}) could make the outcome stricter`,
      })),
    );
  }
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
        rulesVersion: CLASSIFICATION_RULES_VERSION.id,
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
