import { ANNEX_III_OPTIONS } from "@/lib/classification/questionnaire/annex-iii-options";
import type { QuestionnaireSection } from "@/lib/classification/types";

// Art 6(2) + Annex III. The fraud-detection carve-out of point 5(b) is a follow-up question rather
// than a separate option because a fraud model in a bank often *looks* like a credit model (same
// customers, same data), and we want the user to confront the distinction explicitly.
export const ANNEX_III_SECTION = {
  id: "annex_iii",
  title: "High-risk use cases (Art 6(2) and Annex III)",
  intro:
    "AI systems used in the areas listed in Annex III are high-risk, unless the narrow derogation in Art 6(3) applies (next section). Biometric functions declared in the first section are taken into account automatically.",
  questions: [
    {
      id: "annex3_areas",
      title: "Annex III use cases",
      text: "Is the system intended to be used for any of the following purposes? Select all that apply; select none if none applies.",
      help: "Judge by the intended purpose stated by the provider (instructions for use, marketing material, technical documentation), not by what the technology could do in theory.",
      legalRef: "Art 6(2), Annex III",
      kind: "multi",
      options: ANNEX_III_OPTIONS,
    },
    {
      id: "credit_fraud_detection_only",
      title: "Financial-fraud detection",
      text: "Is the system used only for the purpose of detecting financial fraud (rather than to evaluate creditworthiness or set a credit score)?",
      help: "Annex III point 5(b) expressly excludes AI systems used to detect financial fraud. If the same system also feeds lending decisions, answer 'No'.",
      legalRef: "Annex III point 5(b)",
      kind: "boolean",
      ifUnanswered: false,
      showIf: { question: "annex3_areas", includesAny: ["5b"] },
    },
  ],
} as const satisfies QuestionnaireSection;
