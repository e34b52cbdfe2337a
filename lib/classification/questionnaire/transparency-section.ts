import type { QuestionnaireSection } from "@/lib/classification/types";

// Art 50 transparency duties. Each paragraph has its own built-in exception, asked as a follow-up
// so that the proposal can cite why a duty does not apply instead of silently dropping it.
// Art 50(3) (emotion recognition / biometric categorisation) is not asked again here: it is
// derived from the biometrics section so the two answers cannot disagree.
export const TRANSPARENCY_SECTION = {
  id: "transparency",
  title: "Transparency obligations (Art 50)",
  intro:
    "Some systems must tell people that AI is involved, whatever their risk tier. The duty to inform people exposed to emotion recognition or biometric categorisation (Art 50(3)) follows from your answers in the biometrics section.",
  questions: [
    {
      id: "interacts_with_persons",
      title: "Direct interaction with natural persons",
      text: "Is the system intended to interact directly with people, for example as a chatbot, voice assistant or conversational agent?",
      help: "The provider must design the system so that people are informed they are interacting with an AI system.",
      legalRef: "Art 50(1)",
      kind: "boolean",
    },
    {
      id: "interaction_obvious",
      title: "AI interaction is obvious",
      text: "Would it be obvious to a reasonably well-informed, observant and circumspect person, given the circumstances and context of use, that they are interacting with an AI system?",
      help: "If it is obvious, the Art 50(1) information duty does not apply. When in doubt, answer 'No': a disclosure costs little. (Systems authorised by law for criminal investigations are asked about at the end of this section.)",
      legalRef: "Art 50(1)",
      kind: "boolean",
      ifUnanswered: false,
      showIf: { question: "interacts_with_persons", equals: true },
    },
    {
      id: "generates_synthetic_content",
      title: "Generates synthetic content",
      text: "Does the system (including a general-purpose AI system) generate synthetic audio, image, video or text content?",
      help: "The provider must mark the outputs in a machine-readable format so they are detectable as artificially generated or manipulated, using technical solutions that are effective, interoperable, robust and reliable as far as technically feasible.",
      legalRef: "Art 50(2)",
      kind: "boolean",
    },
    {
      id: "synthetic_content_assistive_editing",
      title: "Assistive editing only",
      text: "Does the system only perform an assistive function for standard editing, or not substantially alter the input data provided by the deployer or its meaning?",
      help: "For example spell-checking, grammar correction or basic image adjustments. In that case the Art 50(2) marking duty does not apply.",
      legalRef: "Art 50(2)",
      kind: "boolean",
      ifUnanswered: false,
      showIf: { question: "generates_synthetic_content", equals: true },
    },
    {
      id: "deep_fake",
      title: "Deep fakes",
      text: "Is the system used to generate or manipulate image, audio or video content that constitutes a deep fake, i.e. content resembling existing persons, objects, places, entities or events that would falsely appear to a person to be authentic or truthful?",
      help: "The deployer must disclose that the content has been artificially generated or manipulated (Art 3(60) defines 'deep fake'). For evidently artistic, creative, satirical or fictional works, the disclosure may be made in a way that does not hamper the display or enjoyment of the work, but it is still required.",
      legalRef: "Art 50(4)",
      kind: "boolean",
    },
    {
      id: "public_interest_text",
      title: "AI-generated text on matters of public interest",
      text: "Is the system used to generate or manipulate text that is published with the purpose of informing the public on matters of public interest?",
      help: "For example, AI-written news articles or public-information notices. The deployer must disclose that the text has been artificially generated or manipulated.",
      legalRef: "Art 50(4)",
      kind: "boolean",
    },
    {
      id: "public_interest_text_editorial_control",
      title: "Human review and editorial responsibility",
      text: "Has the AI-generated text undergone human review or editorial control, with a natural or legal person holding editorial responsibility for its publication?",
      help: "If so, the Art 50(4) disclosure duty for text does not apply.",
      legalRef: "Art 50(4)",
      kind: "boolean",
      ifUnanswered: false,
      showIf: { question: "public_interest_text", equals: true },
    },
    {
      id: "law_enforcement_authorised",
      title: "Authorised by law for criminal investigations",
      text: "Is the system (or this use of it) authorised by law to detect, prevent, investigate or prosecute criminal offences, subject to appropriate safeguards for the rights and freedoms of third parties?",
      help: "Each paragraph of Art 50 exempts such uses: Art 50(1) interaction notices (unless the system is available to the public to report a criminal offence), Art 50(2) marking of synthetic content, Art 50(3) for emotion recognition and biometric categorisation permitted by law to detect, prevent or investigate criminal offences, and Art 50(4) deep fakes and public-interest text. Answer 'Yes' only if a law expressly authorises the use; being a police customer is not enough.",
      legalRef: "Art 50(1)-(4)",
      kind: "boolean",
      ifUnanswered: false,
      showIf: {
        anyOf: [
          { question: "interacts_with_persons", equals: true },
          { question: "generates_synthetic_content", equals: true },
          { question: "emotion_recognition", equals: true },
          { question: "biometric_categorisation", equals: true },
          { question: "deep_fake", equals: true },
          { question: "public_interest_text", equals: true },
        ],
      },
    },
    {
      id: "law_enforcement_public_reporting",
      title: "Available to the public to report a criminal offence",
      text: "Is the system available to the public to report a criminal offence (for example a chatbot on a police website where people file reports)?",
      help: "The Art 50(1) law-enforcement exemption does not cover such systems: people who report a crime must still be told they are interacting with an AI system. This answer matters only for systems that interact directly with people.",
      legalRef: "Art 50(1)",
      kind: "boolean",
      ifUnanswered: true,
      showIf: { question: "law_enforcement_authorised", equals: true },
    },
  ],
} as const satisfies QuestionnaireSection;
