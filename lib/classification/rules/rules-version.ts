/**
 * The version of the questionnaire and its rules: which legal text they follow. A decided classification keeps
 * the version it was proposed under (ClassificationAssessment.rulesVersion); when the text is amended (the
 * amendments reported in 2026 once their official text is published), the questionnaire and rules follow it
 * under a new id, and the system page says when the current rules would propose a different tier.
 */
export const CLASSIFICATION_RULES_VERSION = {
  id: "eu-ai-act-2024-1689-oj-2024-07-12",
  text: "Regulation (EU) 2024/1689 as published in OJ L 12.7.2024",
} as const;
