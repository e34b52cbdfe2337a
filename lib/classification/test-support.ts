import type { ClassificationAnswers } from "@/lib/classification/schemas";

// Shared by the classification and control-applicability tests (not imported by application code).

/** Every main question of the questionnaire answered "No" / none selected: the base a test case spreads its answers over. */
export const ALL_MAIN_NO: ClassificationAnswers = {
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
