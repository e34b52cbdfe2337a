/**
 * The normalised output of every findings parser (issue 7, section 1). A parser reads a byte stream and yields
 * `ParsedRecord`s as an async generator, so memory stays bounded whatever the file size; a file it cannot read
 * is rejected with a `ParseRejection` (./errors.ts) naming the line or JSON path.
 */

export const FINDINGS_FORMATS = ["garak", "garak-digest", "promptfoo", "modelscan", "sarif", "csv"] as const;
export type FindingsFormat = (typeof FINDINGS_FORMATS)[number];

/** Where a record or a rejection sits in the file: a 1-based line (JSONL, CSV) or a JSON path (`$.runs[0].results[3]`). */
export type SourceLocation = { line: number } | { jsonPath: string };

export const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What was tested, as far as the file says; every field may be unknown. */
export type ParsedRun = {
  /** 0 for single-run formats; SARIF's index in `runs[]`. */
  index: number;
  tool: string;
  toolVersion: string | null;
  targetType: string | null;
  targetName: string | null;
  runId: string | null;
  /** ISO 8601 as written by the tool (no time zone conversion). */
  startedAt: string | null;
  location: SourceLocation;
};

/**
 * Prompt and output text kept as evidence: cut to `EVIDENCE_MAX_CHARS` each, always flagged as possibly harmful
 * (scanner output is attack text and model output to it); never to be rendered as HTML.
 */
export type EvidenceExcerpt = {
  prompt: string | null;
  output: string | null;
  truncated: boolean;
  possiblyHarmful: true;
};

export const EVIDENCE_MAX_CHARS = 2000;
export const EVIDENCE_MAX_EXCERPTS = 3;
export const TAG_MAX_COUNT = 50;
export const TEXT_MAX_CHARS = 500;

/** One outcome of one test in one run: garak probe × detector, promptfoo plugin × strategy, a ModelScan issue, a SARIF result, a CSV row. */
export type ParsedTestResult = {
  /** The run this result belongs to (`ParsedRun.index`). */
  runIndex: number;
  tool: string;
  /** garak probe, promptfoo plugin (or the provider's test when not a red-team run), ModelScan operator (else scanner), SARIF ruleId. */
  testId: string;
  /** garak detector, promptfoo strategy, ModelScan scanner; null when the format has none. */
  detector: string | null;
  /**
   * Outputs evaluated (garak: total_evaluated; 1 per promptfoo row, ModelScan issue, SARIF result); null when the
   * source gives only a score (a garak digest without counts).
   */
  evaluated: number | null;
  /** Outputs that failed (attack succeeded / issue present); 0 ≤ failed ≤ evaluated; null exactly when evaluated is. */
  failed: number | null;
  /** The tool's own pass score in [0, 1] when it gives one (garak digest absolute_score, promptfoo score). */
  score: number | null;
  /** Confidence interval of the failure rate when the source gives one. */
  confidence: { lower: number; upper: number; level: number | null; method: string | null } | null;
  severity: Severity | null;
  /** The tool's own tags, as written (garak probe tags, SARIF rule tags, promptfoo plugin/harm category). */
  tags: string[];
  /** SARIF suppressions (accepted); always false elsewhere. */
  suppressed: boolean;
  /** Short human text: the failure reason, issue description or SARIF message (capped at TEXT_MAX_CHARS). */
  message: string | null;
  /** Artifact the result points at (SARIF location uri:line, ModelScan source). */
  artifact: string | null;
  location: SourceLocation;
  evidence: EvidenceExcerpt[];
};

/**
 * A run record precedes its results except where the file puts the run's facts last (a garak digest whose
 * `meta` follows `eval`): consumers collect the whole file before storing anything (one file is all-or-nothing).
 */
export type ParsedRecord = { kind: "run"; run: ParsedRun } | { kind: "result"; result: ParsedTestResult };

/** A byte stream: a Node Readable or any async iterable of bytes (strings are accepted for convenience). */
export type ByteSource = AsyncIterable<Uint8Array | string>;

export type FindingsParser = (source: ByteSource) => AsyncGenerator<ParsedRecord, void, undefined>;
