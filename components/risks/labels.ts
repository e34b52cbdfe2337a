import type { RiskCategory, RiskStatus, RiskTreatment, ScoreBasis } from "@/lib/risks/schemas";

// Human labels for the risk register's enums, shared by tables, forms and filters.
export const RISK_CATEGORY_LABELS: Record<RiskCategory, string> = {
  security: "Security",
  privacy: "Privacy",
  fairness: "Fairness",
  safety: "Safety",
  transparency: "Transparency",
  accountability: "Accountability",
  robustness: "Robustness",
};
export const RISK_TREATMENT_LABELS: Record<RiskTreatment, string> = { mitigate: "Mitigate", accept: "Accept", transfer: "Transfer", avoid: "Avoid" };
export const RISK_STATUS_LABELS: Record<RiskStatus, string> = { open: "Open", in_treatment: "In treatment", accepted: "Accepted", closed: "Closed" };
export const SCORE_BASIS_LABELS: Record<ScoreBasis, string> = { inherent: "Inherent", residual: "Residual" };

/** "3 – Possible": a rating with the matrix's label for it. */
export function ratingOptions(labels: readonly string[]) {
  return labels.map((label, i) => ({ value: String(i + 1), label: `${i + 1} – ${label}` }));
}
