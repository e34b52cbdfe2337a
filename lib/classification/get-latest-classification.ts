import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import { classificationAnswersSchema, type ClassificationAnswers, type RiskTier } from "@/lib/classification/schemas";
import { CLASSIFICATION_RULES_VERSION } from "@/lib/classification/rules/rules-version";
import type { LegalBasis } from "@/lib/classification/types";
import { completeAnswers } from "@/lib/classification/questionnaire/complete-answers";
import { proposeTier } from "@/lib/classification/rules/propose-tier";
import { obligationsForRole, type RoleObligations } from "@/lib/classification/rules/obligations-for-role";
import type { EU_AI_ACT_ROLES } from "@/lib/systems/schemas";

type EuAiActRole = (typeof EU_AI_ACT_ROLES)[number];

export type ClassificationView = {
  id: string;
  answers: ClassificationAnswers;
  proposedTier: RiskTier;
  basis: LegalBasis[];
  /** The obligations that bind the organisation in the system's EU AI Act role (read now, not at proposal time). */
  alsoApplies: LegalBasis[];
  /** Obligations the proposal names that bind other operators (e.g. the provider's, for a deployer). */
  otherOperators: RoleObligations["otherOperators"];
  /** In its recorded role (deployer, importer, distributor, …) the organisation is considered the provider (Art 25(1)). */
  becomesProvider: boolean;
  role: EuAiActRole;
  summary: string;
  /** Questions shown but left blank when proposed: main ones (nothing assumed) and follow-ups counted as their stricter answer. */
  unanswered: { id: string; title: string; countedAs: string | null; couldRaise: boolean }[];
  /** The questionnaire and rules version the proposal was made under (null: before versioning). */
  rulesVersion: string | null;
  /** What the current questionnaire and rules propose for the same answers, when that is a different tier; null when they agree. */
  currentRules: { version: string; text: string; tier: RiskTier; summary: string } | null;
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
      rulesVersion: true,
      decision: true,
      decidedTier: true,
      overrideReason: true,
      decidedAt: true,
      createdAt: true,
      system: { select: { euAiActRole: true } },
    },
  });
  if (!row) return null;
  const stored = row.proposedBasis as { basis?: LegalBasis[]; alsoApplies?: LegalBasis[] };
  return {
    id: row.id,
    answers: row.answers as ClassificationAnswers,
    proposedTier: row.proposedTier,
    basis: stored.basis ?? [],
    ...roleAware(stored.alsoApplies ?? [], row.system.euAiActRole),
    role: row.system.euAiActRole,
    summary: row.proposedSummary,
    unanswered: unanswered(row.answers as ClassificationAnswers),
    rulesVersion: row.rulesVersion,
    currentRules: currentRules(row.answers, row.proposedTier),
    decision: row.decision,
    decidedTier: row.decidedTier,
    overrideReason: row.overrideReason,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

function currentRules(answers: unknown, proposedTier: RiskTier): ClassificationView["currentRules"] {
  // answers stored under an older questionnaire may name questions it no longer has: those are not re-evaluated
  const parsed = classificationAnswersSchema.safeParse(answers);
  if (!parsed.success) return null;
  const now = proposeTier(parsed.data);
  return now.tier === proposedTier
    ? null
    : { version: CLASSIFICATION_RULES_VERSION.id, text: CLASSIFICATION_RULES_VERSION.text, tier: now.tier, summary: now.summary };
}

function unanswered(answers: ClassificationAnswers): ClassificationView["unanswered"] {
  const { missing, assumed } = completeAnswers(answers);
  const blocking = new Set(proposeTier(answers).blocking);
  return [
    ...missing
      .filter((question) => question.kind === "boolean")
      .map((question) => ({ id: question.id, title: question.title, countedAs: null, couldRaise: blocking.has(question.id) })),
    ...assumed.map((question) => ({
      id: question.id,
      title: question.title,
      countedAs: question.kind === "boolean" ? (question.ifUnanswered ? "Yes" : "No") : "none of the options",
      couldRaise: false,
    })),
  ];
}

function roleAware(alsoApplies: LegalBasis[], role: EuAiActRole) {
  const { applies, otherOperators, becomesProvider } = obligationsForRole(alsoApplies, role);
  return { alsoApplies: applies, otherOperators, becomesProvider };
}
