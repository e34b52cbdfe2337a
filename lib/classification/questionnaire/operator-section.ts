import { ANNEX_III_IN_PLAY } from "@/lib/classification/questionnaire/derogation-section";
import type { QuestionnaireSection, ShowIf } from "@/lib/classification/types";

// Duties that depend on who the organisation is, not on what the system does: asked once a high-risk route
// is in play. The system's EU AI Act role (provider, deployer, …) is recorded on the system itself and
// applied when the proposal's obligations are shown (obligationsForRole); these questions refine it.
const HIGH_RISK_IN_PLAY: ShowIf = { anyOf: [ANNEX_III_IN_PLAY, { question: "annex1_product", equals: true }] };

export const OPERATOR_SECTION = {
  id: "operator",
  title: "Your role and the duties that follow from it (Art 25, Art 27)",
  intro:
    "Which high-risk obligations bind you depends on your role for this system (provider, deployer, importer, distributor, …; set on the system's page) and on these facts about your organisation.",
  questions: [
    {
      id: "becomes_provider",
      title: "Deployer, importer or distributor that becomes the provider",
      text: "If someone else provides the system: have you put your name or trademark on it, made a substantial modification to it, or changed its intended purpose in a way that makes it high-risk?",
      help: "A deployer, distributor, importer or other third party that does any of these is considered the provider of a high-risk AI system and takes on the provider's obligations under Art 16; the original provider is then no longer its provider for that purpose, but must cooperate and hand over the information needed (Art 25(1)-(2)). If you are the provider already, answer 'No'.",
      legalRef: "Art 25(1)",
      kind: "boolean",
      ifUnanswered: true,
      showIf: HIGH_RISK_IN_PLAY,
    },
    {
      id: "public_body_or_public_service",
      title: "Body governed by public law or private entity providing public services",
      text: "Is your organisation a body governed by public law, or a private entity providing public services (for example education, healthcare, social services, housing or the administration of justice)?",
      help: "Such deployers must carry out a fundamental rights impact assessment before first using a high-risk system of Annex III (except point 2, critical infrastructure) (Art 27(1), Recital 96). Deployers of Annex III point 5(b) (creditworthiness) and 5(c) (life and health insurance pricing) systems must do so whoever they are.",
      legalRef: "Art 27(1)",
      kind: "boolean",
      ifUnanswered: true,
      showIf: ANNEX_III_IN_PLAY,
    },
  ],
} as const satisfies QuestionnaireSection;
