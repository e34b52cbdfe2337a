import { ANNEX_III_OPTIONS } from "@/lib/classification/questionnaire/annex-iii-options";
import type { QuestionnaireSection, ShowIf } from "@/lib/classification/types";

// Art 6(3) only derogates from Art 6(2), so these questions appear only once an Annex III use is
// in play: either chosen explicitly or implied by a biometric function declared earlier (every
// emotion recognition or remote biometric identification system is an Annex III point 1 system).
export const ANNEX_III_IN_PLAY: ShowIf = {
  anyOf: [
    { question: "annex3_areas", includesAny: ANNEX_III_OPTIONS.map((option) => option.value) },
    { question: "emotion_recognition", equals: true },
    { question: "remote_biometric_identification", equals: true },
    { question: "biometric_categorisation_exempt", equals: true },
  ],
};

export const DEROGATION_SECTION = {
  id: "derogation",
  title: "Derogation for Annex III systems (Art 6(3))",
  intro:
    "An Annex III system is not high-risk if it does not pose a significant risk of harm to health, safety or fundamental rights, including by not materially influencing the outcome of decision-making. That is the case only where one of the conditions below is met, and never where the system profiles people. A provider relying on this must document the assessment before placing the system on the market and register it (Art 6(4), Art 49(2)).",
  questions: [
    {
      id: "derogation_narrow_procedural",
      title: "Narrow procedural task",
      text: "Is the system intended to perform only a narrow procedural task?",
      help: "For example, transforming unstructured data into structured data, classifying incoming documents into categories, or detecting duplicates among a large number of applications (Recital 53).",
      legalRef: "Art 6(3)(a)",
      kind: "boolean",
      ifUnanswered: false,
      showIf: ANNEX_III_IN_PLAY,
    },
    {
      id: "derogation_improves_human_activity",
      title: "Improves the result of a completed human activity",
      text: "Is the system intended to improve the result of a previously completed human activity?",
      help: "The system only adds a layer on top of work a person has already done, for example improving the language of a previously drafted document (professional tone, academic style, brand messaging) (Recital 53).",
      legalRef: "Art 6(3)(b)",
      kind: "boolean",
      ifUnanswered: false,
      showIf: ANNEX_III_IN_PLAY,
    },
    {
      id: "derogation_detects_patterns",
      title: "Detects decision-making patterns without replacing human assessment",
      text: "Is the system intended to detect decision-making patterns or deviations from prior decision-making patterns, and not meant to replace or influence the previously completed human assessment without proper human review?",
      help: "For example, checking after the fact whether a teacher may have deviated from their usual grading pattern, in order to flag inconsistencies for a person to look at (Recital 53).",
      legalRef: "Art 6(3)(c)",
      kind: "boolean",
      ifUnanswered: false,
      showIf: ANNEX_III_IN_PLAY,
    },
    {
      id: "derogation_preparatory",
      title: "Preparatory task to an assessment",
      text: "Is the system intended to perform a preparatory task to an assessment relevant for the Annex III use case?",
      help: "For example, smart file handling such as indexing, searching, text and speech processing, linking data to other data sources, or translating initial documents (Recital 53).",
      legalRef: "Art 6(3)(d)",
      kind: "boolean",
      ifUnanswered: false,
      showIf: ANNEX_III_IN_PLAY,
    },
    {
      id: "profiles_natural_persons",
      title: "Profiling of natural persons",
      text: "Does the system perform profiling of natural persons?",
      help: "Profiling is any automated processing of personal data to evaluate personal aspects of a person, in particular to analyse or predict their performance at work, economic situation, health, preferences, interests, reliability, behaviour, location or movements (Art 3(52), which adopts the definition in Art 4(4) GDPR). An Annex III system that profiles people is always high-risk, whatever the answers above.",
      legalRef: "Art 6(3) third subparagraph",
      kind: "boolean",
      ifUnanswered: true,
      showIf: ANNEX_III_IN_PLAY,
    },
  ],
} as const satisfies QuestionnaireSection;
