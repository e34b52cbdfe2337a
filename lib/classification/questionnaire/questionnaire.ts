import { ANNEX_III_SECTION } from "@/lib/classification/questionnaire/annex-iii-section";
import { BIOMETRICS_SECTION } from "@/lib/classification/questionnaire/biometrics-section";
import { DEROGATION_SECTION } from "@/lib/classification/questionnaire/derogation-section";
import { GPAI_SECTION } from "@/lib/classification/questionnaire/gpai-section";
import { PRODUCT_SAFETY_SECTION } from "@/lib/classification/questionnaire/product-safety-section";
import { OPERATOR_SECTION } from "@/lib/classification/questionnaire/operator-section";
import { SCOPE_SECTION } from "@/lib/classification/questionnaire/scope-section";
import { PROHIBITED_PRACTICES_SECTION } from "@/lib/classification/questionnaire/prohibited-practices-section";
import { TRANSPARENCY_SECTION } from "@/lib/classification/questionnaire/transparency-section";

/**
 * The EU AI Act (Regulation (EU) 2024/1689) risk-tier questionnaire, in the order it is asked.
 * The order mirrors the precedence of the rules in proposeTier (scope first, then prohibited, then
 * high-risk, then transparency and GPAI), and show-if conditions only look backwards, so a single top-to-bottom
 * pass settles which questions are visible.
 */
export const QUESTIONNAIRE = [
  SCOPE_SECTION,
  BIOMETRICS_SECTION,
  PROHIBITED_PRACTICES_SECTION,
  PRODUCT_SAFETY_SECTION,
  ANNEX_III_SECTION,
  DEROGATION_SECTION,
  OPERATOR_SECTION,
  TRANSPARENCY_SECTION,
  GPAI_SECTION,
] as const;
