import type { QuestionnaireSection } from "@/lib/classification/types";

// Gateway questions about biometric functions. They are asked once, up front, because the same
// fact feeds three different provisions: the Art 5 prohibitions (f), (g), (h), the Annex III
// point 1 high-risk areas and the Art 50(3) transparency duty. Asking it once avoids answers
// that contradict each other across sections.
export const BIOMETRICS_SECTION = {
  id: "biometrics",
  title: "Biometric and emotion-recognition functions",
  intro:
    "A few provisions of the AI Act depend on whether the system works with biometric data (data about a person's physical, physiological or behavioural characteristics, such as face images, voice or gait). These answers are reused by the prohibited-practice, high-risk and transparency sections.",
  questions: [
    {
      id: "emotion_recognition",
      title: "Emotion recognition system",
      text: "Does the system identify or infer the emotions or intentions of people on the basis of their biometric data (for example from facial expressions, voice or body signals)?",
      help: "This is an 'emotion recognition system' (Art 3(39)): it infers emotions such as happiness, sadness, anger, surprise, disgust, embarrassment, excitement, shame, contempt, satisfaction or amusement. Physical states such as pain or fatigue are not emotions, so detecting the fatigue of pilots or drivers to prevent accidents is not emotion recognition. Merely detecting readily apparent expressions, gestures or movements (a smile, a raised voice) is not emotion recognition unless it is used to infer emotions (Recital 18).",
      legalRef: "Art 3(39)",
      kind: "boolean",
    },
    {
      id: "biometric_categorisation",
      title: "Biometric categorisation system",
      text: "Does the system assign people to specific categories on the basis of their biometric data?",
      help: "This is a 'biometric categorisation system' (Art 3(40)), e.g. sorting people by age, sex, hair colour, tattoos or inferred attributes. It is not one if the categorisation is merely ancillary to another commercial service and strictly necessary for objective technical reasons, such as a virtual try-on filter on an online shop (Recital 16).",
      legalRef: "Art 3(40)",
      kind: "boolean",
    },
    {
      id: "remote_biometric_identification",
      title: "Remote biometric identification system",
      text: "Does the system identify people without their active involvement, typically at a distance, by comparing their biometric data with biometric data in a reference database?",
      help: "This is a 'remote biometric identification system' (Art 3(41)). Biometric verification, whose only purpose is to confirm that a person is who they claim to be (unlocking a phone, a badge-plus-face check at a door), is not identification (Art 3(36)) and should be answered 'No'.",
      legalRef: "Art 3(41)",
      kind: "boolean",
    },
  ],
} as const satisfies QuestionnaireSection;
