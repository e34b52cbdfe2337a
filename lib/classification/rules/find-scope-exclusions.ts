import type { ClassificationAnswers } from "@/lib/classification/schemas";
import type { LegalBasis } from "@/lib/classification/types";

/** The Art 2 exclusions that take a system out of scope whatever its tier would be. */
const ABSOLUTE_EXCLUSIONS = [
  {
    question: "military_defence_security_only",
    ref: "Art 2(3)",
    title: "Exclusively military, defence or national security",
    reason:
      "The Regulation does not apply to AI systems placed on the market, put into service or used, with or without modification, exclusively for military, defence or national security purposes, whatever the type of entity carrying out those activities.",
  },
  {
    question: "scientific_research_only",
    ref: "Art 2(6)",
    title: "Sole purpose of scientific research and development",
    reason:
      "The Regulation does not apply to AI systems or models, including their output, specifically developed and put into service for the sole purpose of scientific research and development.",
  },
  {
    question: "pre_market_development_only",
    ref: "Art 2(8)",
    title: "Research, testing or development before the market",
    reason:
      "The Regulation does not apply to research, testing or development activity regarding AI systems or models before they are placed on the market or put into service (testing in real-world conditions is not covered by this exclusion); other Union law still applies to that activity.",
  },
  {
    question: "purely_personal_use",
    ref: "Art 2(10)",
    title: "Purely personal, non-professional use",
    reason:
      "The Regulation does not apply to the obligations of deployers who are natural persons using AI systems in the course of a purely personal non-professional activity. Whoever provides the system to them stays covered.",
  },
] as const satisfies readonly (LegalBasis & { question: keyof ClassificationAnswers })[];

export const NOT_AN_AI_SYSTEM: LegalBasis = {
  ref: "Art 3(1)",
  title: "Not an AI system",
  reason:
    "The system does not meet the definition of an AI system (a machine-based system that infers from its input how to generate outputs such as predictions, content, recommendations or decisions), and it is not a general-purpose AI model, so the Regulation does not apply to it (Art 2(1)).",
};

export const OPEN_SOURCE_EXCLUDED: LegalBasis = {
  ref: "Art 2(12)",
  title: "Free and open-source licence",
  reason:
    "The system is released under a free and open-source licence, and it is not placed on the market or put into service as a high-risk AI system, does not fall under Art 5 and has no Art 50 transparency obligation, so the Regulation does not apply to it.",
};

export const OPEN_SOURCE_NOT_EXCLUDED: LegalBasis = {
  ref: "Art 2(12)",
  title: "Open-source exclusion does not apply",
  reason:
    "Being released under a free and open-source licence does not exclude a system that is placed on the market or put into service as high-risk, falls under Art 5 or has an Art 50 transparency obligation.",
};

/** The exclusions that hold whatever the tier (Art 2(3), 2(6), 2(8), 2(10)); empty when none applies. */
export function findScopeExclusions(answers: ClassificationAnswers): LegalBasis[] {
  return ABSOLUTE_EXCLUSIONS.filter((exclusion) => answers[exclusion.question] === true).map(({ ref, title, reason }) => ({ ref, title, reason }));
}
