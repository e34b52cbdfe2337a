import type { ClassificationAnswers } from "@/lib/classification/schemas";
import type { LegalBasis } from "@/lib/classification/types";

export interface TransparencyFindings {
  /** Art 50 duties that apply; on their own they make the system "limited" risk. */
  readonly duties: LegalBasis[];
  /** Built-in Art 50 exceptions relied on, recorded for reviewers. */
  readonly exceptions: LegalBasis[];
}

/** Art 50: which transparency duties apply, honouring each paragraph's own exception. */
export function findTransparencyDuties(answers: ClassificationAnswers): TransparencyFindings {
  const duties: LegalBasis[] = [];
  const exceptions: LegalBasis[] = [];

  // Each paragraph exempts uses authorised by law to detect, prevent, investigate or prosecute criminal
  // offences; Art 50(1) not where the system is available to the public to report a criminal offence.
  const lawEnforcement = answers.law_enforcement_authorised === true;
  const lawEnforcementException = (ref: string, what: string): LegalBasis => ({
    ref,
    title: "Exception: authorised by law for criminal investigations",
    reason: `${what} does not apply to uses authorised by law to detect, prevent, investigate or prosecute criminal offences, subject to appropriate safeguards for the rights and freedoms of third parties (${ref}).`,
  });

  if (answers.interacts_with_persons === true) {
    if (answers.interaction_obvious === true)
      exceptions.push({
        ref: "Art 50(1)",
        title: "Exception: AI interaction is obvious",
        reason:
          "The information duty does not apply where it is obvious to a reasonably well-informed, observant and circumspect person that they are interacting with an AI system.",
      });
    else if (lawEnforcement && answers.law_enforcement_public_reporting === false)
      exceptions.push(lawEnforcementException("Art 50(1)", "The information duty"));
    else
      duties.push({
        ref: "Art 50(1)",
        title: "Direct interaction with natural persons",
        reason: lawEnforcement
          ? "The provider must design the system so that people are informed, at the latest at their first interaction, that they are interacting with an AI system; the law-enforcement exemption does not cover a system available to the public to report a criminal offence."
          : "The provider must design the system so that people are informed, at the latest at their first interaction, that they are interacting with an AI system.",
      });
  }

  if (answers.generates_synthetic_content === true) {
    if (answers.synthetic_content_assistive_editing === true)
      exceptions.push({
        ref: "Art 50(2)",
        title: "Exception: assistive editing",
        reason:
          "The marking duty does not apply to the extent the system performs an assistive function for standard editing or does not substantially alter the input data or its meaning.",
      });
    else if (lawEnforcement) exceptions.push(lawEnforcementException("Art 50(2)", "The marking duty"));
    else
      duties.push({
        ref: "Art 50(2)",
        title: "Synthetic audio, image, video or text",
        reason: "The provider must mark outputs in a machine-readable format so that they are detectable as artificially generated or manipulated.",
      });
  }

  // Taken from the biometrics gateway questions; a prohibited use never reaches this far.
  const emotion = answers.emotion_recognition === true;
  const categorisation = answers.biometric_categorisation === true;
  if (emotion || categorisation) {
    const what =
      emotion && categorisation
        ? "Emotion recognition and biometric categorisation"
        : emotion
          ? "Emotion recognition system"
          : "Biometric categorisation system";
    if (lawEnforcement)
      exceptions.push({
        ref: "Art 50(3)",
        title: "Exception: permitted by law for criminal investigations",
        reason:
          "The duty to inform exposed persons does not apply to emotion recognition and biometric categorisation systems permitted by law to detect, prevent or investigate criminal offences, subject to appropriate safeguards and in accordance with Union law.",
      });
    else
      duties.push({
        ref: "Art 50(3)",
        title: what,
        reason:
          "The deployer must inform the people exposed to the system of its operation and process their personal data in line with the GDPR and related Union law.",
      });
  }

  if (answers.deep_fake === true) {
    if (lawEnforcement) exceptions.push(lawEnforcementException("Art 50(4)", "The deep-fake disclosure duty"));
    else
      duties.push({
        ref: "Art 50(4)",
        title: "Deep fakes",
        reason:
          "The deployer must disclose that the image, audio or video content has been artificially generated or manipulated; for evidently artistic, creative, satirical or fictional works, in a way that does not hamper the work.",
      });
  }

  if (answers.public_interest_text === true) {
    if (answers.public_interest_text_editorial_control === true)
      exceptions.push({
        ref: "Art 50(4)",
        title: "Exception: human review and editorial responsibility",
        reason:
          "The disclosure duty for text does not apply where the AI-generated text has undergone human review or editorial control and a person holds editorial responsibility for its publication.",
      });
    else if (lawEnforcement) exceptions.push(lawEnforcementException("Art 50(4)", "The disclosure duty for text"));
    else
      duties.push({
        ref: "Art 50(4)",
        title: "AI-generated text on matters of public interest",
        reason:
          "The deployer must disclose that text published to inform the public on matters of public interest has been artificially generated or manipulated.",
      });
  }

  return { duties, exceptions };
}
