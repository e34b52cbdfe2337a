import { z } from "zod";
import type { FieldIssue } from "@/lib/errors";

// The official MITRE ATLAS release file (dist/ATLAS.yaml of mitre-atlas/atlas-data) as zod schemas,
// following the release's own JSON schema (atlas_output_schema.json): required keys and id patterns
// are the ones it declares. Unknown keys are kept (they land in AtlasObject.data), so a newer release
// that adds fields still imports. Cross-references (tactics, parents, mitigations' techniques, case
// study procedures) and duplicate ids are checked in parse-atlas-release.ts, which knows all ids.
// The DTOs of lib/atlas (view, details, release history) are defined at the end of this file.

/** Largest release file accepted (bytes, UTF-8). ATLAS 5.6.0 is about 0.45 MB. */
export const ATLAS_MAX_BYTES = 20 * 1024 * 1024;
/** At most this many issues are reported for a refused file (the rest are summarised in one line). */
export const ATLAS_MAX_ISSUES = 50;
/** Upper bound per list (tactics, techniques, …), far above any ATLAS release, so a file cannot flood the database. */
const MAX_ITEMS = 5000;

export const ATLAS_OBJECT_KINDS = ["tactic", "technique", "subtechnique", "mitigation", "case-study"] as const;
export type AtlasObjectKind = (typeof ATLAS_OBJECT_KINDS)[number];

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

// ── the release file ────────────────────────────────────────────────────────────────────────────

/** "Required" for a missing key, the expected type otherwise (zod's default names both types). */
function typed(what: string) {
  return { error: (issue: { input?: unknown }) => (issue.input === undefined ? "Required" : `Expected ${what}, found ${describe(issue.input)}`) };
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return `${typeof value} ${JSON.stringify(value)}`.slice(0, 80);
}

const PREFIX = String.raw`(?:[A-Z]+\d*\.)+`;
export const ATLAS_ID_PATTERNS = {
  tactic: new RegExp(`^${PREFIX}TA\\d{4}$`),
  technique: new RegExp(`^${PREFIX}T\\d{4}$`),
  subtechnique: new RegExp(`^${PREFIX}T\\d{4}\\.\\d{3}$`),
  anyTechnique: new RegExp(`^${PREFIX}T\\d{4}(?:\\.\\d{3})?$`),
  mitigation: new RegExp(`^${PREFIX}M\\d{4}$`),
  caseStudy: new RegExp(`^${PREFIX}CS\\d{4}$`),
} as const;

const id = (pattern: RegExp, what: string, example: string) =>
  z.string(typed("text")).trim().regex(pattern, `Not ${what} id (expected something like ${example})`);

const tacticId = id(ATLAS_ID_PATTERNS.tactic, "a tactic", "AML.TA0002");
const techniqueId = id(ATLAS_ID_PATTERNS.technique, "a technique", "AML.T0000");
const anyTechniqueId = id(ATLAS_ID_PATTERNS.anyTechnique, "a technique or sub-technique", "AML.T0000 or AML.T0000.001");
const name = z.string(typed("text")).trim().min(1, "Must not be empty").max(500, "Must be at most 500 characters");
const longText = z.string(typed("text")).max(100_000, "Must be at most 100,000 characters");
const optionalText = z.string(typed("text")).max(10_000, "Must be at most 10,000 characters").optional();
const objectType = (value: string) => z.literal(value, { error: `Must be "${value}"` }).optional();
const list = <T extends z.ZodType>(item: T) => z.array(item, typed("a list")).max(MAX_ITEMS, `At most ${MAX_ITEMS} entries`);

const referencesSchema = list(
  z.looseObject({ title: z.string(typed("text")).nullable().optional(), url: z.string(typed("text")).nullable().optional() }, typed("a mapping")),
).optional();
const attackReferenceSchema = z.looseObject({ id: z.string(typed("text")), url: z.string(typed("text")).optional() }, typed("a mapping")).optional();

export const atlasTacticFileSchema = z.looseObject(
  {
    id: tacticId,
    name,
    description: longText,
    "object-type": objectType("tactic"),
    "ATT&CK-reference": attackReferenceSchema,
    references: referencesSchema,
  },
  typed("a mapping"),
);

export const atlasTechniqueFileSchema = z.looseObject(
  {
    id: anyTechniqueId,
    name,
    description: longText,
    "object-type": objectType("technique"),
    /** Required for a technique; a sub-technique inherits its parent's. */
    tactics: list(tacticId).optional(),
    "subtechnique-of": techniqueId.optional(),
    maturity: z.string(typed("text")).optional(),
    "ATT&CK-reference": attackReferenceSchema,
    references: referencesSchema,
  },
  typed("a mapping"),
);

export const atlasMitigationFileSchema = z.looseObject(
  {
    id: id(ATLAS_ID_PATTERNS.mitigation, "a mitigation", "AML.M0000"),
    name,
    description: longText,
    "object-type": objectType("mitigation"),
    techniques: list(z.looseObject({ id: anyTechniqueId, use: z.string(typed("text")).max(100_000).optional() }, typed("a mapping"))).default([]),
    // ATLAS 5.6.0 has technique references misplaced in this list; parse-atlas-release.ts warns about them
    "ml-lifecycle": list(z.unknown()).optional(),
    category: list(z.string(typed("text"))).optional(),
    "ATT&CK-reference": attackReferenceSchema,
    references: referencesSchema,
  },
  typed("a mapping"),
);

export const atlasCaseStudyFileSchema = z.looseObject(
  {
    id: id(ATLAS_ID_PATTERNS.caseStudy, "a case study", "AML.CS0000"),
    name,
    "object-type": objectType("case-study"),
    summary: longText,
    "incident-date": z.string(typed("text")).optional(),
    "incident-date-granularity": z.string(typed("text")).optional(),
    procedure: list(z.looseObject({ tactic: tacticId, technique: anyTechniqueId, description: longText }, typed("a mapping"))),
    target: optionalText,
    actor: optionalText,
    reporter: optionalText,
    "case-study-type": z.string(typed("text")).optional(),
    references: referencesSchema,
  },
  typed("a mapping"),
);

export const atlasMatrixFileSchema = z.looseObject(
  {
    id: z.string(typed("text")),
    name: z.string(typed("text")),
    tactics: list(atlasTacticFileSchema).min(1, "A matrix needs at least one tactic"),
    techniques: list(atlasTechniqueFileSchema),
    mitigations: list(atlasMitigationFileSchema).default([]),
  },
  typed("a mapping"),
);

export const atlasFileSchema = z.looseObject(
  {
    id: z.string(typed("text")).trim().min(1).max(100),
    name: z.string(typed("text")).trim().min(1).max(500),
    version: z
      .string(typed("text"))
      .trim()
      .min(1, "Must not be empty")
      .max(40, "Must be at most 40 characters")
      .regex(/^[0-9A-Za-z][0-9A-Za-z.+-]*$/, "Must be a version like 5.6.0"),
    matrices: z
      .array(atlasMatrixFileSchema, typed("a list"))
      .min(1, "A release needs its matrix")
      .max(1, "Only single-matrix releases (like ATLAS) can be imported"),
    "case-studies": list(atlasCaseStudyFileSchema).default([]),
  },
  typed("a mapping"),
);

export type AtlasFile = z.output<typeof atlasFileSchema>;

// ── the parsed release (what gets stored) ──────────────────────────────────────────────────────

export type AtlasCounts = { tactics: number; techniques: number; subtechniques: number; mitigations: number; caseStudies: number };

/** One row of AtlasObject, before it has a release. */
export type ParsedAtlasObject = {
  kind: AtlasObjectKind;
  id: string;
  name: string;
  /** The description (a case study's summary); "" when the file has none. */
  description: string;
  /** A sub-technique's parent technique, else null. */
  parentId: string | null;
  /** Tactics in matrix order: a technique's own, a sub-technique's parent's, the tactics of a case study's procedure. */
  tacticIds: string[];
  /** A mitigation's techniques (sorted, once each); the techniques a case study's procedure uses (in order of use). */
  techniqueIds: string[];
  /** Every other key of the object as in the file (ATT&CK reference, dates, maturity, procedure, references, …). */
  data: JsonObject;
  /** Order in its list in the file (tactics: matrix order). */
  position: number;
};

export type ParsedAtlasRelease = {
  id: string;
  name: string;
  version: string;
  tactics: ParsedAtlasObject[];
  /** Techniques and sub-techniques, in file order. */
  techniques: ParsedAtlasObject[];
  mitigations: ParsedAtlasObject[];
  caseStudies: ParsedAtlasObject[];
  counts: AtlasCounts;
  /** Oddities that do not stop the import (a technique listed twice by a mitigation, …), with their paths. */
  warnings: FieldIssue[];
};

// ── what changed between two releases ──────────────────────────────────────────────────────────

export type AtlasChangedObject = { kind: AtlasObjectKind; id: string; name: string };
export type AtlasRename = { kind: AtlasObjectKind; id: string; from: string; to: string };
export type AtlasMove = {
  kind: "technique" | "subtechnique";
  id: string;
  name: string;
  fromTactics: string[];
  toTactics: string[];
  fromParent: string | null;
  toParent: string | null;
};

export type AtlasDiff = { added: AtlasChangedObject[]; removed: AtlasChangedObject[]; renamed: AtlasRename[]; moved: AtlasMove[] };

/** The catalog a release was compared with: the previously current import, or the built-in catalog for the first import. */
export type AtlasBaseline = { kind: "builtin"; version: string } | { kind: "imported"; version: string; releaseId: string };

/** Stored in AtlasRelease.changes. */
export type AtlasReleaseChanges = AtlasDiff & { baseline: AtlasBaseline };

// ── DTOs ───────────────────────────────────────────────────────────────────────────────────────

export const atlasImportInputSchema = z.strictObject({
  yaml: z.string({ error: "The release file is required" }).min(1, "The release file is empty"),
});
export type AtlasImportInput = z.input<typeof atlasImportInputSchema>;

export const atlasObjectIdInputSchema = z.strictObject({
  id: z.string({ error: "id is required" }).trim().min(1, "id is required").max(64, "Must be at most 64 characters"),
});
export type AtlasObjectIdInput = z.input<typeof atlasObjectIdInputSchema>;

export type AtlasReleaseSummary = {
  id: string;
  version: string;
  sha256: string;
  isCurrent: boolean;
  /** ISO date-time. */
  importedAt: string;
  importedBy: { id: string; name: string };
  counts: AtlasCounts;
  changes: AtlasReleaseChanges;
};

export type AtlasImportResult = {
  status: "imported" | "unchanged";
  release: AtlasReleaseSummary;
  /**
   * How the release's version compares with the catalog the organisation saw before (`changes.baseline`);
   * "same" with status "imported" = same version, different content. Null for "unchanged".
   */
  versionOrder: "newer" | "same" | "older" | null;
  /** One readable sentence for the CLI and the form (e.g. that an older release became current). */
  message: string;
  warnings: FieldIssue[];
};

export type AtlasSource = { kind: "builtin"; version: string } | { kind: "imported"; version: string; releaseId: string; importedAt: string };

export type AtlasViewTactic = { id: string; name: string; shortName: string };
export type AtlasViewTechnique = { id: string; name: string; description: string | null; parentId: string | null; tacticIds: string[] };
export type AtlasViewMitigation = { id: string; name: string; description: string | null; techniqueIds: string[] };
export type AtlasViewCaseStudy = { id: string; name: string };

export type AtlasView = {
  source: AtlasSource;
  /** Matrix order. */
  tactics: AtlasViewTactic[];
  /** Techniques and sub-techniques sorted by id (each sub-technique right after its parent), as the built-in catalog. */
  techniques: AtlasViewTechnique[];
  /** Sorted by id. */
  mitigations: AtlasViewMitigation[];
  /** Sorted by id. */
  caseStudies: AtlasViewCaseStudy[];
};

/** Where a looked-up object came from; `lastSeenIn` only when it is not in the organisation's current catalog. */
type Provenance = { releaseVersion: string; inCurrentRelease: boolean; lastSeenIn?: { version: string } };

export type AtlasTechniqueDetail = Provenance & {
  technique: {
    id: string;
    name: string;
    description: string | null;
    parentId: string | null;
    tacticIds: string[];
    subtechniques: { id: string; name: string }[];
  };
  mitigations: { id: string; name: string; description: string | null }[];
  /** Case studies whose procedure uses exactly this technique or sub-technique. */
  caseStudies: { id: string; name: string }[];
};

export type AtlasMitigationDetail = Provenance & {
  mitigation: { id: string; name: string; description: string | null; techniqueIds: string[]; category: string[]; mlLifecycle: string[] };
  /** The techniques it addresses, with how ("use"), when the release says. */
  techniques: { id: string; name: string; parentId: string | null; use: string | null }[];
};

export type AtlasCaseStudyDetail = Provenance & {
  caseStudy: {
    id: string;
    name: string;
    summary: string | null;
    incidentDate: string | null;
    incidentDateGranularity: string | null;
    type: string | null;
    target: string | null;
    actor: string | null;
    reporter: string | null;
    references: { title: string | null; url: string | null }[];
    procedure: { tacticId: string; tacticName: string | null; techniqueId: string; techniqueName: string | null; description: string }[];
  };
};

/** What the catalog page's upload form gets back from its server action. */
export type AtlasImportFormState = {
  status: "idle" | "success" | "error";
  message?: string;
  issues?: FieldIssue[];
  result?: AtlasImportResult;
};
