import { z } from "zod";

// Schemas are defined once here and reused by the forms, server actions, REST API and OpenAPI document.

export const LIFECYCLE_STAGES = ["idea", "design", "development", "validation", "production", "retired"] as const;
export const EU_AI_ACT_ROLES = ["provider", "deployer", "importer", "distributor", "product_manufacturer", "authorised_representative"] as const;
export const RISK_TIERS = ["prohibited", "high", "limited", "minimal", "gpai", "gpai_systemic", "out_of_scope", "unclassified"] as const;
export const AUTONOMY_LEVELS = ["assistive", "human_in_the_loop", "human_on_the_loop", "autonomous"] as const;
export const HOSTINGS = ["on_premises", "private_cloud", "public_cloud", "vendor_saas", "edge_device", "hybrid"] as const;
export const DATA_CATEGORIES = ["personal_data", "special_category", "criminal_offence", "children"] as const;

export const lifecycleStageSchema = z.enum(LIFECYCLE_STAGES);
export const euAiActRoleSchema = z.enum(EU_AI_ACT_ROLES);
export const riskTierSchema = z.enum(RISK_TIERS);
export const autonomyLevelSchema = z.enum(AUTONOMY_LEVELS);
export const hostingSchema = z.enum(HOSTINGS);
export const dataCategorySchema = z.enum(DATA_CATEGORIES);

const text = (max: number) => z.string().trim().max(max, `Must be at most ${max} characters`);
const idSchema = z.string().trim().min(1).max(64);

const systemFields = {
  name: z.string({ error: "Name is required" }).trim().min(1, "Name is required").max(200, "Must be at most 200 characters"),
  description: text(5000),
  purpose: text(5000).describe("Purpose and intended use"),
  businessUnit: text(120),
  ownerId: idSchema.nullable().describe("User id of the accountable owner; must be a member of the organisation"),
  lifecycleStage: lifecycleStageSchema,
  deploymentContext: text(2000),
  euAiActRole: euAiActRoleSchema,
  riskTier: riskTierSchema,
  riskTierBasis: text(500).describe("Legal basis of the tier, e.g. 'Art 6(2), Annex III point 4(a)'"),
  riskTierRationale: text(5000),
  modelType: text(120),
  foundationModel: text(200),
  vendor: text(200),
  hosting: hostingSchema.nullable(),
  dataCategories: z
    .array(dataCategorySchema)
    .max(DATA_CATEGORIES.length)
    .refine((a) => new Set(a).size === a.length, "Duplicate data category"),
  affectedPersons: text(2000),
  humanOversight: text(5000),
  autonomyLevel: autonomyLevelSchema,
};

export const SYSTEM_FIELDS = Object.keys(systemFields) as (keyof typeof systemFields)[];

export const createSystemSchema = z.strictObject({
  ...systemFields,
  description: systemFields.description.default(""),
  purpose: systemFields.purpose.default(""),
  businessUnit: systemFields.businessUnit.default(""),
  ownerId: systemFields.ownerId.default(null),
  lifecycleStage: systemFields.lifecycleStage.default("idea"),
  deploymentContext: systemFields.deploymentContext.default(""),
  euAiActRole: systemFields.euAiActRole.default("deployer"),
  riskTier: systemFields.riskTier.default("unclassified"),
  riskTierBasis: systemFields.riskTierBasis.default(""),
  riskTierRationale: systemFields.riskTierRationale.default(""),
  modelType: systemFields.modelType.default(""),
  foundationModel: systemFields.foundationModel.default(""),
  vendor: systemFields.vendor.default(""),
  hosting: systemFields.hosting.default(null),
  dataCategories: systemFields.dataCategories.default([]),
  affectedPersons: systemFields.affectedPersons.default(""),
  humanOversight: systemFields.humanOversight.default(""),
  autonomyLevel: systemFields.autonomyLevel.default("human_in_the_loop"),
});
export type CreateSystemInput = z.input<typeof createSystemSchema>;

/**
 * The EU AI Act tier and its basis change only through classification (`system:classify`,
 * decideClassification), which keeps the proposal and the decision; an edit cannot set them.
 */
export const CLASSIFICATION_FIELDS = ["riskTier", "riskTierBasis", "riskTierRationale"] as const;
type EditableSystemField = Exclude<keyof typeof systemFields, (typeof CLASSIFICATION_FIELDS)[number]>;
const editableSystemFields = Object.fromEntries(
  Object.entries(systemFields).filter(([k]) => !(CLASSIFICATION_FIELDS as readonly string[]).includes(k)),
) as Pick<typeof systemFields, EditableSystemField>;

/** Partial update of the editable fields (not the tier); `version` is the version the edit was based on (optimistic concurrency). */
export const updateSystemSchema = z.strictObject({
  ...(Object.fromEntries(Object.entries(editableSystemFields).map(([k, v]) => [k, v.optional()])) as {
    [K in EditableSystemField]: z.ZodOptional<(typeof systemFields)[K]>;
  }),
  version: z.int().min(1).describe("The version the edit is based on; a stale version is refused with 409"),
});
export type UpdateSystemInput = z.input<typeof updateSystemSchema>;

export const SORT_FIELDS = ["name", "updatedAt", "riskTier", "lifecycleStage", "businessUnit"] as const;

/** Inventory filters; the same object is the URL state of the inventory page and the API query. */
export const listSystemsSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  tier: riskTierSchema.optional().catch(undefined),
  stage: lifecycleStageSchema.optional().catch(undefined),
  businessUnit: z.string().trim().max(120).optional().catch(undefined),
  ownerId: idSchema.optional().catch(undefined),
  status: z.enum(["active", "archived", "all"]).default("active").catch("active"),
  sort: z.enum(SORT_FIELDS).default("name").catch("name"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50).catch(50),
});
export type ListSystemsInput = z.input<typeof listSystemsSchema>;
export type SystemFilters = z.output<typeof listSystemsSchema>;

export const systemIdSchema = z.object({ id: idSchema });

const isoDate = z.iso.datetime();
export const systemSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  businessUnit: z.string(),
  lifecycleStage: lifecycleStageSchema,
  riskTier: riskTierSchema,
  euAiActRole: euAiActRoleSchema,
  owner: z.object({ id: z.string(), name: z.string() }).nullable(),
  isDemo: z.boolean(),
  archivedAt: isoDate.nullable(),
  updatedAt: isoDate,
  version: z.int(),
});
export type SystemSummary = z.infer<typeof systemSummarySchema>;

export const systemListSchema = z.object({
  items: z.array(systemSummarySchema),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
});
export type SystemList = z.infer<typeof systemListSchema>;

export const componentSchema = z.object({
  id: z.string(),
  kind: z.enum(["model", "dataset", "service"]),
  name: z.string(),
  version: z.string(),
  sourceUrl: z.string(),
  licence: z.string(),
  sha256: z.string(),
});

export const systemDetailSchema = z.object({
  ...systemSummarySchema.shape,
  ...Object.fromEntries(SYSTEM_FIELDS.map((f) => [f, systemFields[f]])),
  ownerId: z.string().nullable(),
  createdAt: isoDate,
  components: z.array(componentSchema),
});
export type SystemDetail = z.infer<typeof systemSummarySchema> &
  z.output<typeof createSystemSchema> & {
    createdAt: string;
    components: z.infer<typeof componentSchema>[];
  };

export type RiskTier = z.infer<typeof riskTierSchema>;
export type LifecycleStage = z.infer<typeof lifecycleStageSchema>;
