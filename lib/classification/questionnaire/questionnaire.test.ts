import { describe, expect, it } from "vitest";
import { isQuestionVisible } from "@/lib/classification/questionnaire/is-question-visible";
import { QUESTIONNAIRE } from "@/lib/classification/questionnaire/questionnaire";
import type { Question } from "@/lib/classification/types";

describe("questionnaire data and visibility", () => {
  const questions: Question[] = QUESTIONNAIRE.flatMap((section) => [...section.questions]);

  it("every show-if condition points to an earlier question and to options that exist", () => {
    const seen = new Map<string, Question>();
    const check = (condition: NonNullable<Question["showIf"]>): void => {
      if ("anyOf" in condition) return condition.anyOf.forEach(check);
      const target = seen.get(condition.question);
      expect(target, `showIf refers to ${condition.question}`).toBeDefined();
      if ("includesAny" in condition) {
        expect(target?.kind).toBe("multi");
        const offered = target?.kind === "multi" ? target.options.map((option) => option.value) : [];
        for (const value of condition.includesAny) expect(offered).toContain(value);
      } else expect(target?.kind).toBe("boolean");
    };
    for (const question of questions) {
      if (question.showIf) check(question.showIf);
      seen.set(question.id, question);
    }
  });

  it("every question and option cites a provision and explains itself", () => {
    for (const question of questions) {
      expect(question.legalRef).toMatch(/^(Art|Annex) /);
      expect(question.help.length).toBeGreaterThan(20);
      if (question.kind === "multi") for (const option of question.options) expect(option.legalRef).toMatch(/^(Art|Annex) /);
    }
  });

  it("shows the Art 6(3) questions only once an Annex III use is in play", () => {
    const narrowTask = questions.find((question) => question.id === "derogation_narrow_procedural");
    if (!narrowTask) throw new Error("missing question");
    expect(isQuestionVisible(narrowTask, {})).toBe(false);
    expect(isQuestionVisible(narrowTask, { annex3_areas: [] })).toBe(false);
    expect(isQuestionVisible(narrowTask, { annex3_areas: ["4a"] })).toBe(true);
    expect(isQuestionVisible(narrowTask, { emotion_recognition: true })).toBe(true);
  });

  it("hides a follow-up when the question it depends on is itself hidden", () => {
    const medicalSafety = questions.find((question) => question.id === "emotion_recognition_medical_safety");
    if (!medicalSafety) throw new Error("missing question");
    expect(isQuestionVisible(medicalSafety, { emotion_recognition: true, emotion_recognition_work_education: true })).toBe(true);
    expect(isQuestionVisible(medicalSafety, { emotion_recognition: false, emotion_recognition_work_education: true })).toBe(false);
  });
});
