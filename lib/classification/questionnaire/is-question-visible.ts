import { findQuestion } from "@/lib/classification/questionnaire/find-question";
import type { AnswerLookup, Question, ShowIf } from "@/lib/classification/types";

/**
 * Whether a question should be shown (and its answer counted) given the other answers.
 * Shared by the form and by proposeTier so the two can never disagree about what was asked.
 *
 * A condition on a question that is itself hidden is false: a stale "yes" left behind when the
 * user changed an earlier answer must not keep follow-up questions alive.
 */
export function isQuestionVisible(question: Pick<Question, "showIf">, answers: AnswerLookup): boolean {
  return question.showIf === undefined || holds(question.showIf, answers);
}

function holds(condition: ShowIf, answers: AnswerLookup): boolean {
  if ("anyOf" in condition) return condition.anyOf.some((inner) => holds(inner, answers));
  const referenced = findQuestion(condition.question);
  // Conditions only point backwards (checked by a test), so this recursion terminates.
  if (referenced !== undefined && !isQuestionVisible(referenced, answers)) return false;
  const value = answers[condition.question];
  if ("equals" in condition) return value === condition.equals;
  return typeof value === "object" && value.some((selected) => condition.includesAny.includes(selected));
}
