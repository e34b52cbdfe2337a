import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import type { ClassificationAnswers, RiskTier } from "@/lib/classification/schemas";
import type { LegalBasis } from "@/lib/classification/types";

export type ClassificationView = {
  id: string;
  answers: ClassificationAnswers;
  proposedTier: RiskTier;
  basis: LegalBasis[];
  alsoApplies: LegalBasis[];
  summary: string;
  decision: "accepted" | "overridden" | null;
  decidedTier: RiskTier | null;
  overrideReason: string;
  decidedAt: string | null;
  createdAt: string;
};

/** The system's most recent questionnaire proposal with its decision, or null if never classified. */
export async function getLatestClassification({ ctx, input }: { ctx: ServiceContext; input: { systemId: string } }): Promise<ClassificationView | null> {
  assertCan(ctx, "inventory:read");
  const row = await (ctx.tx ?? db).classificationAssessment.findFirst({
    where: { orgId: ctx.orgId, systemId: input.systemId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      answers: true,
      proposedTier: true,
      proposedBasis: true,
      proposedSummary: true,
      decision: true,
      decidedTier: true,
      overrideReason: true,
      decidedAt: true,
      createdAt: true,
    },
  });
  if (!row) return null;
  const stored = row.proposedBasis as { basis?: LegalBasis[]; alsoApplies?: LegalBasis[] };
  return {
    id: row.id,
    answers: row.answers as ClassificationAnswers,
    proposedTier: row.proposedTier,
    basis: stored.basis ?? [],
    alsoApplies: stored.alsoApplies ?? [],
    summary: row.proposedSummary,
    decision: row.decision,
    decidedTier: row.decidedTier,
    overrideReason: row.overrideReason,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
