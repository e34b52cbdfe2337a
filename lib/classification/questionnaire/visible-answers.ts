import { isQuestionVisible } from "@/lib/classification/questionnaire/is-question-visible";
import { QUESTIONNAIRE } from "@/lib/classification/questionnaire/questionnaire";
import type { ClassificationAnswers } from "@/lib/classification/schemas";
import type { Question } from "@/lib/classification/types";

/**
 * The answers with every hidden question dropped. The form keeps answers to questions that were
 * later hidden (so toggling back does not lose work), which means stored answers can contain
 * stale values; the tier logic must only ever see what the user could actually see.
 */
export function visibleAnswers(answers: ClassificationAnswers): ClassificationAnswers {
  const lookup: Readonly<Record<string, unknown>> = answers;
  const kept: Record<string, unknown> = {};
  for (const section of QUESTIONNAIRE) {
    for (const question of section.questions as readonly Question[]) {
      if (lookup[question.id] !== undefined && isQuestionVisible(question, answers)) kept[question.id] = lookup[question.id];
    }
  }
  return kept as ClassificationAnswers;
}
