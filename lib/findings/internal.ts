import { createHash } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { assertCan, assertCanOnSome, type Permission } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import type { z } from "zod";
import { getAtlasCatalog } from "@/lib/catalogs/get-atlas-catalog";
import { PARSERS, sniffFormat } from "./parsers/detect-format";
import { ParseRejection, formatLocation } from "./parsers/errors";
import type { ByteSource, FindingsFormat, ParsedRun, ParsedTestResult, Severity } from "./parsers/types";
import { mapTest } from "./mapping/map-test";
import { findingFingerprint } from "./finding-fingerprint";
import { findingListSelect, toFindingListItem } from "./finding-list-select";
export { findingListSelect, toFindingListItem };
export type { AtlasCoverage };
export { findFindingOrThrow, loadTriageFinding } from "./load-triage-finding";
import {
  formatBytes,
  type AtlasCoverage,
  type FindingList,
  type ImportFormat,
  type ImportProgress,
  type ImportSummary,
  type findingFiltersSchema,
} from "./schemas";

// The one ingest path of a scanner file (issue 7): the synchronous import, the background job and the benchmark
// all come through `ingestFile` + `applyFindings`, inside the caller's transaction, so a file is all-or-nothing.

type Tx = Prisma.TransactionClient;

/** How long one file may hold its transaction (FINDINGS_IMPORT_TIMEOUT_MS, default 15 minutes). */
export function importTimeoutMs(): number {
  const configured = Number(process.env.FINDINGS_IMPORT_TIMEOUT_MS);
  return Number.isFinite(configured) && configured > 0 ? configured : 15 * 60_000;
}

/** Test results written per INSERT while a file streams in. */
const RESULT_BATCH = 1000;
/** Distinct tests (system × tool × test × detector) one file may hold; their aggregates stay in memory. */
export const MAX_DISTINCT_TESTS = 200_000;
const MAX_RUNS = 1000;

/** A file the import refuses as a whole (too large, unreadable, too many tests): nothing is stored. */
export class ImportRejection extends Error {
  constructor(
    readonly location: string,
    readonly reason: string,
  ) {
    super(`${location}: ${reason}`);
    this.name = "ImportRejection";
  }
}

/** A rejected file with what is known about it (the hash and size of the whole file, unless it was too large to read). */
export class RejectedFile extends Error {
  constructor(
    readonly rejection: { location: string; message: string },
    readonly facts: { format: FindingsFormat | null; sha256: string; bytes: number; records: number },
  ) {
    super(`${rejection.location}: ${rejection.message}`);
    this.name = "RejectedFile";
  }
}

export function rejectionOf(error: unknown): { location: string; message: string } | null {
  if (error instanceof ParseRejection) return { location: formatLocation(error.location), message: error.reason };
  if (error instanceof ImportRejection) return { location: error.location, message: error.reason };
  return null;
}

export const SEVERITY_RANK: Record<Severity, number> = { critical: 5, high: 4, medium: 3, low: 2, info: 1 };
const SEVERITY_BY_RANK: Severity[] = ["info", "info", "low", "medium", "high", "critical"];

/**
 * The severity of a finding whose tool gives none (garak): from the attack success rate, the share of outputs
 * that failed — half or more: high; a tenth or more: medium; any: low.
 */
export function severityFromRate(failed: number | null, evaluated: number | null): Severity {
  if (failed === null || evaluated === null || evaluated === 0) return "medium";
  const rate = failed / evaluated;
  if (rate >= 0.5) return "high";
  if (rate >= 0.1) return "medium";
  return "low";
}

/** Failed outputs / evaluated outputs, or null when the source gives no counts. */
export function attackSuccessRate(failed: number | null, evaluated: number | null): number | null {
  return failed === null || evaluated === null || evaluated === 0 ? null : failed / evaluated;
}

/** A result that shows the problem: not suppressed, and some output failed (or, without counts, a pass score below 1). */
export function isFailing(result: Pick<ParsedTestResult, "suppressed" | "failed" | "score">): boolean {
  if (result.suppressed) return false;
  if (result.failed !== null) return result.failed > 0;
  return result.score !== null && result.score < 1;
}

/** A result that shows the test passing: not suppressed, outputs evaluated and none failed (or a pass score of 1). */
export function isPassing(result: Pick<ParsedTestResult, "suppressed" | "failed" | "score" | "evaluated">): boolean {
  if (result.suppressed) return false;
  if (result.failed !== null) return result.failed === 0 && (result.evaluated ?? 0) > 0;
  return result.score === 1;
}

/** The AI system an import or a triage is about, in the context's organisation, checked for `permission` and for being active. */
export async function loadFindingsSystem(client: Tx, ctx: ServiceContext, systemId: string, permission: Permission) {
  assertCanOnSome(ctx, permission);
  const system = await client.aISystem.findFirst({
    where: { id: systemId, orgId: ctx.orgId },
    select: { id: true, name: true, ownerId: true, archivedAt: true },
  });
  if (!system) throw new AppError("NOT_FOUND", "AI system not found.");
  assertCan(ctx, permission, system);
  if (system.archivedAt) throw new AppError("CONFLICT", "This AI system is archived; restore it before importing or triaging its findings.");
  return system;
}

/** Serialises imports of one AI system (duplicate detection and finding updates), until the transaction ends. */
export async function lockSystemImports(tx: Tx, systemId: string): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${"finding-import:" + systemId}))::text AS locked`;
}

/** Counts bytes, hashes them and enforces the size limit while a parser reads the source. */
class MeteredSource implements AsyncIterable<Uint8Array> {
  bytes = 0;
  private readonly hash = createHash("sha256");
  constructor(
    private readonly source: ByteSource,
    private readonly maxBytes: number,
    private readonly onChunk: () => void,
  ) {}

  async *[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    for await (const chunk of this.source) {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
      this.bytes += bytes.byteLength;
      if (this.bytes > this.maxBytes) {
        throw new ImportRejection("(file)", `The file is larger than the limit of ${formatBytes(this.maxBytes)} (FINDINGS_MAX_BYTES).`);
      }
      this.hash.update(bytes);
      this.onChunk();
      yield bytes;
    }
  }

  /** Reads whatever the parser left unread (trailing bytes still count for the hash), then the hex digest. */
  async finish(iterator: AsyncIterator<Uint8Array>): Promise<string> {
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
    }
    return this.hash.digest("hex");
  }
}

type Aggregate = {
  tool: string;
  testId: string;
  detector: string;
  evaluated: number | null;
  failed: number | null;
  failing: boolean;
  passing: boolean;
  severityRank: number;
  techniqueIds: Set<string>;
  owaspIds: Set<string>;
};

export type IngestedFile = {
  format: FindingsFormat;
  runs: ParsedRun[];
  sha256: string;
  bytes: number;
  records: number;
  results: number;
  aggregates: Map<string, Aggregate>;
};

type OrgMapping = { techniqueIds: string[]; owaspIds: string[] };

/**
 * Streams `source` through its parser into TestResult rows of `importId` (batched, in the caller's transaction)
 * and returns the per-finding aggregates, the runs, the SHA-256 and the counts. Throws RejectedFile (with the
 * whole file's hash, size and format) for a file it refuses; the caller's transaction then rolls everything back.
 */
export async function ingestFile(
  tx: Tx,
  ctx: ServiceContext,
  args: { importId: string; systemId: string; format: ImportFormat; source: ByteSource; maxBytes: number; onProgress?: (progress: ImportProgress) => void },
): Promise<IngestedFile> {
  let records = 0;
  let lastReport = 0;
  const report = (force = false) => {
    if (!args.onProgress) return;
    const now = Date.now();
    if (!force && now - lastReport < 200) return;
    lastReport = now;
    args.onProgress({ bytes: metered.bytes, records });
  };
  const metered = new MeteredSource(args.source, args.maxBytes, () => report());
  const iterator = metered[Symbol.asyncIterator]();
  // no return(): a parser that stops early must not close the source, so the rest can still be hashed
  const replayable: ByteSource = { [Symbol.asyncIterator]: () => ({ next: () => iterator.next() }) };
  let format: FindingsFormat | null = args.format === "auto" ? null : args.format;
  try {
    return await ingestStream(tx, ctx, args, replayable, {
      setFormat: (detected) => (format = detected),
      countRecord: () => {
        records++;
      },
      report,
      finish: async () => ({ sha256: await metered.finish(iterator), bytes: metered.bytes, records }),
    });
  } catch (error) {
    const rejection = rejectionOf(error);
    if (!rejection) throw error;
    const tooLarge = error instanceof ImportRejection && error.location === "(file)";
    const sha256 = tooLarge ? "" : await metered.finish(iterator).catch(() => "");
    throw new RejectedFile(rejection, { format, sha256, bytes: metered.bytes, records });
  }
}

async function ingestStream(
  tx: Tx,
  ctx: ServiceContext,
  args: { importId: string; systemId: string; format: ImportFormat },
  replayable: ByteSource,
  hooks: {
    setFormat: (format: FindingsFormat) => void;
    countRecord: () => void;
    report: (force?: boolean) => void;
    finish: () => Promise<{ sha256: string; bytes: number; records: number }>;
  },
): Promise<IngestedFile> {
  let format: FindingsFormat;
  let parserSource: ByteSource = replayable;
  if (args.format === "auto") {
    const sniffed = await sniffFormat(replayable);
    if (!sniffed.format) {
      throw new ParseRejection(
        null,
        { line: 1 },
        "unrecognised format (expected a garak report or digest, a promptfoo export, a ModelScan or SARIF report, or CSV); choose the format if it is one of these",
      );
    }
    format = sniffed.format;
    parserSource = sniffed.source;
  } else {
    format = args.format;
  }
  hooks.setFormat(format);

  const orgMappings = new Map<string, OrgMapping>();
  for (const row of await tx.testMapping.findMany({ where: { orgId: ctx.orgId }, select: { tool: true, testId: true, techniqueIds: true, owaspIds: true } })) {
    orgMappings.set(`${row.tool.toLowerCase()}\u0000${row.testId}`, { techniqueIds: row.techniqueIds, owaspIds: row.owaspIds });
  }
  const mapped = new Map<string, { techniqueIds: string[]; owaspIds: string[]; severity: Severity | null }>();
  const mapOne = (result: ParsedTestResult) => {
    const key = JSON.stringify([result.tool, result.testId, result.detector, result.tags]);
    let hit = mapped.get(key);
    if (!hit) {
      const builtIn = mapTest({ tool: result.tool, testId: result.testId, detector: result.detector, tags: result.tags });
      const own = orgMappings.get(`${result.tool.toLowerCase()}\u0000${result.testId}`);
      hit = { techniqueIds: own ? own.techniqueIds : builtIn.techniqueIds, owaspIds: own ? own.owaspIds : builtIn.owaspIds, severity: builtIn.severity };
      if (mapped.size < 10_000) mapped.set(key, hit);
    }
    return hit;
  };

  const runs: ParsedRun[] = [];
  const aggregates = new Map<string, Aggregate>();
  let batch: Prisma.TestResultCreateManyInput[] = [];
  let results = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    await tx.testResult.createMany({ data: rows });
  };

  for await (const record of PARSERS[format](parserSource)) {
    hooks.countRecord();
    if (record.kind === "run") {
      if (runs.length >= MAX_RUNS) throw new ImportRejection(formatLocation(record.run.location), `more than ${MAX_RUNS} runs in one file`);
      runs.push(record.run);
      continue;
    }
    const result = record.result;
    const mapping = mapOne(result);
    const severity = result.severity ?? mapping.severity;
    const fingerprint = findingFingerprint(result.tool, result.testId, result.detector);
    batch.push({
      orgId: ctx.orgId,
      systemId: args.systemId,
      importId: args.importId,
      runIndex: result.runIndex,
      tool: result.tool,
      testId: result.testId,
      detector: result.detector ?? "",
      fingerprint,
      evaluated: result.evaluated,
      failed: result.failed,
      score: result.score,
      ciLower: result.confidence?.lower ?? null,
      ciUpper: result.confidence?.upper ?? null,
      ciLevel: result.confidence?.level ?? null,
      severity,
      tags: result.tags,
      suppressed: result.suppressed,
      message: result.message,
      artifact: result.artifact,
      location: formatLocation(result.location),
      techniqueIds: mapping.techniqueIds,
      owaspIds: mapping.owaspIds,
      evidence: result.evidence as unknown as Prisma.InputJsonValue,
    });
    results++;

    let aggregate = aggregates.get(fingerprint);
    if (!aggregate) {
      if (aggregates.size >= MAX_DISTINCT_TESTS) {
        throw new ImportRejection(formatLocation(result.location), `more than ${MAX_DISTINCT_TESTS.toLocaleString("en")} distinct tests in one file`);
      }
      aggregate = {
        tool: result.tool,
        testId: result.testId,
        detector: result.detector ?? "",
        evaluated: null,
        failed: null,
        failing: false,
        passing: false,
        severityRank: 0,
        techniqueIds: new Set(),
        owaspIds: new Set(),
      };
      aggregates.set(fingerprint, aggregate);
    }
    if (!result.suppressed && result.evaluated !== null && result.failed !== null) {
      aggregate.evaluated = (aggregate.evaluated ?? 0) + result.evaluated;
      aggregate.failed = (aggregate.failed ?? 0) + result.failed;
    }
    if (isFailing(result)) {
      aggregate.failing = true;
      if (severity) aggregate.severityRank = Math.max(aggregate.severityRank, SEVERITY_RANK[severity]);
    } else if (isPassing(result)) {
      aggregate.passing = true;
    }
    mapping.techniqueIds.forEach((id) => aggregate.techniqueIds.add(id));
    mapping.owaspIds.forEach((id) => aggregate.owaspIds.add(id));

    if (batch.length >= RESULT_BATCH) await flush();
    hooks.report();
  }
  await flush();
  const { sha256, bytes, records } = await hooks.finish();
  hooks.report(true);
  return { format, runs, sha256, bytes, records, results, aggregates };
}

export type FindingCounts = { opened: number; updated: number; reopened: number; notReproduced: number };

/**
 * Opens, updates, reopens or marks "not reproduced" the system's findings from one import's aggregates, then
 * links the import's results to their findings. A failing test opens a finding (or updates an open or triaged
 * one; a mitigated one reopens; false positives and accepted findings keep their decision and are only
 * updated); a passing test marks an open or triaged finding "not reproduced in" this import, a suggestion to
 * close it.
 */
export async function applyFindings(
  tx: Tx,
  ctx: ServiceContext,
  args: { importId: string; systemId: string; file: IngestedFile; at: Date },
): Promise<FindingCounts> {
  const counts: FindingCounts = { opened: 0, updated: 0, reopened: 0, notReproduced: 0 };
  const fingerprints = [...args.file.aggregates.keys()];
  const creates: Prisma.FindingCreateManyInput[] = [];
  for (let start = 0; start < fingerprints.length; start += 5000) {
    const slice = fingerprints.slice(start, start + 5000);
    const existing = new Map(
      (
        await tx.finding.findMany({
          where: { orgId: ctx.orgId, systemId: args.systemId, fingerprint: { in: slice } },
          select: { id: true, fingerprint: true, status: true },
        })
      ).map((row) => [row.fingerprint, row]),
    );
    for (const fingerprint of slice) {
      const aggregate = args.file.aggregates.get(fingerprint)!;
      const found = existing.get(fingerprint);
      const techniqueIds = [...aggregate.techniqueIds].sort();
      const owaspIds = [...aggregate.owaspIds].sort();
      if (aggregate.failing) {
        const severity = aggregate.severityRank > 0 ? SEVERITY_BY_RANK[aggregate.severityRank] : severityFromRate(aggregate.failed, aggregate.evaluated);
        const seen = {
          severity,
          severityRank: SEVERITY_RANK[severity],
          techniqueIds,
          owaspIds,
          lastImportId: args.importId,
          lastFailedImportId: args.importId,
          notReproducedImportId: null,
          lastSeenAt: args.at,
          lastEvaluated: aggregate.evaluated,
          lastFailed: aggregate.failed,
          lastAttackSuccessRate: attackSuccessRate(aggregate.failed, aggregate.evaluated),
        };
        if (!found) {
          creates.push({
            ...seen,
            orgId: ctx.orgId,
            systemId: args.systemId,
            fingerprint,
            tool: aggregate.tool,
            testId: aggregate.testId,
            detector: aggregate.detector,
            title: aggregate.detector ? `${aggregate.testId} · ${aggregate.detector}` : aggregate.testId,
            firstImportId: args.importId,
            firstSeenAt: args.at,
          });
          counts.opened++;
        } else if (found.status === "mitigated") {
          await tx.finding.update({
            where: { id: found.id },
            data: { ...seen, status: "open", statusReason: "", statusChangedAt: args.at, statusChangedById: null, version: { increment: 1 } },
            select: { id: true },
          });
          counts.reopened++;
        } else {
          await tx.finding.update({ where: { id: found.id }, data: { ...seen, version: { increment: 1 } }, select: { id: true } });
          counts.updated++;
        }
      } else if (aggregate.passing && found && (found.status === "open" || found.status === "triaged")) {
        await tx.finding.update({
          where: { id: found.id },
          data: { notReproducedImportId: args.importId, lastImportId: args.importId, version: { increment: 1 } },
          select: { id: true },
        });
        counts.notReproduced++;
      }
    }
  }
  for (let start = 0; start < creates.length; start += 1000) await tx.finding.createMany({ data: creates.slice(start, start + 1000) });
  await tx.$executeRaw`
    UPDATE "TestResult" t SET "findingId" = f.id
    FROM "Finding" f
    WHERE t."importId" = ${args.importId} AND f."orgId" = ${ctx.orgId} AND f."systemId" = ${args.systemId} AND f.fingerprint = t.fingerprint`;
  return counts;
}

/** The run facts an import keeps: the first run's target and time; every distinct tool and version. */
export function runFacts(runs: readonly ParsedRun[]) {
  const first = runs[0];
  const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => !!v))].join(", ") || null;
  return {
    tool: distinct(runs.map((run) => run.tool)),
    toolVersion: distinct(runs.map((run) => run.toolVersion)),
    targetType: first?.targetType ?? null,
    targetName: first?.targetName ?? null,
    runId: first?.runId ?? null,
    runStartedAt: first?.startedAt ?? null,
  };
}

export function targetLabel(targetType: string | null, targetName: string | null): string | null {
  if (targetType && targetName) return `${targetType} ${targetName}`;
  return targetName ?? targetType ?? null;
}

/** What an import's audit event records. */
export const IMPORT_AUDIT_FIELDS = [
  "fileName",
  "format",
  "tool",
  "toolVersion",
  "target",
  "sha256",
  "bytes",
  "results",
  "opened",
  "updated",
  "reopened",
  "notReproduced",
] as const;

export const importSummarySelect = {
  id: true,
  status: true,
  format: true,
  tool: true,
  toolVersion: true,
  targetType: true,
  targetName: true,
  sha256: true,
  bytes: true,
  records: true,
  results: true,
  opened: true,
  updated: true,
  reopened: true,
  notReproduced: true,
  rejected: true,
  duplicateOfId: true,
} satisfies Prisma.FindingImportSelect;

export function toImportSummary(row: Prisma.FindingImportGetPayload<{ select: typeof importSummarySelect }>, duplicate = false): ImportSummary {
  return {
    importId: row.id,
    status: row.status,
    format: (row.format as FindingsFormat | null) ?? null,
    tool: row.tool,
    toolVersion: row.toolVersion,
    target: targetLabel(row.targetType, row.targetName),
    sha256: row.sha256,
    bytes: row.bytes,
    records: row.records,
    results: row.results,
    findings: { opened: row.opened, updated: row.updated, reopened: row.reopened, notReproduced: row.notReproduced },
    duplicate: duplicate || row.duplicateOfId !== null,
    rejected: Array.isArray(row.rejected) ? (row.rejected as { location: string; message: string }[]) : [],
  };
}

/** A byte-identical file already imported (completed) on the system, other than `exceptId`. */
export async function findEarlierImport(tx: Tx, ctx: ServiceContext, args: { systemId: string; sha256: string; exceptId: string }) {
  return tx.findingImport.findFirst({
    where: { orgId: ctx.orgId, systemId: args.systemId, sha256: args.sha256, status: "completed", duplicateOfId: null, id: { not: args.exceptId } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
}

/** Thrown inside an import's transaction when the file was already imported on the system: rolls it back. */
export class DuplicateFile extends Error {
  constructor(readonly existingId: string) {
    super("duplicate");
  }
}

/** What an import answers when its transaction was rolled back for a refused or duplicate file; other errors rethrown. */
export async function summaryOfRefusedFile(ctx: ServiceContext, error: unknown): Promise<ImportSummary> {
  if (error instanceof RejectedFile) return rejectedSummary({ ...error.facts, rejected: [error.rejection] });
  if (error instanceof DuplicateFile) {
    const earlier = await db.findingImport.findFirstOrThrow({ where: { id: error.existingId, orgId: ctx.orgId }, select: importSummarySelect });
    return toImportSummary(earlier, true);
  }
  throw error;
}

/** The summary of a file refused as a whole: nothing stored. */
export function rejectedSummary(args: {
  format: FindingsFormat | null;
  sha256: string;
  bytes: number;
  records: number;
  rejected: { location: string; message: string }[];
}): ImportSummary {
  return {
    importId: null,
    status: "rejected",
    format: args.format,
    tool: null,
    toolVersion: null,
    target: null,
    sha256: args.sha256,
    bytes: args.bytes,
    records: args.records,
    results: 0,
    findings: { opened: 0, updated: 0, reopened: 0, notReproduced: 0 },
    duplicate: false,
    rejected: args.rejected,
  };
}

// ── reads ───────────────────────────────────────────────────────────────────────────────────────

/** The Prisma filter of the findings list (always the context's organisation). */
export function findingWhere(
  ctx: ServiceContext,
  filters: z.output<typeof findingFiltersSchema>,
  /** The findings the filtered import touched (from its test results), when filtering by import. */
  importFindingIds?: string[],
): Prisma.FindingWhereInput {
  const where: Prisma.FindingWhereInput = { orgId: ctx.orgId };
  if (filters.systemId) where.systemId = filters.systemId;
  if (filters.tool) where.tool = { equals: filters.tool, mode: "insensitive" };
  if (filters.severity) where.severity = filters.severity;
  if (filters.status) where.status = filters.status;
  if (filters.owasp) where.owaspIds = { has: filters.owasp };
  if (importFindingIds) where.id = { in: importFindingIds };
  const and: Prisma.FindingWhereInput[] = [];
  if (filters.technique) {
    // a parent technique also matches its sub-techniques
    const subs = getAtlasCatalog()
      .techniques.filter((technique) => technique.parentId === filters.technique)
      .map((technique) => technique.id);
    and.push({ techniqueIds: { hasSome: [filters.technique, ...subs] } });
  }
  if (and.length) where.AND = and;
  return where;
}

/** One page of the filtered findings list (shared by listFindings and the page loaders). */
export async function loadFindingList(client: Tx, ctx: ServiceContext, filters: z.output<typeof findingFiltersSchema>): Promise<FindingList> {
  let importFindingIds: string[] | undefined;
  if (filters.importId) {
    const rows = await client.testResult.findMany({
      where: { orgId: ctx.orgId, importId: filters.importId, findingId: { not: null } },
      select: { findingId: true },
      distinct: ["findingId"],
    });
    importFindingIds = rows.map((row) => row.findingId!);
  }
  const where = findingWhere(ctx, filters, importFindingIds);
  const total = await client.finding.count({ where });
  const rows = await client.finding.findMany({
    where,
    select: findingListSelect,
    orderBy: [{ severityRank: "desc" }, { lastSeenAt: "desc" }, { id: "asc" }],
    skip: (filters.page - 1) * filters.pageSize,
    take: filters.pageSize,
  });
  return { items: rows.map(toFindingListItem), total, page: filters.page, pageSize: filters.pageSize };
}

/** What a triage event records. */
export const FINDING_AUDIT_FIELDS = ["status", "statusReason", "riskId"] as const;

// ── coverage and charts ─────────────────────────────────────────────────────────────────────────

const OPEN_STATUSES = ["open", "triaged"] as const;

/**
 * ATLAS coverage of one system (or, with systemId null, of every active system of the organisation together):
 * techniques in its threat profile vs. techniques exercised by imported tests
 * (a result that evaluated something) vs. techniques with open (open or triaged) findings. A profiled technique
 * counts as tested or failing when it or one of its sub-techniques is.
 */
export async function loadAtlasCoverage(client: Tx, ctx: ServiceContext, systemId: string | null): Promise<AtlasCoverage> {
  // one system, or every active system of the organisation (its profiles, tests and open findings together)
  const systemWhere = systemId ? { systemId } : { system: { archivedAt: null } };
  const systemSql = systemId
    ? Prisma.sql`AND t."systemId" = ${systemId}`
    : Prisma.sql`AND EXISTS (SELECT 1 FROM "AISystem" s WHERE s.id = t."systemId" AND s."archivedAt" IS NULL)`;
  const [profile, tested, open] = await Promise.all([
    client.threatProfileEntry.findMany({ where: { orgId: ctx.orgId, ...systemWhere }, select: { techniqueId: true, techniqueName: true } }),
    client.$queryRaw<{ id: string }[]>`
      SELECT DISTINCT unnest(t."techniqueIds") AS id FROM "TestResult" t
      WHERE t."orgId" = ${ctx.orgId} ${systemSql} AND NOT t.suppressed AND (t.evaluated IS NULL OR t.evaluated > 0)`,
    client.finding.findMany({ where: { orgId: ctx.orgId, ...systemWhere, status: { in: [...OPEN_STATUSES] } }, select: { techniqueIds: true } }),
  ]);
  const names = new Map(getAtlasCatalog().techniques.map((technique) => [technique.id, technique.name]));
  const testedIds = new Set(tested.map((row) => row.id));
  const openCounts = new Map<string, number>();
  for (const finding of open) for (const id of finding.techniqueIds) openCounts.set(id, (openCounts.get(id) ?? 0) + 1);
  const covers = (ids: Iterable<string>, id: string) => {
    for (const candidate of ids) if (candidate === id || candidate.startsWith(`${id}.`)) return true;
    return false;
  };
  const profiled = new Map(profile.map((entry) => [entry.techniqueId, entry.techniqueName]));
  const all = new Set([...profiled.keys(), ...testedIds, ...openCounts.keys()]);
  const techniques = [...all].sort().map((id) => ({
    id,
    name: names.get(id) ?? profiled.get(id) ?? id,
    inProfile: profiled.has(id),
    tested: profiled.has(id) ? covers(testedIds, id) : testedIds.has(id),
    failing: profiled.has(id) ? covers(openCounts.keys(), id) : openCounts.has(id),
    openFindings: [...openCounts]
      .filter(([candidate]) => candidate === id || (profiled.has(id) && candidate.startsWith(`${id}.`)))
      .reduce((sum, [, n]) => sum + n, 0),
  }));
  const inProfile = techniques.filter((t) => t.inProfile);
  const figures = {
    profiled: inProfile.length,
    profiledTested: inProfile.filter((t) => t.tested).length,
    profiledFailing: inProfile.filter((t) => t.failing).length,
    profiledNeverTested: inProfile.filter((t) => !t.tested).length,
    testedOutsideProfile: techniques.filter((t) => !t.inProfile && t.tested && !covers(profiled.keys(), t.id.split(".").slice(0, 2).join("."))).length,
  };
  const profileWord = systemId ? "the threat profile" : "any threat profile";
  const sentence =
    figures.profiled === 0
      ? `No techniques in ${profileWord}; imported tests exercise ${testedIds.size} technique${testedIds.size === 1 ? "" : "s"}.`
      : `${figures.profiledTested} of ${figures.profiled} profiled techniques tested, ${figures.profiledFailing} failing, ${figures.profiledNeverTested} never tested.`;
  return { systemId, figures, sentence, techniques };
}

export type FindingCharts = {
  /** Per day of scan: findings with a failing result that day, by severity. */
  overTime: { date: string; critical: number; high: number; medium: number; low: number; info: number }[];
  openByOwasp: { owaspId: string; count: number }[];
  /** Attack success rate per test across runs (imports) of the same target; the tests with the highest rates. */
  attackSuccess: { key: string; tool: string; testId: string; detector: string; target: string; points: { importId: string; date: string; rate: number }[] }[];
  topFailing: { findingId: string; title: string; tool: string; systemName: string; severity: string; rate: number | null; failingRuns: number }[];
  openByTechnique: { techniqueId: string; count: number }[];
};

/** The findings charts of one system, or of the organisation when systemId is null. */
export async function loadFindingCharts(client: Tx, ctx: ServiceContext, systemId: string | null): Promise<FindingCharts> {
  const system = systemId ? Prisma.sql`AND t."systemId" = ${systemId}` : Prisma.empty;
  const findingSystem = systemId ? Prisma.sql`AND "systemId" = ${systemId}` : Prisma.empty;
  const [overTime, owasp, techniques, series, top] = await Promise.all([
    client.$queryRaw<{ date: string; severity: string; count: number }[]>`
      SELECT to_char(date_trunc('day', i."completedAt"), 'YYYY-MM-DD') AS date, f.severity, count(DISTINCT f.id)::int AS count
      FROM "TestResult" t JOIN "FindingImport" i ON i.id = t."importId" JOIN "Finding" f ON f.id = t."findingId"
      WHERE t."orgId" = ${ctx.orgId} ${system} AND i.status = 'completed'
        AND NOT t.suppressed AND (t.failed > 0 OR (t.failed IS NULL AND t.score < 1))
      GROUP BY 1, 2 ORDER BY 1`,
    client.$queryRaw<{ id: string; count: number }[]>`
      SELECT unnest("owaspIds") AS id, count(*)::int AS count FROM "Finding"
      WHERE "orgId" = ${ctx.orgId} ${findingSystem} AND status IN ('open', 'triaged') GROUP BY 1 ORDER BY 2 DESC, 1`,
    client.$queryRaw<{ id: string; count: number }[]>`
      SELECT unnest("techniqueIds") AS id, count(*)::int AS count FROM "Finding"
      WHERE "orgId" = ${ctx.orgId} ${findingSystem} AND status IN ('open', 'triaged') GROUP BY 1 ORDER BY 2 DESC, 1`,
    client.$queryRaw<{ tool: string; testId: string; detector: string; target: string; importId: string; date: Date; failed: number; evaluated: number }[]>`
      WITH top AS (
        SELECT "findingId" FROM "TestResult" t
        WHERE t."orgId" = ${ctx.orgId} ${system} AND t."findingId" IS NOT NULL AND t.evaluated > 0 AND NOT t.suppressed
        GROUP BY "findingId" ORDER BY max(t.failed::float / t.evaluated) DESC, "findingId" LIMIT 8
      )
      SELECT t.tool, t."testId", t.detector, coalesce(i."targetName", i."targetType", '') AS target, i.id AS "importId", i."completedAt" AS date,
             sum(t.failed)::int AS failed, sum(t.evaluated)::int AS evaluated
      FROM "TestResult" t JOIN "FindingImport" i ON i.id = t."importId"
      WHERE t."findingId" IN (SELECT "findingId" FROM top) AND t.evaluated > 0 AND NOT t.suppressed AND i.status = 'completed'
      GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 6`,
    client.$queryRaw<{ id: string; title: string; tool: string; systemName: string; severity: string; rate: number | null; failingRuns: number }[]>`
      SELECT f.id, f.title, f.tool, s.name AS "systemName", f.severity, f."lastAttackSuccessRate" AS rate,
             (SELECT count(DISTINCT t."importId")::int FROM "TestResult" t
              WHERE t."findingId" = f.id AND NOT t.suppressed AND (t.failed > 0 OR (t.failed IS NULL AND t.score < 1))) AS "failingRuns"
      FROM "Finding" f JOIN "AISystem" s ON s.id = f."systemId"
      WHERE f."orgId" = ${ctx.orgId} ${systemId ? Prisma.sql`AND f."systemId" = ${systemId}` : Prisma.empty} AND f.status IN ('open', 'triaged')
      ORDER BY f."severityRank" DESC, f."lastAttackSuccessRate" DESC NULLS LAST, f.id LIMIT 10`,
  ]);
  const days = new Map<string, FindingCharts["overTime"][number]>();
  for (const row of overTime) {
    const day = days.get(row.date) ?? { date: row.date, critical: 0, high: 0, medium: 0, low: 0, info: 0 };
    if (row.severity in day) day[row.severity as Severity] += row.count;
    days.set(row.date, day);
  }
  const bySeries = new Map<string, FindingCharts["attackSuccess"][number]>();
  for (const row of series) {
    const key = JSON.stringify([row.tool, row.testId, row.detector, row.target]);
    const entry = bySeries.get(key) ?? { key, tool: row.tool, testId: row.testId, detector: row.detector, target: row.target, points: [] };
    entry.points.push({ importId: row.importId, date: row.date.toISOString(), rate: row.evaluated ? row.failed / row.evaluated : 0 });
    bySeries.set(key, entry);
  }
  return {
    overTime: [...days.values()],
    openByOwasp: owasp.map((row) => ({ owaspId: row.id, count: row.count })),
    attackSuccess: [...bySeries.values()],
    topFailing: top.map((row) => ({
      findingId: row.id,
      title: row.title,
      tool: row.tool,
      systemName: row.systemName,
      severity: row.severity,
      rate: row.rate,
      failingRuns: row.failingRuns,
    })),
    openByTechnique: techniques.map((row) => ({ techniqueId: row.id, count: row.count })),
  };
}

export type FindingImportRow = ImportSummary & {
  id: string;
  fileName: string;
  uploadedByLabel: string;
  createdAt: string;
  completedAt: string | null;
};

/** The latest imports of a system (or of the organisation), newest first. */
export async function loadImportRows(client: Tx, ctx: ServiceContext, systemId: string | null, take = 20): Promise<FindingImportRow[]> {
  const rows = await client.findingImport.findMany({
    where: { orgId: ctx.orgId, ...(systemId ? { systemId } : {}) },
    select: { ...importSummarySelect, fileName: true, uploadedByLabel: true, createdAt: true, completedAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
  return rows.map((row) => ({
    ...toImportSummary(row),
    id: row.id,
    fileName: row.fileName,
    uploadedByLabel: row.uploadedByLabel,
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
  }));
}
