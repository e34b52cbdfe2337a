import { PROHIBITED_PRACTICES_SECTION } from "@/lib/classification/questionnaire/prohibited-practices-section";
import type { ClassificationAnswers } from "@/lib/classification/schemas";
import type { LegalBasis } from "@/lib/classification/types";

export interface ProhibitedPracticeFindings {
  /** Art 5(1) points the system falls under; any entry makes the system prohibited. */
  readonly practices: LegalBasis[];
  /** Art 5 exceptions relied on, recorded so reviewers can see why a practice did not count. */
  readonly exceptions: LegalBasis[];
  /** Conditions attached to an exception (they apply to the non-prohibited system). */
  readonly safeguards: LegalBasis[];
}

// Short paraphrases of what each point bans, used as the reason in the proposal.
const REASONS: Readonly<Record<string, string>> = {
  manipulative_techniques:
    "Art 5(1)(a) bans AI systems that deploy subliminal, purposefully manipulative or deceptive techniques materially distorting behaviour in a way that causes or is reasonably likely to cause significant harm.",
  exploits_vulnerabilities:
    "Art 5(1)(b) bans AI systems that exploit vulnerabilities due to age, disability or a specific social or economic situation to materially distort behaviour in a way that causes or is reasonably likely to cause significant harm.",
  social_scoring:
    "Art 5(1)(c) bans evaluating or classifying people based on social behaviour or personal characteristics where the score leads to detrimental treatment in unrelated contexts or treatment that is unjustified or disproportionate.",
  crime_prediction_profiling:
    "Art 5(1)(d) bans assessing or predicting the risk of a person committing a criminal offence based solely on profiling or on assessing personality traits and characteristics.",
  facial_image_scraping:
    "Art 5(1)(e) bans creating or expanding facial recognition databases through untargeted scraping of facial images from the internet or CCTV footage.",
  emotion_recognition_work_education:
    "Art 5(1)(f) bans inferring emotions of people in the workplace and in education institutions, except for medical or safety reasons, which you did not indicate.",
  biometric_categorisation_sensitive:
    "Art 5(1)(g) bans categorising individuals on the basis of biometric data to deduce or infer race, political opinions, trade union membership, religious or philosophical beliefs, sex life or sexual orientation.",
  realtime_rbi_law_enforcement:
    "Art 5(1)(h) bans 'real-time' remote biometric identification in publicly accessible spaces for law enforcement unless strictly necessary for one of the objectives in points (i)-(iii) and authorised under Art 5(2)-(5), which you did not indicate.",
};

const RBI_SAFEGUARDS: LegalBasis = {
  ref: "Art 5(2)-(5)",
  title: "Safeguards for each use of real-time remote biometric identification",
  reason:
    "Each use must be limited to what is strictly necessary in time, place and persons, be authorised in advance by a judicial or independent administrative authority (in urgency, requested within 24 hours), follow a fundamental rights impact assessment (Art 27) and registration (Art 49), and be notified to the market surveillance and data protection authorities.",
};

/** Applies Art 5(1), honouring the exceptions the Regulation writes into points (f), (g) and (h). */
export function findProhibitedPractices(answers: ClassificationAnswers): ProhibitedPracticeFindings {
  const findings: ProhibitedPracticeFindings = { practices: [], exceptions: [], safeguards: [] };
  for (const question of PROHIBITED_PRACTICES_SECTION.questions) {
    const reason = REASONS[question.id];
    if (reason === undefined || answers[question.id] !== true) continue;
    const exception = exceptionFor(question.id, answers);
    if (exception.length === 0) findings.practices.push({ ref: question.legalRef, title: question.title, reason });
    else findings.exceptions.push(...exception);
  }
  if (findings.exceptions.some((entry) => entry.ref.startsWith("Art 5(1)(h)"))) findings.safeguards.push(RBI_SAFEGUARDS);
  return findings;
}

function exceptionFor(practiceId: string, answers: ClassificationAnswers): LegalBasis[] {
  if (practiceId === "emotion_recognition_work_education" && answers.emotion_recognition_medical_safety === true) {
    return [
      {
        ref: "Art 5(1)(f)",
        title: "Exception: medical or safety reasons",
        reason:
          "Emotion recognition in the workplace or education is not prohibited where intended for medical or safety reasons; it remains an Annex III point 1(c) system.",
      },
    ];
  }
  if (practiceId === "biometric_categorisation_sensitive" && answers.biometric_categorisation_exempt === true) {
    return [
      {
        ref: "Art 5(1)(g)",
        title: "Exception: dataset labelling or law-enforcement categorisation",
        reason:
          "Labelling or filtering lawfully acquired biometric datasets, and categorising biometric data in the area of law enforcement, are outside the prohibition; the system remains an Annex III point 1(b) system.",
      },
    ];
  }
  if (practiceId === "realtime_rbi_law_enforcement" && answers.realtime_rbi_authorised === true) {
    const objectiveQuestion = PROHIBITED_PRACTICES_SECTION.questions.find((question) => question.id === "realtime_rbi_objectives");
    const chosen = answers.realtime_rbi_objectives ?? [];
    return (objectiveQuestion?.options ?? [])
      .filter((option) => chosen.includes(option.value))
      .map((option) => ({
        ref: option.legalRef,
        title: `Exception: ${option.label.charAt(0).toLowerCase()}${option.label.slice(1)}`,
        reason: `${option.help} The use is authorised under national law and Art 5(2)-(5); the system remains an Annex III point 1(a) system.`,
      }));
  }
  return [];
}
