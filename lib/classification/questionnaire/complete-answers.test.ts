import { describe, expect, it } from "vitest";
import { completeAnswers } from "@/lib/classification/questionnaire/complete-answers";
import { isQuestionVisible } from "@/lib/classification/questionnaire/is-question-visible";
import { QUESTIONNAIRE } from "@/lib/classification/questionnaire/questionnaire";
import { proposeTier, TIER_STRICTNESS as RANK } from "@/lib/classification/rules/propose-tier";
import { ALL_MAIN_NO as BASE } from "@/lib/classification/test-support";
import { classificationAnswersSchema, type RiskTier } from "@/lib/classification/schemas";
import type { Question, ShowIf } from "@/lib/classification/types";

// "A missing answer never lowers the tier" (issue 12, section 1), checked for every question in the
// questionnaire data rather than for a hand-picked list, so a follow-up added later is covered too.

const QUESTIONS: readonly Question[] = QUESTIONNAIRE.flatMap((section) => [...section.questions] as Question[]);
const MAIN = QUESTIONS.filter((question) => question.showIf === undefined);
/** The Art 2 exclusions: answered "Yes", they take the system out of scope. */
const SCOPE_EXCLUSIONS = [
  "military_defence_security_only",
  "scientific_research_only",
  "pre_market_development_only",
  "purely_personal_use",
  "free_open_source_licence",
];
const FOLLOW_UPS = QUESTIONS.filter((question) => question.showIf !== undefined);
const byId = (id: string): Question => {
  const found = QUESTIONS.find((question) => question.id === id);
  if (!found) throw new Error(`no question ${id}`);
  return found;
};

type Answers = Record<string, boolean | string[] | undefined>;

/** Every main question answered "No" (none selected), an AI system in scope: the context a real, finished questionnaire has. */
const ALL_MAIN_NO: Answers = BASE as Answers;

/** The answers that make a question visible, one per branch of its show-if (anyOf gives several). */
function contextsShowing(condition: ShowIf | undefined, base: Answers): Answers[] {
  if (condition === undefined) return [base];
  if ("anyOf" in condition) return condition.anyOf.flatMap((inner) => contextsShowing(inner, base));
  const parent = byId(condition.question);
  const value = "equals" in condition ? condition.equals : [condition.includesAny[0]];
  return contextsShowing(parent.showIf, base).map((context) => ({ ...context, [parent.id]: value }));
}

/** The other follow-ups visible in a context, all answered one way (or left blank). */
function withOtherFollowUps(context: Answers, except: string, fill: "blank" | "yes" | "no"): Answers {
  if (fill === "blank") return context;
  const answers: Answers = { ...context };
  for (const question of FOLLOW_UPS) {
    if (question.id === except || answers[question.id] !== undefined || !isQuestionVisible(question, answers)) continue;
    if (question.kind === "boolean") answers[question.id] = fill === "yes";
    else answers[question.id] = fill === "yes" ? question.options.map((option) => option.value) : [];
  }
  return answers;
}

const tierOf = (answers: Answers): RiskTier => proposeTier(classificationAnswersSchema.parse(answers)).tier;

function answersFor(question: Question): (boolean | string[])[] {
  if (question.kind === "boolean") return [true, false];
  return [[], ...question.options.map((option) => [option.value]), question.options.map((option) => option.value)];
}

describe("a missing answer never lowers the tier", () => {
  it("every follow-up question declares the answer counted when it is left blank; main questions do not", () => {
    for (const question of FOLLOW_UPS) expect(question.ifUnanswered, question.id).toBeDefined();
    for (const question of MAIN) expect(question.ifUnanswered, question.id).toBeUndefined();
  });

  it.each(FOLLOW_UPS.map((question) => [question.id, question] as const))("%s left blank never gives a lower tier than any answer to it", (_id, question) => {
    for (const context of contextsShowing(question.showIf, ALL_MAIN_NO)) {
      for (const fill of ["blank", "yes", "no"] as const) {
        const others = withOtherFollowUps(context, question.id, fill);
        expect(isQuestionVisible(question, others), `${question.id} visible`).toBe(true);
        const blank = tierOf(others);
        for (const answer of answersFor(question)) {
          const answered = tierOf({ ...others, [question.id]: answer });
          expect(RANK[blank], `${question.id} blank → ${blank}, answered ${JSON.stringify(answer)} → ${answered} (others ${fill})`).toBeGreaterThanOrEqual(
            RANK[answered],
          );
        }
      }
    }
  });

  // Finished questionnaires with different outcomes, each with one main question then left blank.
  const DEROGATION_NO = {
    derogation_narrow_procedural: false,
    derogation_improves_human_activity: false,
    derogation_detects_patterns: false,
    derogation_preparatory: false,
  };
  const GPAI = {
    is_gpai_model: true,
    gpai_high_impact_capabilities: false,
    gpai_compute_above_threshold: false,
    gpai_commission_designated: false,
    gpai_open_source: false,
  };
  const CONTEXTS: Record<string, Answers> = {
    minimal: ALL_MAIN_NO,
    limited: { ...ALL_MAIN_NO, interacts_with_persons: true, interaction_obvious: false, law_enforcement_authorised: false },
    gpai: { ...ALL_MAIN_NO, ...GPAI },
    high: { ...ALL_MAIN_NO, annex3_areas: ["5b"], ...DEROGATION_NO, profiles_natural_persons: true },
    "out of scope (open source)": { ...ALL_MAIN_NO, free_open_source_licence: true },
    "out of scope (not an AI system)": { ...ALL_MAIN_NO, is_ai_system: false },
    "out of scope (military)": { ...ALL_MAIN_NO, military_defence_security_only: true, social_scoring: true },
  };
  const CASES = Object.entries(CONTEXTS).flatMap(([name, context]) =>
    MAIN.map((question) => [`${question.id} blank, otherwise ${name}`, context, question] as const),
  );

  it.each(CASES)("%s: never a tier lower than an answer could give; otherwise cannot conclude, naming it", (_name, context, question) => {
    const answers: Answers = { ...context, [question.id]: undefined };
    const proposal = proposeTier(classificationAnswersSchema.parse(answers));
    expect(proposal.missing).toContain(question.id);
    const answered = answersFor(question).map((answer) => tierOf({ ...answers, [question.id]: answer }));
    const strictest = Math.max(...answered.map((tier) => RANK[tier]));
    if (proposal.tier === "unclassified") {
      expect(proposal.summary).toMatch(/^Unclassified: cannot conclude/);
      expect(proposal.blocking).toEqual([question.id]);
      // only where an answer makes a difference: some answer gives a stricter outcome than another
      expect(strictest, JSON.stringify(answered)).toBeGreaterThan(Math.min(...answered.map((tier) => RANK[tier])));
    } else {
      expect(proposal.blocking).toEqual([]);
      expect(RANK[proposal.tier], `${proposal.tier} concluded, but an answer gives ${JSON.stringify(answered)}`).toBeGreaterThanOrEqual(strictest);
    }
  });

  it.each(MAIN.filter((question) => question.id !== "is_ai_system" && !SCOPE_EXCLUSIONS.includes(question.id)).map((question) => [question.id] as const))(
    "%s left blank where everything else is 'No': cannot conclude (no 'minimal' by omission)",
    (id) => {
      const proposal = proposeTier(classificationAnswersSchema.parse({ ...ALL_MAIN_NO, [id]: undefined }));
      expect(proposal).toMatchObject({ tier: "unclassified", missing: [id], blocking: [id] });
      expect(proposal.summary).toMatch(/^Unclassified: cannot conclude; no higher tier follows from the answers given/);
    },
  );

  it.each(["is_ai_system", ...SCOPE_EXCLUSIONS].map((id) => [id] as const))(
    "scope question %s left blank: the system is treated as in scope (the stricter answer)",
    (id) => {
      const proposal = proposeTier(classificationAnswersSchema.parse({ ...CONTEXTS.high, [id]: undefined }));
      expect(proposal).toMatchObject({ tier: "high", missing: [id], blocking: [] });
    },
  );

  it("a higher tier is not concluded either while a blank main question could give a stricter one", () => {
    const limited = proposeTier(classificationAnswersSchema.parse({ ...CONTEXTS.limited, social_scoring: undefined, is_gpai_model: undefined }));
    expect(limited).toMatchObject({ tier: "unclassified", blocking: ["social_scoring", "is_gpai_model"] });
    expect(limited.summary).toBe(
      "Unclassified: cannot conclude; the answers given lead to limited risk, but 2 questions that could make it stricter are unanswered (social scoring; general-purpose AI model).",
    );
    // high risk: a blank GPAI question cannot raise it (its duties would be listed, not the tier), a blank prohibited practice can
    expect(proposeTier(classificationAnswersSchema.parse({ ...CONTEXTS.high, is_gpai_model: undefined }))).toMatchObject({ tier: "high", blocking: [] });
    expect(proposeTier(classificationAnswersSchema.parse({ ...CONTEXTS.high, exploits_vulnerabilities: undefined }))).toMatchObject({
      tier: "unclassified",
      blocking: ["exploits_vulnerabilities"],
    });
  });

  it("an Art 2 exclusion that holds whatever the tier settles the outcome with every other main question blank", () => {
    const proposal = proposeTier(classificationAnswersSchema.parse({ military_defence_security_only: true }));
    expect(proposal.tier).toBe("out_of_scope");
    expect(proposal.blocking).toEqual([]);
    expect(proposal.missing.length).toBe(MAIN.length - 1);
    // the open-source exclusion does not: any of the other questions could take it away (Art 2(12))
    const openSource = proposeTier(classificationAnswersSchema.parse({ free_open_source_licence: true }));
    expect(openSource.tier).toBe("unclassified");
    expect(openSource.blocking).toContain("manipulative_techniques");
  });

  it("the two known cases: a derogation with the profiling question blank, an Annex I product with the third-party question blank", () => {
    const derogation = proposeTier(classificationAnswersSchema.parse({ ...ALL_MAIN_NO, annex3_areas: ["4a"], derogation_narrow_procedural: true }));
    expect(derogation.tier).toBe("high");
    expect(derogation.assumed).toEqual([
      "derogation_improves_human_activity",
      "derogation_detects_patterns",
      "derogation_preparatory",
      "profiles_natural_persons",
      "becomes_provider",
      "public_body_or_public_service",
    ]);
    expect(derogation.summary).toContain("left blank and counted as the stricter answer: ");
    expect(derogation.summary).toContain('profiling of natural persons (Art 6(3) third subparagraph): "Yes"');
    expect(derogation.basis.map((entry) => entry.ref)).toEqual(["Art 6(2)", "Annex III point 4(a)", "Art 6(3) third subparagraph"]);

    const product = proposeTier(classificationAnswersSchema.parse({ ...ALL_MAIN_NO, annex1_product: true }));
    expect(product.tier).toBe("high");
    expect(product.assumed).toEqual(["annex1_third_party_assessment", "annex1_section_b", "becomes_provider"]);
  });

  it("a fully answered questionnaire has nothing missing or assumed; stale hidden answers are dropped", () => {
    const proposal = proposeTier(classificationAnswersSchema.parse(ALL_MAIN_NO));
    expect(proposal).toMatchObject({ tier: "minimal", missing: [], assumed: [] });
    const completed = completeAnswers(classificationAnswersSchema.parse({ ...ALL_MAIN_NO, profiles_natural_persons: true }));
    expect(completed.answers).toEqual(ALL_MAIN_NO);
  });

  it("an assumed 'Yes' opens (and completes) its own follow-ups", () => {
    const completed = completeAnswers(classificationAnswersSchema.parse({ ...ALL_MAIN_NO, emotion_recognition: true }));
    expect(completed.assumed.map((question) => question.id)).toEqual(
      expect.arrayContaining(["emotion_recognition_work_education", "emotion_recognition_medical_safety"]),
    );
    expect(proposeTier(classificationAnswersSchema.parse({ ...ALL_MAIN_NO, emotion_recognition: true })).tier).toBe("prohibited");
  });
});
