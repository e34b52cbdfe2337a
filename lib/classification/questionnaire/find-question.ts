import { QUESTIONNAIRE } from "@/lib/classification/questionnaire/questionnaire";
import type { Question } from "@/lib/classification/types";

// Built once: lookups happen for every visibility check, and the questionnaire is static.
const BY_ID: ReadonlyMap<string, Question> = new Map(
  QUESTIONNAIRE.flatMap((section) => section.questions.map((question: Question) => [question.id, question] as const)),
);

/** The question with this id, or undefined for an unknown id. */
export function findQuestion(id: string): Question | undefined {
  return BY_ID.get(id);
}
