import { formatRefs } from "@/lib/classification/rules/format-refs";
import type { ClassificationAnswers } from "@/lib/classification/schemas";
import type { LegalBasis } from "@/lib/classification/types";

export interface GpaiAssessment {
  readonly level: "systemic" | "standard" | null;
  /** Why the model is (systemic-risk) GPAI, plus the headline obligations article. */
  readonly grounds: LegalBasis[];
  /** Further Chapter V duties. */
  readonly obligations: LegalBasis[];
  readonly headline: string | null;
}

const ART_3_63: LegalBasis = {
  ref: "Art 3(63)",
  title: "General-purpose AI model",
  reason:
    "The model displays significant generality, competently performs a wide range of distinct tasks and can be integrated into a variety of downstream systems, and is placed on the market.",
};
const ART_55: LegalBasis = {
  ref: "Art 55",
  title: "Obligations for models with systemic risk",
  reason:
    "Evaluate the model including adversarial testing, assess and mitigate possible systemic risks at Union level, track, document and report serious incidents to the AI Office without undue delay, and ensure adequate cybersecurity for the model and its physical infrastructure.",
};
const ART_52_1: LegalBasis = {
  ref: "Art 52(1)",
  title: "Notify the Commission",
  reason:
    "Notify the Commission without delay, and in any event within two weeks, once the model meets (or it becomes known that it will meet) the high-impact-capabilities condition; arguments that it nonetheless presents no systemic risk may be submitted with the notification (Art 52(2)).",
};

const ART_52_3: LegalBasis = {
  ref: "Art 52(2)-(3)",
  title: "Exception: arguments against systemic risk accepted",
  reason:
    "The model meets the high-impact condition of Art 51(1)(a) (measured or presumed under Art 51(2)), but the Commission did not reject the provider's substantiated arguments that it exceptionally does not present systemic risks, so it is not considered a model with systemic risk.",
};
const ART_52_5: LegalBasis = {
  ref: "Art 52(5)",
  title: "Exception: designation lifted on reassessment",
  reason: "On the provider's reasoned request the Commission reassessed the designated model and decided that it no longer presents systemic risk.",
};

const SYSTEMIC_GROUNDS = [
  {
    question: "gpai_high_impact_capabilities",
    ref: "Art 51(1)(a)",
    title: "High-impact capabilities",
    reason: "The model has been evaluated as having capabilities that match or exceed those of the most advanced general-purpose AI models.",
  },
  {
    question: "gpai_compute_above_threshold",
    ref: "Art 51(2)",
    title: "Training compute above 10^25 FLOPs",
    reason: "A model trained with more than 10^25 floating-point operations is presumed to have high-impact capabilities and therefore systemic risk.",
  },
  {
    question: "gpai_commission_designated",
    ref: "Art 51(1)(b)",
    title: "Designated by the Commission",
    reason:
      "The Commission has designated the model as having capabilities or impact equivalent to high-impact capabilities, based on the Annex XIII criteria.",
  },
] as const satisfies readonly (LegalBasis & { question: keyof ClassificationAnswers })[];

function art53(openSource: boolean, systemic: boolean): LegalBasis {
  const base =
    "Technical documentation for the AI Office and authorities (Art 53(1)(a), Annex XI), information for downstream providers (Art 53(1)(b), Annex XII), a policy to comply with Union copyright law including text-and-data-mining opt-outs (Art 53(1)(c)), and a public summary of the training content (Art 53(1)(d)).";
  const note = !openSource
    ? ""
    : systemic
      ? " The open-source exemption of Art 53(2) does not apply to models with systemic risk."
      : " As a free and open-source model with public weights, it is exempt from Art 53(1)(a) and (b) (Art 53(2)); the copyright policy and training-content summary still apply.";
  return { ref: "Art 53", title: "Obligations for providers of general-purpose AI models", reason: base + note };
}

/** Chapter V: is this a general-purpose AI model, and does it have systemic risk (Art 51)? */
export function assessGpai(answers: ClassificationAnswers): GpaiAssessment {
  if (answers.is_gpai_model !== true) return { level: null, grounds: [], obligations: [], headline: null };
  const openSource = answers.gpai_open_source === true;
  // Art 52(2)-(3): accepted arguments set aside the high-impact condition (measured or presumed);
  // Art 52(5): a reassessment can lift a designation. Each is recorded as the exception relied on.
  const rebutted = answers.gpai_systemic_rebuttal_accepted === true;
  const reassessed = answers.gpai_designation_reassessed === true;
  const setAside = (question: string): boolean =>
    (rebutted && (question === "gpai_high_impact_capabilities" || question === "gpai_compute_above_threshold")) ||
    (reassessed && question === "gpai_commission_designated");
  const systemic: LegalBasis[] = SYSTEMIC_GROUNDS.filter((ground) => answers[ground.question] === true && !setAside(ground.question)).map(
    ({ ref, title, reason }) => ({ ref, title, reason }),
  );
  const exceptions: LegalBasis[] = [...(rebutted ? [ART_52_3] : []), ...(reassessed && answers.gpai_commission_designated === true ? [ART_52_5] : [])];
  if (systemic.length > 0) {
    // Art 52(1) is triggered by the high-impact condition (measured or presumed), not by a designation the Commission itself made.
    const mustNotify = answers.gpai_high_impact_capabilities === true || answers.gpai_compute_above_threshold === true;
    return {
      level: "systemic",
      grounds: [...systemic, ART_55],
      obligations: [art53(openSource, true), ...(mustNotify ? [ART_52_1] : [])],
      headline: `${formatRefs(systemic)}; obligations under Art 53 and Art 55 apply`,
    };
  }
  return {
    level: "standard",
    grounds: [ART_3_63, art53(openSource, false), ...exceptions],
    obligations: [],
    headline: openSource ? "Art 53 provider obligations apply, reduced by the open-source exemption of Art 53(2)" : "Art 53 provider obligations apply",
  };
}
