import { isQuestionVisible } from "@/lib/classification/questionnaire/is-question-visible";
import { QUESTIONNAIRE } from "@/lib/classification/questionnaire/questionnaire";
import type { ClassificationAnswers } from "@/lib/classification/schemas";
import type { Question } from "@/lib/classification/types";

export interface CompletedAnswers {
  /** The visible answers, with every blank follow-up filled with its stricter answer (`ifUnanswered`). */
  readonly answers: ClassificationAnswers;
  /** Follow-up questions that were shown but left blank and were counted as their stricter answer. */
  readonly assumed: readonly Question[];
  /** Main questions (no showIf) that are unanswered: nothing is assumed for them, so a tier they could raise cannot be concluded. */
  readonly missing: readonly Question[];
}

/**
 * The one rule for missing answers: a missing answer never lowers the tier. A follow-up question
 * that is shown but left blank counts as its stricter answer; a main question left blank is reported
 * as missing (proposeTier then refuses to conclude "minimal"). Stale answers to hidden questions are
 * dropped, exactly as visibleAnswers does. Visibility is evaluated on the completed answers, so an
 * assumed "Yes" shows (and completes) its own follow-ups in the same top-to-bottom pass.
 */
export function completeAnswers(answers: ClassificationAnswers): CompletedAnswers {
  const given: Readonly<Record<string, unknown>> = answers;
  const completed: Record<string, boolean | readonly string[]> = {};
  const assumed: Question[] = [];
  const missing: Question[] = [];
  for (const section of QUESTIONNAIRE) {
    for (const question of section.questions as readonly Question[]) {
      if (!isQuestionVisible(question, completed)) continue;
      const value = given[question.id];
      if (typeof value === "boolean" || Array.isArray(value)) completed[question.id] = value as boolean | readonly string[];
      else if (question.ifUnanswered !== undefined) {
        completed[question.id] = question.ifUnanswered;
        assumed.push(question);
      } else missing.push(question);
    }
  }
  return { answers: completed as ClassificationAnswers, assumed, missing };
}
