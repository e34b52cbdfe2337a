import { z } from "zod";
import { EVIDENCE_FRAMEWORK_IDS, type EvidenceFrameworkId } from "@/lib/catalogs/frameworks";
import { getFrameworkItem } from "@/lib/catalogs/get-framework-item";
import { euAiActRoleSchema, lifecycleStageSchema, riskTierSchema } from "@/lib/systems/schemas";

// Schemas are defined once here and reused by the forms, server actions, REST API and OpenAPI document.

/**
 * The frameworks whose items are applied to AI systems as controls with a status (ISO/IEC 42001 Annex A,
 * EU AI Act articles, NIST AI RMF subcategories). They are also the frameworks between which evidence is
 * reused (lib/crosswalk equivalentControls). OWASP lists and ATLAS mitigations are reference catalogs
 * (risk treatment, threat modelling), not per-system controls.
 */
export const CONTROL_FRAMEWORK_IDS = EVIDENCE_FRAMEWORK_IDS;
export type ControlFrameworkId = EvidenceFrameworkId;

/** Short names for labels such as "via ISO/IEC 42001 A.6.2.8". */
export const CONTROL_FRAMEWORK_SHORT_NAMES: Readonly<Record<ControlFrameworkId, string>> = {
  iso42001: "ISO/IEC 42001",
  eu_ai_act: "EU AI Act",
  nist_ai_rmf: "NIST AI RMF",
};

import { CONTROL_STATUSES } from "@/lib/controls/control-statuses";
export { CONTROL_STATUSES, CONTROL_STATUS_LABELS, type ControlStatus } from "@/lib/controls/control-statuses";

export const controlFrameworkSchema = z.enum(CONTROL_FRAMEWORK_IDS);
export const controlStatusSchema = z.enum(CONTROL_STATUSES);

/** A not-applicable control must say why (ISO/IEC 42001 6.1.3 Statement of Applicability: justified exclusions). */
export const MIN_JUSTIFICATION_LENGTH = 10;

const idSchema = z.string().trim().min(1).max(64);
export const controlIdSchema = z.string().trim().min(1, "Control id is required").max(64);

/** The editable fields of a system's control; every field is optional (partial update). */
export const updateSystemControlBodySchema = z.strictObject({
  status: controlStatusSchema.optional(),
  justification: z
    .string()
    .trim()
    .max(2000, "Must be at most 2000 characters")
    .optional()
    .describe(`Why the status was chosen; required (at least ${MIN_JUSTIFICATION_LENGTH} characters) for not_applicable`),
  ownerId: idSchema.nullable().optional().describe("User id of the member responsible for the control; null clears it"),
  reviewDate: z.iso.date("Use a date like 2026-12-31").nullable().optional().describe("Next review date (YYYY-MM-DD); null clears it"),
  version: z
    .int()
    .min(1)
    .nullable()
    .optional()
    .describe("The version you read (GET …/controls gives it); null or omitted when the control has no stored status yet. A stale version is refused with 409"),
});
export type UpdateSystemControlBody = z.input<typeof updateSystemControlBodySchema>;

/** Issue on controlId when the framework has no such item. */
export function refineKnownControl(value: { framework: ControlFrameworkId; controlId: string }, ctx: z.RefinementCtx) {
  if (getFrameworkItem(value.framework, value.controlId) === null) {
    ctx.addIssue({ code: "custom", path: ["controlId"], message: `Unknown control for this framework.` });
  }
}

export const updateSystemControlSchema = updateSystemControlBodySchema
  .extend({ systemId: idSchema, framework: controlFrameworkSchema, controlId: controlIdSchema })
  .superRefine(refineKnownControl);
export type UpdateSystemControlInput = z.input<typeof updateSystemControlSchema>;

/** A control of one framework, e.g. { framework: "iso42001", controlId: "A.6.2.8" }. */
export const controlRefSchema = z.strictObject({ framework: controlFrameworkSchema, controlId: controlIdSchema }).superRefine(refineKnownControl);
export type ControlRef = { framework: ControlFrameworkId; controlId: string };

export const listSystemControlsSchema = z.strictObject({
  systemId: idSchema,
  framework: controlFrameworkSchema.optional(),
});
export type ListSystemControlsInput = z.input<typeof listSystemControlsSchema>;

/** REST query of GET /systems/{id}/controls. */
export const listSystemControlsQuerySchema = z.strictObject({ framework: controlFrameworkSchema.optional() });

export const compliancePostureInputSchema = z.strictObject({ systemId: idSchema.optional() });

// ── Output DTOs ──────────────────────────────────────────────────────────────────────────────

const isoDate = z.iso.datetime();

export const evidenceKindSchema = z.enum(["file", "link"]);

export const evidenceSummarySchema = z.object({
  id: z.string(),
  kind: evidenceKindSchema,
  title: z.string(),
  url: z.string().describe("The linked address (kind link); empty for files"),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.int().describe("File size in bytes (kind file)"),
  sha256: z.string().describe("Lower-case hex SHA-256 of the file's bytes (kind file)"),
  createdAt: isoDate,
  links: z.array(z.object({ framework: controlFrameworkSchema, controlId: z.string() })).describe("The controls the evidence is attached to directly"),
});
export type EvidenceSummary = z.infer<typeof evidenceSummarySchema>;

export const controlEvidenceSchema = evidenceSummarySchema.extend({
  via: z
    .object({ framework: controlFrameworkSchema, controlId: z.string(), label: z.string().describe('e.g. "via ISO/IEC 42001 A.6.2.8"') })
    .nullable()
    .describe("null: attached to this control; else attached to a crosswalked equivalent control and available here as evidence"),
});
export type ControlEvidence = z.infer<typeof controlEvidenceSchema>;

export const systemControlSchema = z.object({
  framework: controlFrameworkSchema,
  controlId: z.string(),
  title: z.string(),
  groupLabel: z.string(),
  reason: z.string().describe("Why the control applies to this AI system"),
  status: controlStatusSchema,
  justification: z.string(),
  ownerId: z.string().nullable(),
  owner: z.object({ id: z.string(), name: z.string() }).nullable(),
  reviewDate: z.iso.date().nullable(),
  version: z.int().nullable().describe("null until the control's status is first saved; send it back when updating"),
  updatedAt: isoDate.nullable(),
  evidenced: z.boolean().describe("At least one piece of evidence, attached directly or via a crosswalked control"),
  evidence: z.array(controlEvidenceSchema),
  alsoCountsFor: z
    .array(z.object({ framework: controlFrameworkSchema, controlId: z.string(), title: z.string() }))
    .describe("This system's applicable controls that evidence attached to this control also counts for (crosswalk equivalents)"),
});
export type SystemControlView = z.infer<typeof systemControlSchema>;

export const systemControlListSchema = z.object({
  system: z.object({
    id: z.string(),
    name: z.string(),
    riskTier: riskTierSchema,
    euAiActRole: euAiActRoleSchema,
    lifecycleStage: lifecycleStageSchema,
    archived: z.boolean(),
    ownerId: z.string().nullable(),
  }),
  classification: z
    .object({ assessmentId: z.string(), decidedAt: isoDate.nullable() })
    .nullable()
    .describe("The decided classification whose findings (Annex III points, Art 50 duties, …) refined the applicable controls"),
  controls: z.array(systemControlSchema),
});
export type SystemControlList = z.infer<typeof systemControlListSchema>;

export const postureCountsSchema = z.object({
  applicable: z.int(),
  implemented: z.int(),
  inProgress: z.int(),
  notStarted: z.int(),
  notApplicable: z.int(),
  evidenced: z.int().describe("Applicable controls (not marked not applicable) with evidence, direct or via a crosswalked control"),
  percent: z.number().nullable().describe("implemented / (applicable − notApplicable) × 100, one decimal; null when nothing is left to implement"),
});
export type PostureCounts = z.infer<typeof postureCountsSchema>;

export const frameworkPostureSchema = postureCountsSchema.extend({ framework: controlFrameworkSchema, name: z.string() });
export type FrameworkPosture = z.infer<typeof frameworkPostureSchema>;

export const compliancePostureSchema = z.object({
  scope: z.enum(["system", "organization"]),
  systemId: z.string().nullable(),
  systems: z.int().describe("Number of AI systems counted (active, not archived)"),
  frameworks: z.array(frameworkPostureSchema),
  overall: postureCountsSchema,
});
export type CompliancePosture = z.infer<typeof compliancePostureSchema>;
