import { z } from "zod";

/**
 * The 5×5 risk matrix is data: axis labels and the score bands that name a level and colour it.
 * Every organisation starts from DEFAULT_RISK_MATRIX; admins may edit labels, bands and colours.
 * Score = likelihood × impact (1..25); a band applies from its minScore up to the next band's.
 */
export const riskLevelSchema = z.strictObject({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,31}$/, "Lower-case letters, digits and _ only"),
  label: z.string().trim().min(1, "Label is required").max(40, "Must be at most 40 characters"),
  minScore: z.int().min(1).max(25),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, "Must be a colour like #d97706"),
});

export const riskMatrixSchema = z.strictObject({
  likelihoodLabels: z.array(z.string().trim().min(1, "Label is required").max(40, "Must be at most 40 characters")).length(5, "Exactly five likelihood labels"),
  impactLabels: z.array(z.string().trim().min(1, "Label is required").max(40, "Must be at most 40 characters")).length(5, "Exactly five impact labels"),
  levels: z
    .array(riskLevelSchema)
    .min(2, "At least two levels")
    .max(6, "At most six levels")
    .refine((l) => l[0]?.minScore === 1, "The first level must start at score 1")
    .refine((l) => l.every((x, i) => i === 0 || x.minScore > l[i - 1].minScore), "Levels must be in increasing order of minScore")
    .refine((l) => new Set(l.map((x) => x.key)).size === l.length, "Level keys must be unique"),
});

export type RiskMatrix = z.infer<typeof riskMatrixSchema>;
export type RiskLevel = z.infer<typeof riskLevelSchema>;

export const DEFAULT_RISK_MATRIX: RiskMatrix = {
  likelihoodLabels: ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"],
  impactLabels: ["Negligible", "Minor", "Moderate", "Major", "Severe"],
  levels: [
    { key: "low", label: "Low", minScore: 1, color: "#16a34a" },
    { key: "medium", label: "Medium", minScore: 5, color: "#ca8a04" },
    { key: "high", label: "High", minScore: 10, color: "#ea580c" },
    { key: "critical", label: "Critical", minScore: 17, color: "#b91c1c" },
  ],
};
