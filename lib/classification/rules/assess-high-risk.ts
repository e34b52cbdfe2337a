import { assessAnnexIii, type AnnexIiiAssessment } from "@/lib/classification/rules/assess-annex-iii";
import type { ClassificationAnswers } from "@/lib/classification/schemas";
import type { LegalBasis } from "@/lib/classification/types";

export interface HighRiskAssessment extends AnnexIiiAssessment {
  readonly isHigh: boolean;
}

const PRODUCT_HEADLINE =
  "safety component of, or itself, a product covered by Annex I Union harmonisation legislation that requires third-party conformity assessment, via Art 6(1)";

const ART_6_1: LegalBasis = {
  ref: "Art 6(1)",
  title: "Safety component or product under Annex I legislation",
  reason:
    "The system is a safety component of a product, or is itself a product, covered by Annex I legislation, and that product must undergo a third-party conformity assessment. Both conditions of Art 6(1) are met.",
};
const ANNEX_I: LegalBasis = {
  ref: "Annex I",
  title: "Union harmonisation legislation",
  reason:
    "For products under Annex I Section A (e.g. machinery, medical devices), conformity is assessed under the sectoral act's procedure, extended to the AI Act requirements (Art 43(3)). For products under Section B (e.g. civil aviation, motor vehicles), the AI Act requirements reach the product through that sectoral legislation instead of applying directly (Art 2(2), Art 102-109).",
};

// Core duties of every high-risk system, whichever route made it high-risk.
const HIGH_RISK_DUTIES: readonly LegalBasis[] = [
  {
    ref: "Art 8-15",
    title: "Requirements for high-risk AI systems",
    reason:
      "Risk management (Art 9), data and data governance (Art 10), technical documentation (Art 11), record-keeping (Art 12), transparency and instructions for use (Art 13), human oversight (Art 14), and accuracy, robustness and cybersecurity (Art 15).",
  },
  {
    ref: "Art 16",
    title: "Provider obligations",
    reason:
      "Among others: quality management system (Art 17), conformity assessment (Art 43), EU declaration of conformity (Art 47), CE marking (Art 48), post-market monitoring (Art 72) and serious-incident reporting (Art 73).",
  },
  {
    ref: "Art 43",
    title: "Conformity assessment",
    reason:
      "Before placing the system on the market or putting it into service, the provider has its conformity with the requirements assessed: internal control (Annex VI) for most Annex III systems, a notified body (Annex VII) for biometric systems without harmonised standards, and the sectoral procedure for Annex I Section A products (Art 43(1)-(3)); a substantial modification needs a new assessment (Art 43(4)).",
  },
  {
    ref: "Art 26",
    title: "Deployer obligations",
    reason:
      "Use the system in line with its instructions, assign competent human oversight, monitor its operation, keep the logs under the deployer's control, and inform workers and affected persons where required.",
  },
];

const ART_2_2: LegalBasis = {
  ref: "Art 2(2)",
  title: "Annex I Section B product: through the sectoral act",
  reason:
    "For products under Annex I Section B, only Art 6(1), Art 102-109 and Art 112 of the AI Act apply: the high-risk requirements of Chapter III Section 2 are taken into account in the delegated and implementing acts adopted under the sectoral legislation (civil aviation, vehicles, marine equipment, rail), and the operators' duties come from that legislation. Art 8-15, 16 and 26 do not apply directly.",
};
const ART_25_1: LegalBasis = {
  ref: "Art 25(1)",
  title: "You are considered the provider",
  reason:
    "By putting your name or trademark on the system, making a substantial modification to it or changing its intended purpose so that it is high-risk, you are considered its provider and take on the provider's obligations (Art 16); the initial provider cooperates and makes the necessary information available (Art 25(2)).",
};

/**
 * Art 6: high risk via the product-safety route (Art 6(1)) or via Annex III (Art 6(2)/(3)).
 * The product route is checked first because Art 6(3) only derogates from Art 6(2): a medical
 * device needing a notified body stays high-risk even if it "only" performs a preparatory task.
 */
export function assessHighRisk(answers: ClassificationAnswers): HighRiskAssessment {
  const annex = assessAnnexIii(answers);
  const productRoute = answers.annex1_product === true && answers.annex1_third_party_assessment === true;
  const becomesProvider = answers.becomes_provider === true ? [ART_25_1] : [];
  if (productRoute) {
    // Section B (Art 2(2)): the AI Act's requirements reach the product through the sectoral act, unless an Annex III use makes it high-risk in its own right
    const sectionBOnly = answers.annex1_section_b === true && annex.grounds.length === 0;
    return {
      isHigh: true,
      grounds: [ART_6_1, ANNEX_I, ...annex.grounds],
      exclusions: [],
      obligations: sectionBOnly ? [ART_2_2] : [...becomesProvider, ...HIGH_RISK_DUTIES, ...(annex.grounds.length > 0 ? annex.obligations : [])],
      headline: annex.headline === null ? PRODUCT_HEADLINE : `${PRODUCT_HEADLINE}, and ${annex.headline}`,
      exclusionNote: null,
    };
  }
  if (annex.grounds.length > 0) return { ...annex, isHigh: true, obligations: [...becomesProvider, ...HIGH_RISK_DUTIES, ...annex.obligations] };
  return { ...annex, isHigh: false };
}
