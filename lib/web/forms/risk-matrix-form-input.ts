// FormData of the matrix editor → the object updateRiskMatrixSchema validates. Field names are the
// schema paths ("likelihoodLabels.2", "levels.1.minScore"), so errors land beside their inputs.

export const MAX_MATRIX_LEVELS = 6;

export function riskMatrixFormInput(form: FormData): Record<string, unknown> {
  const text = (name: string) => String(form.get(name) ?? "");
  const levels = [];
  for (let i = 0; i < MAX_MATRIX_LEVELS; i++) {
    const key = text(`levels.${i}.key`).trim();
    const label = text(`levels.${i}.label`).trim();
    const minScore = text(`levels.${i}.minScore`).trim();
    // a colour input always sends a value, so a row counts as empty when its other fields are
    if (!key && !label && !minScore) continue;
    levels.push({ key, label, minScore: minScore === "" ? NaN : Number(minScore), color: text(`levels.${i}.color`).trim() });
  }
  return {
    likelihoodLabels: [0, 1, 2, 3, 4].map((i) => text(`likelihoodLabels.${i}`)),
    impactLabels: [0, 1, 2, 3, 4].map((i) => text(`impactLabels.${i}`)),
    levels,
    version: Number(form.get("version")),
  };
}
