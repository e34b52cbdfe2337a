import type { QuestionnaireSection } from "@/lib/classification/types";

// Scope before tier (Art 2, Art 3(1)): whether the Regulation applies at all. Each question is a main
// question; an answer that takes the system out of scope settles the outcome ("out of scope") only where
// the Regulation says so regardless of the tier (Art 2(3), 2(6), 2(8), 2(10)). Not being an AI system
// still leaves a general-purpose AI model in scope (Art 2(1)(a)), and the open-source exclusion has its
// limits (Art 2(12)): proposeTier applies both.
export const SCOPE_SECTION = {
  id: "scope",
  title: "Scope of the AI Act (Art 2, Art 3(1))",
  intro:
    "First, whether the Regulation applies at all. A system outside its scope gets no tier: it is recorded as out of scope, with the provision that excludes it.",
  questions: [
    {
      id: "is_ai_system",
      title: "AI system",
      text: "Is it an AI system: a machine-based system designed to operate with varying levels of autonomy, that may adapt after deployment, and that infers from the input it receives how to generate outputs such as predictions, content, recommendations or decisions that can influence physical or virtual environments?",
      help: "The decisive feature is the capability to infer: to derive models or algorithms from inputs or data, for example by machine learning or by logic- and knowledge-based approaches. Systems based only on rules defined by people to execute operations automatically (for example a fixed spreadsheet formula or a simple if-then workflow) are not AI systems (Recital 12). A general-purpose AI model is covered on its own terms even where it is not an AI system (Art 2(1)(a)); the last section asks about it.",
      legalRef: "Art 3(1)",
      kind: "boolean",
    },
    {
      id: "military_defence_security_only",
      title: "Exclusively military, defence or national security",
      text: "Is the system placed on the market, put into service or used, with or without modification, exclusively for military, defence or national security purposes?",
      help: "Excluded whatever the type of entity carrying out those activities (Art 2(3), Recital 24). 'Exclusively' matters: a system also used for civilian or law-enforcement purposes, even temporarily, is in scope, and its operators must comply for that use.",
      legalRef: "Art 2(3)",
      kind: "boolean",
    },
    {
      id: "scientific_research_only",
      title: "Solely for scientific research and development",
      text: "Is the system (or model) specifically developed and put into service for the sole purpose of scientific research and development?",
      help: "Excluded, including its output (Art 2(6), Recital 25). A system developed for research that is then used for any other purpose, or placed on the market, is in scope from then on.",
      legalRef: "Art 2(6)",
      kind: "boolean",
    },
    {
      id: "pre_market_development_only",
      title: "Research, testing or development before the market",
      text: "Is the system only the subject of research, testing or development activity before it is placed on the market or put into service, without being tested in real-world conditions?",
      help: "Research, testing and development activity before a system is placed on the market or put into service is excluded, but that activity must still respect other Union law. Testing in real-world conditions is not covered by the exclusion (Art 2(8); Art 60 sets its own conditions). Answer 'No' once the system is on the market, in service, or tested in real-world conditions.",
      legalRef: "Art 2(8)",
      kind: "boolean",
    },
    {
      id: "purely_personal_use",
      title: "Purely personal, non-professional use",
      text: "Is your only relation to the system that of a natural person using it in the course of a purely personal, non-professional activity?",
      help: "The obligations of deployers do not apply to natural persons using AI systems in the course of a purely personal non-professional activity (Art 2(10)). An organisation, or anyone using the system for work, or providing it to others, answers 'No'.",
      legalRef: "Art 2(10)",
      kind: "boolean",
    },
    {
      id: "free_open_source_licence",
      title: "Released under a free and open-source licence",
      text: "Is the system released under a free and open-source licence?",
      help: "Such systems are excluded, unless they are placed on the market or put into service as high-risk AI systems, or fall under Art 5 (prohibited practices) or Art 50 (transparency) (Art 2(12)). The questions that follow decide which: the exclusion is applied only when none of them applies. A general-purpose AI model released openly stays covered, with fewer obligations (Art 53(2)).",
      legalRef: "Art 2(12)",
      kind: "boolean",
    },
  ],
} as const satisfies QuestionnaireSection;
