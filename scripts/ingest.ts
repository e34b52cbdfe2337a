/**
 * Imports a scanner file (garak, promptfoo, ModelScan, SARIF, CSV) on one AI system of an organisation, as the
 * system actor (audited like an upload in the app):
 *
 *   npm run ingest -- --org <slug> --system <id> [--format auto|garak|…] [--json] <file>
 *
 * The file is streamed into the same all-or-nothing import as the app's (always in this process, whatever its
 * size, up to FINDINGS_MAX_BYTES); progress goes to stderr once a second. Prints a summary, or with --json exactly
 * one JSON object (the import summary) on the last line of stdout. Exit code 0 on success (a file already imported
 * on the system included: nothing is stored then), 1 when the file is refused (nothing is stored) or the import
 * fails, 2 on a usage error (unknown option or format, missing --org, --system or file, unknown organisation or
 * system, file not found). Uses DATABASE_URL (or .env), else the embedded database: stop the app server first in
 * that case (one process per data directory).
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { runCli, UsageError } from "@/scripts/support/cli";
import { IMPORT_FORMATS, formatBytes, importSummarySchema, type ImportFormat, type ImportProgress, type ImportSummary } from "@/lib/findings/schemas";

const USAGE = `Usage: npm run ingest -- --org <slug> --system <id> [--format <format>] [--json] <file>
  <file>     the scanner's output: a garak report.jsonl or digest, a promptfoo export, a ModelScan or SARIF report, or CSV
  --org      slug of the organisation
  --system   id of the AI system the results are about
  --format   ${IMPORT_FORMATS.join(", ")} (default auto: detected from the file)
  --json     print only the import summary, as one JSON object on the last line`;

/** Exit codes: 0 imported (or already imported), 1 refused or failed, 2 a usage error. */
const EXIT_REJECTED = 1;
const EXIT_USAGE = 2;

type Args = { file: string; slug: string; systemId: string; format: ImportFormat; json: boolean };

function args(): Args {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        org: { type: "string" },
        system: { type: "string" },
        format: { type: "string" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const slug = parsed.values.org?.trim();
  if (!slug) throw new UsageError("--org <slug> is required.");
  const systemId = parsed.values.system?.trim();
  if (!systemId) throw new UsageError("--system <id> is required.");
  const format = (parsed.values.format?.trim() || "auto") as ImportFormat;
  if (!IMPORT_FORMATS.includes(format)) throw new UsageError(`Unknown format "${parsed.values.format}": use one of ${IMPORT_FORMATS.join(", ")}.`);
  if (parsed.positionals.length === 0) throw new UsageError("Name the file to import.");
  if (parsed.positionals.length > 1) throw new UsageError(`Expected one file, got ${parsed.positionals.length}: ${parsed.positionals.join(" ")}`);
  return { file: parsed.positionals[0], slug, systemId, format, json: parsed.values.json ?? false };
}

// Read .env like the app (the environment wins) before the database client is loaded.
try {
  process.loadEnvFile(".env");
} catch {
  // no .env: defaults apply
}
const { db } = await import("@/lib/db/client");
const { importFindings } = await import("@/lib/findings/import-findings");

/** Prints "12.3 MB, 45,000 records" to stderr at most once a second (over itself on a terminal). */
function progressPrinter(): { onProgress: (progress: ImportProgress) => void; done: () => void } {
  let last = 0;
  let printed = false;
  const tty = process.stderr.isTTY;
  return {
    onProgress: ({ bytes, records }) => {
      const now = Date.now();
      if (now - last < 1000) return;
      last = now;
      printed = true;
      const line = `${formatBytes(bytes)}, ${records.toLocaleString("en")} records`;
      process.stderr.write(tty ? `\r${line}\u001b[K` : `${line}\n`);
    },
    done: () => {
      if (printed && tty) process.stderr.write("\r\u001b[K");
    },
  };
}

async function main(): Promise<void> {
  const { file, slug, systemId, format, json } = args();
  const full = path.resolve(file);
  const info = await stat(full).catch(() => null);
  if (!info) throw new UsageError(`File not found: ${full}`);
  if (!info.isFile()) throw new UsageError(`Not a file: ${full}`);
  const org = await db.organization.findUnique({ where: { slug }, select: { id: true, slug: true } });
  if (!org) throw new UsageError(`No organisation with slug "${slug}".`);
  const system = await db.aISystem.findFirst({ where: { id: systemId, orgId: org.id }, select: { id: true, name: true } });
  if (!system) throw new UsageError(`No AI system with id "${systemId}" in ${org.slug}.`);

  const ctx = { orgId: org.id, actor: { type: "system" as const, label: "ingest CLI" } };
  const progress = json ? undefined : progressPrinter();
  const started = performance.now();
  let summary: ImportSummary;
  try {
    summary = await importFindings({
      ctx,
      input: { systemId: system.id, format, fileName: path.basename(full), source: createReadStream(full), onProgress: progress?.onProgress },
    });
  } finally {
    progress?.done();
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (summary.status === "rejected") process.exitCode = EXIT_REJECTED;
  if (json) {
    console.log(JSON.stringify(importSummarySchema.parse(summary)));
    return;
  }
  printSummary(summary, { file: path.basename(full), system: system.name, org: org.slug, seconds });
}

function printSummary(summary: ImportSummary, where: { file: string; system: string; org: string; seconds: string }): void {
  if (summary.status === "rejected") {
    console.error(`Refused ${where.file}: nothing was stored.`);
    for (const r of summary.rejected) console.error(`  ${r.location}: ${r.message}`);
    return;
  }
  const { opened, updated, reopened, notReproduced } = summary.findings;
  if (summary.duplicate) {
    console.log(`${where.file} was already imported on "${where.system}" (${where.org}) as import ${summary.importId}: nothing was stored.`);
  } else {
    console.log(`Imported ${where.file} on "${where.system}" (${where.org}) in ${where.seconds} s: import ${summary.importId}.`);
  }
  const tool = [summary.tool, summary.toolVersion].filter(Boolean).join(" ") || "unknown tool";
  console.log(`Format ${summary.format}, ${tool}${summary.target ? `, target ${summary.target}` : ""}.`);
  console.log(
    `${formatBytes(summary.bytes)}, sha256 ${summary.sha256}; ${summary.records.toLocaleString("en")} records, ${summary.results.toLocaleString("en")} test results.`,
  );
  console.log(
    `Findings${summary.duplicate ? " (of that import)" : ""}: ${opened} opened, ${updated} updated, ${reopened} reopened, ${notReproduced} not reproduced.`,
  );
}

let usageError = false;
await runCli(
  async () => {
    try {
      await main();
    } catch (error) {
      usageError = error instanceof UsageError;
      throw error;
    }
  },
  { usage: USAGE, failure: "the import failed.", cleanup: () => db.$disconnect() },
);
if (usageError) process.exitCode = EXIT_USAGE;
