import { z } from "zod";

// Schemas of the threat-profile domain, defined once: server actions, REST API and OpenAPI document.

export const THREAT_SOURCES = ["suggested", "manual", "imported"] as const;
export type ThreatSource = (typeof THREAT_SOURCES)[number];

/** "AML.T0051" or "AML.T0051.001". Whether the technique exists is checked against the org's current release. */
export const techniqueIdSchema = z
  .string({ error: "Technique id is required" })
  .trim()
  .regex(/^AML\.T\d{4}(\.\d{3})?$/, "Must be an ATLAS technique id like AML.T0051 or AML.T0051.001");

export const techniqueRefSchema = z.object({ techniqueId: techniqueIdSchema });

export const MAX_RATIONALE = 2000;

export const rationaleSchema = z
  .string({ error: "Rationale is required" })
  .trim()
  .min(10, "Explain in at least 10 characters why this technique applies")
  .max(MAX_RATIONALE, `Must be at most ${MAX_RATIONALE} characters`);

export const MAX_ENTRIES_PER_REQUEST = 200;

export const addThreatProfileEntriesSchema = z.strictObject({
  entries: z
    .array(z.strictObject({ techniqueId: techniqueIdSchema, rationale: rationaleSchema }), { error: "entries must be a list" })
    .min(1, "Pick at least one technique")
    .max(MAX_ENTRIES_PER_REQUEST, `At most ${MAX_ENTRIES_PER_REQUEST} techniques at once`),
  source: z.enum(["suggested", "manual"]).describe("How the techniques were chosen: from the suggestions or by hand"),
});
export type AddThreatProfileEntriesInput = z.input<typeof addThreatProfileEntriesSchema>;

export const systemTechniqueParamsSchema = z.object({ id: z.string().trim().min(1).max(64), techniqueId: techniqueIdSchema });

/**
 * An ATT&CK/ATLAS Navigator layer (format 4.x) as far as the import reads it. Unknown keys are
 * allowed (filters, layout, sorting, … of every Navigator version); what is read is checked.
 */
export const navigatorLayerSchema = z.looseObject({
  name: z.string().trim().max(200).optional(),
  domain: z
    .string()
    .optional()
    .refine((d) => d === undefined || d === "atlas-atlas", 'Not an ATLAS layer: the domain must be "atlas-atlas"'),
  versions: z.looseObject({ layer: z.string().optional(), navigator: z.string().optional() }).optional(),
  techniques: z
    .array(
      z.looseObject({
        techniqueID: z.string({ error: "techniqueID is required" }).trim().min(1, "techniqueID is required").max(32),
        tactic: z.string().max(64).optional(),
        score: z.number().finite().nullable().optional(),
        // any colour string Navigator may write ("" = none); only whether one is set matters here
        color: z.string().max(64).optional(),
        comment: z.string().max(100_000).optional(),
        enabled: z.boolean().optional(),
      }),
      { error: "techniques must be a list" },
    )
    .max(2000, "At most 2000 technique entries"),
});
export type NavigatorLayerInput = z.input<typeof navigatorLayerSchema>;

/** Options of a layer import; also the query string of POST …/navigator-layer. */
export const importLayerOptionsSchema = z.strictObject({
  rationale: rationaleSchema.optional().describe('Rationale for marked techniques without a comment; default: Imported from ATLAS Navigator layer "<name>"'),
});

/**
 * URL state of the ATLAS matrix page: `?system=<id>` overlays one system, `?overlay=org` the organisation;
 * `&coverage=findings` with a system (or with `overlay=org`, the organisation's) shows findings coverage (profiled /
 * tested / failing, open findings per technique) instead of risks.
 */
export const threatMatrixQuerySchema = z.object({
  system: z.string().trim().min(1).max(64).optional().catch(undefined),
  overlay: z.enum(["org"]).optional().catch(undefined),
  coverage: z.enum(["findings"]).optional().catch(undefined),
});
export type ThreatMatrixQuery = z.output<typeof threatMatrixQuerySchema>;

// ── Outputs (REST responses, OpenAPI) ──────────────────────────────────────────────────────────

const riskLevelSchema = z.object({ key: z.string(), label: z.string(), color: z.string() });

export const threatProfileEntrySchema = z.object({
  id: z.string(),
  techniqueId: z.string(),
  name: z
    .string()
    .describe("The technique's name in the organisation's current ATLAS release, or the name recorded when it was added if the release no longer has it"),
  parentId: z.string().nullable(),
  tacticIds: z.array(z.string()),
  inCurrentRelease: z.boolean().describe("False when the organisation's current ATLAS release no longer contains the technique"),
  recordedName: z.string().describe("The technique's name when it was added"),
  recordedVersion: z.string().describe("The ATLAS version it was added from"),
  rationale: z.string(),
  source: z.enum(THREAT_SOURCES),
  createdById: z.string(),
  createdAt: z.iso.datetime(),
  risk: z
    .object({ maxScore: z.int(), level: riskLevelSchema, riskCount: z.int() })
    .nullable()
    .describe("The highest-scored risk of this system that names the technique; null when none does"),
});
export type ThreatProfileEntry = z.infer<typeof threatProfileEntrySchema>;

export const threatProfileSchema = z.object({
  system: z.object({ id: z.string(), name: z.string(), ownerId: z.string().nullable(), archived: z.boolean() }),
  atlasVersion: z.string().describe("The organisation's current ATLAS release"),
  entries: z.array(threatProfileEntrySchema),
});
export type ThreatProfile = z.infer<typeof threatProfileSchema>;

export const importNavigatorLayerResultSchema = z.object({
  added: z.array(z.object({ techniqueId: z.string(), name: z.string(), rationale: z.string() })),
  skipped: z.array(z.object({ techniqueId: z.string(), reason: z.enum(["already_in_profile", "disabled"]) })),
  ignored: z.int().describe("Entries without score, colour or comment (not selected in the layer)"),
});
export type ImportNavigatorLayerResult = z.infer<typeof importNavigatorLayerResultSchema>;
