import { describe, expect, it } from "vitest";
import { completeAnswers } from "@/lib/classification/questionnaire/complete-answers";
import { isQuestionVisible } from "@/lib/classification/questionnaire/is-question-visible";
import { QUESTIONNAIRE } from "@/lib/classification/questionnaire/questionnaire";
import { proposeTier } from "@/lib/classification/rules/propose-tier";
import { classificationAnswersSchema, type RiskTier } from "@/lib/classification/schemas";
import type { Question, ShowIf } from "@/lib/classification/types";

// "A missing answer never lowers the tier" (issue 12, section 1), checked for every question in the
// questionnaire data rather than for a hand-picked list, so a follow-up added later is covered too.

const QUESTIONS: readonly Question[] = QUESTIONNAIRE.flatMap((section) => [...section.questions] as Question[]);
const MAIN = QUESTIONS.filter((question) => question.showIf === undefined);
const FOLLOW_UPS = QUESTIONS.filter((question) => question.showIf !== undefined);
const byId = (id: string): Question => {
  const found = QUESTIONS.find((question) => question.id === id);
  if (!found) throw new Error(`no question ${id}`);
  return found;
};

// Strictness of an outcome. GPAI sits between high and limited as in proposeTier's precedence.
const RANK: Readonly<Record<RiskTier, number>> = { unclassified: 0, minimal: 1, limited: 2, gpai: 3, gpai_systemic: 4, high: 5, prohibited: 6 };

type Answers = Record<string, boolean | string[] | undefined>;

/** Every main question answered "No" (none selected): the context a real, finished questionnaire has. */
const ALL_MAIN_NO: Answers = Object.fromEntries(MAIN.map((question) => [question.id, question.kind === "boolean" ? false : []]));

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

  it.each(MAIN.map((question) => [question.id, question] as const))("%s left blank: no 'minimal' by omission", (id) => {
    const answers: Answers = { ...ALL_MAIN_NO, [id]: undefined };
    const proposal = proposeTier(classificationAnswersSchema.parse(answers));
    expect(proposal.tier).toBe("unclassified");
    expect(proposal.missing).toEqual([id]);
    expect(proposal.summary).toMatch(/^Unclassified: cannot conclude/);
  });

  it("the two known cases: a derogation with the profiling question blank, an Annex I product with the third-party question blank", () => {
    const derogation = proposeTier(classificationAnswersSchema.parse({ ...ALL_MAIN_NO, annex3_areas: ["4a"], derogation_narrow_procedural: true }));
    expect(derogation.tier).toBe("high");
    expect(derogation.assumed).toEqual([
      "derogation_improves_human_activity",
      "derogation_detects_patterns",
      "derogation_preparatory",
      "profiles_natural_persons",
    ]);
    expect(derogation.summary).toContain("left blank and counted as the stricter answer: ");
    expect(derogation.summary).toContain('profiling of natural persons (Art 6(3) third subparagraph): "Yes"');
    expect(derogation.basis.map((entry) => entry.ref)).toEqual(["Art 6(2)", "Annex III point 4(a)", "Art 6(3) third subparagraph"]);

    const product = proposeTier(classificationAnswersSchema.parse({ ...ALL_MAIN_NO, annex1_product: true }));
    expect(product.tier).toBe("high");
    expect(product.assumed).toEqual(["annex1_third_party_assessment"]);
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
