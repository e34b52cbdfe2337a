import type { ClassificationAnswers } from "@/lib/classification/schemas";

// Shared by the classification and control-applicability tests (not imported by application code).

/**
 * Every main question of the questionnaire answered "No" / none selected: the base a test case spreads its
 * answers over. The one exception is the scope question "is it an AI system?" (Art 3(1)), answered "Yes":
 * the base is an AI system in scope of the Regulation that nothing else applies to.
 */
export const ALL_MAIN_NO: ClassificationAnswers = {
  is_ai_system: true,
  military_defence_security_only: false,
  scientific_research_only: false,
  pre_market_development_only: false,
  purely_personal_use: false,
  free_open_source_licence: false,
  emotion_recognition: false,
  biometric_categorisation: false,
  remote_biometric_identification: false,
  manipulative_techniques: false,
  exploits_vulnerabilities: false,
  social_scoring: false,
  crime_prediction_profiling: false,
  facial_image_scraping: false,
  annex1_product: false,
  annex3_areas: [],
  interacts_with_persons: false,
  generates_synthetic_content: false,
  deep_fake: false,
  public_interest_text: false,
  is_gpai_model: false,
};
