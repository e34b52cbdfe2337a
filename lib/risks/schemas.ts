import { z } from "zod";
import { FRAMEWORK_IDS } from "@/lib/catalogs/frameworks";
import { getFrameworkItem } from "@/lib/catalogs/get-framework-item";
import { riskMatrixSchema } from "./risk-matrix";
import { isAtlasTechniqueId, isOwaspRiskId } from "./catalog-refs";

// The risk register's schemas, defined once: forms, server actions, REST and the OpenAPI document.

export const RISK_CATEGORIES = ["security", "privacy", "fairness", "safety", "transparency", "accountability", "robustness"] as const;
export const RISK_TREATMENTS = ["mitigate", "accept", "transfer", "avoid"] as const;
export const RISK_STATUSES = ["open", "in_treatment", "accepted", "closed"] as const;
/** Which rating a level filter, the heatmap or a sort uses. Residual = only risks whose residual rating is assessed. */
export const SCORE_BASES = ["inherent", "residual"] as const;

export const riskCategorySchema = z.enum(RISK_CATEGORIES);
export const riskTreatmentSchema = z.enum(RISK_TREATMENTS);
export const riskStatusSchema = z.enum(RISK_STATUSES);
export const scoreBasisSchema = z.enum(SCORE_BASES);

export type RiskCategory = z.infer<typeof riskCategorySchema>;
export type RiskTreatment = z.infer<typeof riskTreatmentSchema>;
export type RiskStatus = z.infer<typeof riskStatusSchema>;
export type ScoreBasis = z.infer<typeof scoreBasisSchema>;

const idSchema = z.string().trim().min(1).max(64);
const text = (max: number) => z.string().trim().max(max, `Must be at most ${max} characters`);
const rating = (what: string) => z.int(`${what} must be a whole number from 1 to 5`).min(1, `${what} must be 1 to 5`).max(5, `${what} must be 1 to 5`);
const unique = (a: readonly string[]) => new Set(a).size === a.length;

export const ATLAS_TECHNIQUE_PATTERN = /^AML\.T\d{4}(\.\d{3})?$/;

const techniqueIdSchema = z
  .string()
  .trim()
  .refine(isAtlasTechniqueId, { error: (issue) => `Unknown MITRE ATLAS technique "${String(issue.input)}"` });
const owaspIdSchema = z
  .string()
  .trim()
  .refine(isOwaspRiskId, { error: (issue) => `Unknown OWASP id "${String(issue.input)}" (LLM01:2025 … LLM10:2025 or ASI01:2026 … ASI10:2026)` });

export const riskControlRefSchema = z
  .strictObject({
    framework: z.enum(FRAMEWORK_IDS),
    controlId: z.string().trim().min(1, "Control id is required").max(64),
  })
  .superRefine((c, ctx) => {
    if (!getFrameworkItem(c.framework, c.controlId))
      ctx.addIssue({ code: "custom", path: ["controlId"], message: `Unknown control "${c.controlId}" in ${c.framework}` });
  });
export type RiskControlRef = z.infer<typeof riskControlRefSchema>;

const controlsSchema = z
  .array(riskControlRefSchema)
  .max(100, "At most 100 linked controls")
  .refine((controls) => unique(controls.map((c) => `${c.framework}:${c.controlId}`)), "Duplicate control")
  .describe("Controls that treat the risk, by framework and the framework's control id (e.g. iso42001 / A.6.2.4)");

const riskFields = {
  title: z.string({ error: "Title is required" }).trim().min(1, "Title is required").max(200, "Must be at most 200 characters"),
  description: text(5000),
  category: riskCategorySchema,
  techniqueIds: z
    .array(techniqueIdSchema)
    .max(50, "At most 50 techniques")
    .refine(unique, "Duplicate technique")
    .describe("MITRE ATLAS technique or sub-technique ids, e.g. AML.T0051"),
  owaspIds: z
    .array(owaspIdSchema)
    .max(20, "At most 20 OWASP ids")
    .refine(unique, "Duplicate OWASP id")
    .describe("OWASP Top 10 for LLM Applications 2025 (LLM01:2025) or Agentic Applications 2026 (ASI01:2026) ids"),
  inherentLikelihood: rating("Likelihood").describe("Likelihood before treatment, 1 (rare) … 5 (almost certain)"),
  inherentImpact: rating("Impact").describe("Impact before treatment, 1 (negligible) … 5 (severe)"),
  treatment: riskTreatmentSchema.describe("'accept' only through POST /risks/{riskId}/accept (named approver and reason)"),
  treatmentPlan: text(5000),
  residualLikelihood: rating("Likelihood").nullable().describe("Likelihood after treatment; set together with residualImpact, or both null"),
  residualImpact: rating("Impact").nullable().describe("Impact after treatment; set together with residualLikelihood, or both null"),
  ownerId: idSchema.nullable().describe("User id of the person accountable for the risk; must be a member of the organisation"),
  dueDate: z.iso.date("Must be a date like 2026-12-31").nullable().describe("Treatment due date (YYYY-MM-DD)"),
  status: riskStatusSchema.describe("'accepted' only through POST /risks/{riskId}/accept"),
  controls: controlsSchema,
};

export const RISK_FIELDS = Object.keys(riskFields) as (keyof typeof riskFields)[];

/** Residual likelihood and impact are assessed together: both set or both null. */
export function residualPairIssues(value: { residualLikelihood?: number | null; residualImpact?: number | null }): { path: string; message: string }[] {
  const l = value.residualLikelihood ?? null;
  const i = value.residualImpact ?? null;
  if ((l === null) === (i === null)) return [];
  return [{ path: l === null ? "residualLikelihood" : "residualImpact", message: "Give residual likelihood and impact together (or neither)" }];
}

export const ACCEPT_ONLY_MESSAGE = "Accepting a risk needs a named approver and a reason: use Accept risk.";

export const createRiskSchema = z
  .strictObject({
    ...riskFields,
    description: riskFields.description.default(""),
    techniqueIds: riskFields.techniqueIds.default([]),
    owaspIds: riskFields.owaspIds.default([]),
    treatment: riskFields.treatment.refine((t) => t !== "accept", ACCEPT_ONLY_MESSAGE).default("mitigate"),
    treatmentPlan: riskFields.treatmentPlan.default(""),
    residualLikelihood: riskFields.residualLikelihood.default(null),
    residualImpact: riskFields.residualImpact.default(null),
    ownerId: riskFields.ownerId.default(null),
    dueDate: riskFields.dueDate.default(null),
    status: riskFields.status.refine((s) => s !== "accepted", ACCEPT_ONLY_MESSAGE).default("open"),
    controls: riskFields.controls.default([]),
  })
  .superRefine((value, ctx) => {
    for (const issue of residualPairIssues(value)) ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
  });
export type CreateRiskInput = z.input<typeof createRiskSchema>;
export type CreateRiskData = z.output<typeof createRiskSchema>;

/**
 * Partial update; `version` is the version the edit was based on (optimistic concurrency). Setting
 * status "accepted" or treatment "accept" is refused by updateRisk: that is what acceptRisk is for.
 */
export const updateRiskSchema = z.strictObject({
  ...(Object.fromEntries(Object.entries(riskFields).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof riskFields]: z.ZodOptional<(typeof riskFields)[K]>;
  }),
  version: z.int().min(1).describe("The version the edit is based on; a stale version is refused with 409"),
});
export type UpdateRiskInput = z.input<typeof updateRiskSchema>;

/** Accepting a risk: a named member whose role may approve (risk:approve), and why. */
export const acceptRiskSchema = z.strictObject({
  approverId: idSchema.describe("User id of the approver: a member whose role may approve risk acceptance (admin, compliance officer, executive)"),
  reason: z
    .string({ error: "Give the reason for accepting the risk" })
    .trim()
    .min(10, "Give the reason for accepting the risk (at least 10 characters)")
    .max(5000, "Must be at most 5000 characters"),
  version: z.int().min(1).describe("The version the acceptance is based on; a stale version is refused with 409"),
});
export type AcceptRiskInput = z.input<typeof acceptRiskSchema>;

/** The admin's edit of the matrix: the whole matrix plus the version it was based on (0 = still the default). */
export const updateRiskMatrixSchema = z.strictObject({
  ...riskMatrixSchema.shape,
  version: z.int().min(0).describe("The matrix version the edit is based on (0 while the organisation uses the default matrix)"),
});
export type UpdateRiskMatrixInput = z.input<typeof updateRiskMatrixSchema>;

export const RISK_SORT_FIELDS = ["score", "title", "dueDate", "updatedAt", "createdAt"] as const;

/**
 * Risk-register filters; the same object is the URL state of the register pages and the API query.
 * `level` is a key of the organisation's matrix; it, `likelihood`/`impact` and `sort=score` apply to
 * the inherent or the residual rating according to `basis`.
 */
export const listRisksSchema = z.object({
  systemId: idSchema.optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  category: riskCategorySchema.optional().catch(undefined),
  status: riskStatusSchema.optional().catch(undefined),
  basis: scoreBasisSchema.default("inherent").catch("inherent"),
  level: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,31}$/)
    .optional()
    .catch(undefined),
  likelihood: z.coerce.number().int().min(1).max(5).optional().catch(undefined),
  impact: z.coerce.number().int().min(1).max(5).optional().catch(undefined),
  ownerId: idSchema.optional().catch(undefined),
  techniqueId: z.string().trim().regex(ATLAS_TECHNIQUE_PATTERN).optional().catch(undefined),
  sort: z.enum(RISK_SORT_FIELDS).default("score").catch("score"),
  dir: z.enum(["asc", "desc"]).default("desc").catch("desc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50).catch(50),
});
export type ListRisksInput = z.input<typeof listRisksSchema>;
export type RiskFilters = z.output<typeof listRisksSchema>;

export const riskIdSchema = z.object({ riskId: idSchema });

// ── output DTOs (API responses, components) ───────────────────────────────────────────────────

const isoDateTime = z.iso.datetime();

export const riskLevelRefSchema = z.object({ key: z.string(), label: z.string(), color: z.string() });
export type RiskLevelRef = z.infer<typeof riskLevelRefSchema>;

export const riskScoreSchema = z
  .object({
    likelihood: z.int().min(1).max(5),
    impact: z.int().min(1).max(5),
    score: z.int().min(1).max(25).describe("likelihood × impact"),
    level: riskLevelRefSchema.describe("The level of the organisation's risk matrix the score falls in"),
  })
  .meta({ description: "A rating scored with the organisation's risk matrix" });
export type RiskScoreDto = z.infer<typeof riskScoreSchema>;

const personSchema = z.object({ id: z.string(), name: z.string() });

export const riskSummarySchema = z.object({
  id: z.string(),
  system: z.object({ id: z.string(), name: z.string() }),
  title: z.string(),
  category: riskCategorySchema,
  techniqueIds: z.array(z.string()),
  owaspIds: z.array(z.string()),
  inherent: riskScoreSchema,
  residual: riskScoreSchema.nullable().describe("null until a residual rating is assessed"),
  treatment: riskTreatmentSchema,
  status: riskStatusSchema,
  owner: personSchema.nullable(),
  dueDate: z.iso.date().nullable(),
  updatedAt: isoDateTime,
  version: z.int(),
});
export type RiskSummary = z.infer<typeof riskSummarySchema>;

export const riskListSchema = z.object({
  items: z.array(riskSummarySchema),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
});
export type RiskList = z.infer<typeof riskListSchema>;

export const riskDetailSchema = z.object({
  ...riskSummarySchema.shape,
  systemId: z.string(),
  description: z.string(),
  treatmentPlan: z.string(),
  ownerId: z.string().nullable(),
  inherentLikelihood: z.int(),
  inherentImpact: z.int(),
  residualLikelihood: z.int().nullable(),
  residualImpact: z.int().nullable(),
  controls: z.array(z.object({ framework: z.enum(FRAMEWORK_IDS), controlId: z.string(), title: z.string().nullable() })),
  acceptance: z
    .object({ approver: personSchema, reason: z.string(), acceptedAt: isoDateTime })
    .nullable()
    .describe("Who approved the acceptance, when and why; null unless the risk was accepted"),
  createdAt: isoDateTime,
});
export type RiskDetail = z.infer<typeof riskDetailSchema>;

export const heatmapCellSchema = riskScoreSchema.extend({ count: z.int().min(0) });
export const riskHeatmapSchema = z.object({
  basis: scoreBasisSchema,
  cells: z.array(heatmapCellSchema).length(25).describe("The 25 cells, likelihood-major (1/1, 1/2 … 5/5)"),
  total: z.int().describe("Risks placed on the heatmap"),
  unassessed: z.int().describe("Risks left out because the basis is residual and they have no residual rating"),
});
export type RiskHeatmap = z.infer<typeof riskHeatmapSchema>;

export const riskMatrixResponseSchema = z.object({
  ...riskMatrixSchema.shape,
  version: z.int().min(0).describe("0 while the organisation uses the default matrix"),
  cells: z.array(riskScoreSchema).length(25).describe("Every cell scored with the matrix, likelihood-major"),
});
export type RiskMatrixResponse = z.infer<typeof riskMatrixResponseSchema>;

export type TechniqueRiskLevel = { techniqueId: string; maxScore: number; level: RiskLevelRef; riskCount: number };
