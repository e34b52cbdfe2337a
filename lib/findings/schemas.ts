import { z } from "zod";
import { FINDINGS_FORMATS, SEVERITIES, type ByteSource } from "./parsers/types";

// Findings (issue 7): imports of scanner files, test results, findings and their triage, the organisation's
// own test mappings. Defined once for the UI, the REST API, the CLI and the OpenAPI document.

export const IMPORT_FORMATS = ["auto", ...FINDINGS_FORMATS] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

const MB = 1024 * 1024;

/** What an import's size column holds (a 32-bit integer): FINDINGS_MAX_BYTES cannot go beyond it (2 GiB − 1). */
export const FINDINGS_MAX_BYTES_CEILING = 2 ** 31 - 1;

/** The largest file an import accepts (FINDINGS_MAX_BYTES, default 200 MB, at most 2 GiB − 1). */
export function findingsMaxBytes(): number {
  const configured = Number(process.env.FINDINGS_MAX_BYTES);
  return Number.isFinite(configured) && configured > 0 ? Math.min(Math.floor(configured), FINDINGS_MAX_BYTES_CEILING) : 200 * MB;
}

/** Over REST, files up to this size are imported in the request (201); larger ones are queued (202). FINDINGS_SYNC_MAX_BYTES, default 5 MB. */
export function findingsSyncMaxBytes(): number {
  const configured = Number(process.env.FINDINGS_SYNC_MAX_BYTES);
  return Number.isFinite(configured) && configured >= 0 ? Math.floor(configured) : 5 * MB;
}

export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${(bytes / MB).toFixed(bytes % MB === 0 ? 0 : 1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

export type ImportProgress = { bytes: number; records: number };

function isByteSource(value: unknown): value is ByteSource {
  return typeof value === "object" && value !== null && Symbol.asyncIterator in value;
}

const systemId = z.string().trim().min(1, "Choose an AI system").max(64);
const fileName = z.string().trim().max(255, "At most 255 characters").default("");

export const importFindingsSchema = z.object({
  systemId,
  format: z.enum(IMPORT_FORMATS, { error: `One of ${IMPORT_FORMATS.join(", ")}` }).default("auto"),
  fileName,
  /** The file's bytes as a stream (a Node Readable, a web ReadableStream or any async iterable of chunks). */
  source: z.custom<ByteSource>(isByteSource, { error: "A file is required" }),
  /** Called while the file is read (at most a few times a second) with the bytes and records so far. */
  onProgress: z.custom<(progress: ImportProgress) => void>((value) => typeof value === "function").optional(),
});
export type ImportFindingsInput = z.input<typeof importFindingsSchema>;

export const queueFindingImportSchema = importFindingsSchema.omit({ onProgress: true });
export type QueueFindingImportInput = z.input<typeof queueFindingImportSchema>;

export const IMPORT_STATUSES = ["queued", "processing", "completed", "rejected", "failed"] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** What every way in (UI, REST, CLI `--json`) reports about one import. */
export const importSummarySchema = z.object({
  importId: z.string().nullable().describe("null when the file was rejected (nothing is stored)"),
  status: z.enum(IMPORT_STATUSES),
  format: z.enum(FINDINGS_FORMATS).nullable(),
  tool: z.string().nullable(),
  toolVersion: z.string().nullable(),
  target: z.string().nullable().describe("The target model as the file names it (type and name)"),
  sha256: z.string().describe("SHA-256 of the file, hex"),
  bytes: z.int(),
  records: z.int().describe("Run and result records read from the file"),
  results: z.int().describe("Test results recorded"),
  findings: z.object({ opened: z.int(), updated: z.int(), reopened: z.int(), notReproduced: z.int() }),
  duplicate: z.boolean().describe("true when a byte-identical file was already imported on this system: nothing was stored"),
  rejected: z.array(z.object({ location: z.string(), message: z.string() })),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

export const getFindingImportSchema = z.object({ importId: z.string().trim().min(1).max(64) });

export const FINDING_STATUSES = ["open", "triaged", "mitigated", "false_positive", "accepted"] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
/** Statuses that close a finding: leaving open/triaged for one of them needs a reason. */
export const CLOSING_STATUSES: readonly FindingStatus[] = ["mitigated", "false_positive", "accepted"];

export const FINDING_SEVERITIES = SEVERITIES;

// ── findings list, detail, triage ──────────────────────────────────────────────────────────────────

const optionalId = z.string().trim().max(64).optional();

/** The findings list filters (UI URL state and `GET /api/v1/findings`); every status unless `status` is given. */
export const findingFiltersSchema = z.object({
  systemId: optionalId,
  tool: z.string().trim().max(200).optional(),
  severity: z.enum(SEVERITIES).optional(),
  status: z.enum(FINDING_STATUSES).optional(),
  /** An ATLAS technique id (AML.T0051); sub-techniques match their parent too. */
  technique: z
    .string()
    .trim()
    .regex(/^AML\.T\d{4}(\.\d{3})?$/, "An ATLAS technique id such as AML.T0051")
    .optional(),
  /** An OWASP Top 10 for LLM Applications 2025 item (LLM01:2025). */
  owasp: z
    .string()
    .trim()
    .regex(/^LLM\d{2}:2025$/, "An OWASP LLM item such as LLM01:2025")
    .optional(),
  importId: optionalId,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type FindingFilters = z.input<typeof findingFiltersSchema>;

export const findingIdSchema = z.object({ findingId: z.string().trim().min(1).max(64) });

export const updateFindingStatusSchema = z
  .object({
    findingId: z.string().trim().min(1).max(64),
    status: z.enum(FINDING_STATUSES, { error: "Choose a status" }),
    reason: z.string().trim().max(2000, "At most 2,000 characters").default(""),
    version: z.coerce.number().int().min(1),
  })
  .superRefine((value, context) => {
    if (CLOSING_STATUSES.includes(value.status) && value.reason.length === 0) {
      context.addIssue({ code: "custom", path: ["reason"], message: "Say why (required to mark a finding mitigated, a false positive or accepted)" });
    }
  });
export type UpdateFindingStatusInput = z.input<typeof updateFindingStatusSchema>;

export const linkFindingToRiskSchema = z.object({
  findingId: z.string().trim().min(1).max(64),
  /** null unlinks. */
  riskId: z.string().trim().min(1).max(64).nullable(),
  version: z.coerce.number().int().min(1),
});
export type LinkFindingToRiskInput = z.input<typeof linkFindingToRiskSchema>;

export const saveTestMappingSchema = z.object({
  tool: z.string().trim().min(1, "The tool is required").max(200),
  testId: z.string().trim().min(1, "The test is required").max(200),
  techniqueIds: z
    .array(
      z
        .string()
        .trim()
        .regex(/^AML\.T\d{4}(\.\d{3})?$/, "An ATLAS technique id such as AML.T0051"),
    )
    .max(50)
    .default([]),
  owaspIds: z
    .array(
      z
        .string()
        .trim()
        .regex(/^LLM\d{2}:2025$/, "An OWASP LLM item such as LLM01:2025"),
    )
    .max(10)
    .default([]),
  note: z.string().trim().max(1000, "At most 1,000 characters").default(""),
});
export type SaveTestMappingInput = z.input<typeof saveTestMappingSchema>;

export const systemIdSchema = z.object({ systemId });
export const coverageScopeSchema = z.object({ systemId: systemId.optional() });

export const systemFindingsPageSchema = findingFiltersSchema.omit({ systemId: true }).extend({ systemId });
export type SystemFindingsPageInput = z.input<typeof systemFindingsPageSchema>;

export const createRiskFromFindingSchema = z.object({
  findingId: z.string().trim().min(1).max(64),
  version: z.coerce.number().int().min(1),
  /** Defaults: the finding's title, likelihood from its attack success rate, impact from its severity. */
  title: z.string().trim().max(200, "At most 200 characters").optional(),
  inherentLikelihood: z.coerce.number().int().min(1).max(5).optional(),
  inherentImpact: z.coerce.number().int().min(1).max(5).optional(),
});
export type CreateRiskFromFindingInput = z.input<typeof createRiskFromFindingSchema>;

// ── response shapes (the REST API parses what it answers with these; the OpenAPI document shows them) ──

/** What `GET /finding-imports/{importId}` answers: the import summary plus where and when (getFindingImport). */
export const findingImportStatusSchema = importSummarySchema.extend({
  systemId: z.string(),
  fileName: z.string(),
  error: z.string().describe("Why the last attempt of a queued import failed (status failed; it is retried), else empty"),
  createdAt: z.string().describe("ISO 8601"),
  completedAt: z.string().nullable().describe("ISO 8601; null while queued or processing"),
});

/** One finding in `GET /findings` (the list's FindingListItem). */
export const findingListItemSchema = z.object({
  id: z.string(),
  systemId: z.string(),
  systemName: z.string(),
  tool: z.string(),
  testId: z.string().describe("The tool's test: garak probe, promptfoo plugin, ModelScan operator, SARIF rule, CSV test_id"),
  detector: z.string().describe("Detector or strategy; empty when the tool has none"),
  title: z.string(),
  severity: z.enum(FINDING_SEVERITIES),
  status: z.enum(FINDING_STATUSES),
  techniqueIds: z.array(z.string()).describe("MITRE ATLAS techniques the test exercises"),
  owaspIds: z.array(z.string()).describe("OWASP Top 10 for LLM Applications 2025 items"),
  firstSeenAt: z.string().describe("ISO 8601"),
  lastSeenAt: z.string().describe("ISO 8601"),
  lastEvaluated: z.int().nullable(),
  lastFailed: z.int().nullable(),
  lastAttackSuccessRate: z.number().nullable().describe("failed / evaluated of the last failing run; null without counts"),
  notReproducedImportId: z.string().nullable().describe("Set when a later import passed the test: a suggestion to close the finding"),
  riskId: z.string().nullable().describe("The risk the finding is linked to"),
  version: z.int(),
});

/** `GET /findings`: a page of findings with the total. */
export const findingListSchema = z.object({
  items: z.array(findingListItemSchema),
  total: z.int().describe("Findings matching the filters, across all pages"),
  page: z.int(),
  pageSize: z.int(),
});

/** `GET /systems/{id}/atlas-coverage` (getAtlasCoverage). */
export const atlasCoverageSchema = z.object({
  systemId: z.string().nullable().describe("The system, or null for the whole organisation (every active system)"),
  figures: z.object({
    profiled: z.int().describe("Techniques in the threat profile"),
    profiledTested: z.int().describe("Profiled techniques (or a sub-technique of one) exercised by an imported test that evaluated something"),
    profiledFailing: z.int().describe("Profiled techniques with an open or triaged finding"),
    profiledNeverTested: z.int(),
    testedOutsideProfile: z.int().describe("Techniques exercised by imported tests that are not in the threat profile"),
  }),
  sentence: z.string().describe('e.g. "12 of 18 profiled techniques tested, 5 failing, 6 never tested."'),
  techniques: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      inProfile: z.boolean(),
      tested: z.boolean(),
      failing: z.boolean(),
      openFindings: z.int().describe("Open or triaged findings naming the technique (or, for a profiled one, a sub-technique of it)"),
    }),
  ),
});

export type FindingImportStatusView = z.infer<typeof findingImportStatusSchema>;
export type FindingListItem = z.infer<typeof findingListItemSchema>;
export type FindingList = z.infer<typeof findingListSchema>;
export type AtlasCoverage = z.infer<typeof atlasCoverageSchema>;
export type CoverageTechnique = AtlasCoverage["techniques"][number];
