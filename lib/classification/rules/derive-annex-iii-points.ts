import { ANNEX_III_OPTIONS } from "@/lib/classification/questionnaire/annex-iii-options";
import type { ClassificationAnswers } from "@/lib/classification/schemas";
import type { LegalBasis } from "@/lib/classification/types";

type AnnexIiiValue = (typeof ANNEX_III_OPTIONS)[number]["value"];

export interface AnnexIiiPoint {
  readonly value: AnnexIiiValue;
  readonly ref: string;
  readonly title: string;
  readonly reason: string;
}

export interface AnnexIiiPoints {
  /** Points that apply, in Annex III order, whether ticked or implied. */
  readonly points: AnnexIiiPoint[];
  /** Points ticked by the user that the Annex itself carves out (5(b) fraud detection). */
  readonly carveOuts: LegalBasis[];
}

// A biometric function declared in the first section already places the system in Annex III
// point 1, whether or not the user also ticked the box; the implication is spelled out in the
// reason so the reviewer sees where it came from.
const IMPLIED: readonly { question: keyof ClassificationAnswers; value: AnnexIiiValue; because: string }[] = [
  { question: "remote_biometric_identification", value: "1a", because: "you indicated the system performs remote biometric identification (Art 3(41))" },
  {
    question: "biometric_categorisation_exempt",
    value: "1b",
    because: "you indicated the system categorises biometric data by sensitive attributes under an Art 5(1)(g) exception",
  },
  { question: "emotion_recognition", value: "1c", because: "you indicated the system infers emotions or intentions from biometric data (Art 3(39))" },
];

/** Which Annex III points apply: ticked points, plus implied ones, minus carve-outs. */
export function deriveAnnexIiiPoints(answers: ClassificationAnswers): AnnexIiiPoints {
  const ticked = new Set<string>(answers.annex3_areas ?? []);
  const carveOuts: LegalBasis[] = [];
  if (ticked.has("5b") && answers.credit_fraud_detection_only === true) {
    ticked.delete("5b");
    carveOuts.push({
      ref: "Annex III point 5(b)",
      title: "Excluded: financial-fraud detection",
      reason:
        "Annex III point 5(b) covers creditworthiness evaluation and credit scoring but expressly excludes AI systems used for the purpose of detecting financial fraud, which is the system's only purpose.",
    });
  }
  const implied = new Map(IMPLIED.filter((rule) => answers[rule.question] === true).map((rule) => [rule.value as string, rule.because]));
  const points = ANNEX_III_OPTIONS.filter((option) => ticked.has(option.value) || implied.has(option.value)).map((option) => {
    const because = ticked.has(option.value) ? undefined : implied.get(option.value);
    const reason = because === undefined ? option.help : `${option.help} Applies because ${because}.`;
    return { value: option.value, ref: option.legalRef, title: option.label, reason };
  });
  return { points, carveOuts };
}
