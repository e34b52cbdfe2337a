import { z } from "zod";
import { QUESTIONNAIRE } from "@/lib/classification/questionnaire/questionnaire";
import type { Question } from "@/lib/classification/types";
import { RISK_TIERS, riskTierSchema, type RiskTier } from "@/lib/systems/schemas";

// The answers schema is generated from the questionnaire data so that adding a question can never
// leave the validator behind. The mapped types below keep the inferred type precise (literal
// question ids, literal option values) even though the shape is built at runtime.

type AnyQuestion = (typeof QUESTIONNAIRE)[number]["questions"][number];

type FieldSchema<Q> = Q extends { readonly kind: "multi"; readonly options: readonly { readonly value: infer V extends string }[] }
  ? z.ZodOptional<z.ZodArray<z.ZodType<V>>>
  : z.ZodOptional<z.ZodBoolean>;

type AnswersShape = { [Q in AnyQuestion as Q["id"]]: FieldSchema<Q> };

function fieldSchema(question: Question): z.ZodType {
  if (question.kind === "boolean") return z.boolean().optional();
  const values = question.options.map((option) => option.value) as [string, ...string[]];
  return z.array(z.enum(values)).optional();
}

const shape = Object.fromEntries(
  QUESTIONNAIRE.flatMap((section) => section.questions.map((question: Question) => [question.id, fieldSchema(question)])),
) as unknown as AnswersShape;

/**
 * Answers to the classification questionnaire. Every question is optional (the form can be saved
 * half-done); unknown keys are rejected so a typo in a question id surfaces as an error instead of
 * an answer that silently never counts.
 */
export const classificationAnswersSchema = z.object(shape).strict();

export type ClassificationAnswers = z.infer<typeof classificationAnswersSchema>;

// The tier enum is the inventory's (one source); re-exported here for the questionnaire modules.
export { RISK_TIERS, riskTierSchema, type RiskTier };

export const RISK_TIER_LABELS: Readonly<Record<RiskTier, string>> = {
  prohibited: "Prohibited",
  high: "High risk",
  limited: "Limited risk",
  minimal: "Minimal risk",
  gpai: "General-purpose AI model",
  gpai_systemic: "GPAI with systemic risk",
  out_of_scope: "Out of scope",
  unclassified: "Unclassified",
};

/** Accepting or overriding a proposal. An override needs the tier chosen instead and a reason. */
export const decideClassificationSchema = z.discriminatedUnion("decision", [
  z.strictObject({ assessmentId: z.string().min(1), decision: z.literal("accepted") }),
  z.strictObject({
    assessmentId: z.string().min(1),
    decision: z.literal("overridden"),
    tier: riskTierSchema,
    reason: z.string().trim().min(10, "Explain the override in at least 10 characters").max(2000, "Must be at most 2000 characters"),
  }),
]);
export type DecideClassificationInput = z.input<typeof decideClassificationSchema>;

// ── REST API ─────────────────────────────────────────────────────────────────────────────────────

/** POST /systems/{id}/classification/proposals: the questionnaire answers (question ids as keys). */
export const proposeClassificationBodySchema = z.strictObject({
  answers: classificationAnswersSchema.describe(
    "Answers keyed by question id: true/false for yes/no questions, an array of option values for multiple-choice ones; blank questions are left out",
  ),
});
export type ProposeClassificationBody = z.input<typeof proposeClassificationBodySchema>;

const legalBasisSchema = z.object({
  ref: z.string().describe("The provision, e.g. 'Art 6(2)' or 'Annex III point 4(a)'"),
  title: z.string(),
  reason: z.string().describe("Why it applies, in plain language"),
});

/** A stored proposal as the REST API returns it. */
export const classificationProposalSchema = z.object({
  assessmentId: z.string().describe("Id of the stored proposal; decide it with POST /systems/{id}/classification/decisions"),
  tier: riskTierSchema.describe("The proposed tier, or out_of_scope (Art 2, Art 3(1))"),
  basis: z.array(legalBasisSchema).describe("Provisions the tier rests on, then the exceptions that kept it out of a higher one"),
  alsoApplies: z
    .array(legalBasisSchema)
    .describe("Other provisions the answers trigger, for every operator (the system page filters them by the system's role)"),
  summary: z.string(),
  missing: z.array(z.string()).describe("Main questions shown but not answered (no answer is assumed for them)"),
  assumed: z.array(z.string()).describe("Follow-up questions shown but not answered, counted as their stricter answer"),
  rulesVersion: z.string().describe("The questionnaire and rules version the proposal was made under, naming the legal text they follow"),
});

/** The outcome of a decision. */
export const classificationDecisionSchema = z.object({
  assessmentId: z.string(),
  decision: z.enum(["accepted", "overridden"]),
  tier: riskTierSchema.describe("The system's tier now"),
});
