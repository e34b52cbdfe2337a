import { parseCsv } from "./csv";
import { ParseRejection } from "./errors";
import { parseGarakDigest } from "./garak-digest";
import { parseGarakReport } from "./garak-report";
import { parseModelScan } from "./modelscan";
import { parsePromptfoo } from "./promptfoo";
import { parseSarif } from "./sarif";
import type { ByteSource, FindingsFormat, FindingsParser, ParsedRecord } from "./types";

/** How much of the file detection reads. */
export const DETECT_HEAD_BYTES = 64 * 1024;

export const PARSERS: Record<FindingsFormat, FindingsParser> = {
  garak: parseGarakReport,
  "garak-digest": parseGarakDigest,
  promptfoo: parsePromptfoo,
  modelscan: parseModelScan,
  sarif: parseSarif,
  csv: parseCsv,
};

const GARAK_ENTRY = /^\{\s*"entry_type"\s*:\s*"(start_run setup|init|attempt|eval|completion)"/;

/**
 * The format of a file from its first bytes (up to DETECT_HEAD_BYTES, decoded as UTF-8), or null. JSON formats
 * are told apart by keys that only they write near the start: garak's `entry_type` on the first line, SARIF's
 * `$schema`/`"version": "2.1.0"` with `runs`, ModelScan's `modelscan_version`/`issues_by_severity`, promptfoo's
 * `evalId`/`promptfooVersion`; CSV by a header naming the required columns.
 */
export function detectFormat(head: string): FindingsFormat | null {
  const text = head.replace(/^\uFEFF/, "").trimStart();
  const firstLine = text.split(/\r?\n/, 1)[0];
  if (text.startsWith("{")) {
    if (GARAK_ENTRY.test(firstLine)) return "garak";
    if (/^\{\s*"entry_type"\s*:\s*"digest"/.test(text)) return /\n\s*\{\s*"entry_type"\s*:/.test(text) ? "garak" : "garak-digest";
    if (/"\$schema"\s*:\s*"[^"]*sarif/i.test(text) || (/"version"\s*:\s*"2\.1\.0"/.test(text) && /"runs"\s*:/.test(text))) return "sarif";
    if (/"(modelscan_version|issues_by_severity|total_issues_by_severity)"\s*:/.test(text)) return "modelscan";
    if (/"(evalId|promptfooVersion)"\s*:/.test(text) || /^\{\s*"results"\s*:\s*\{\s*"version"\s*:\s*3\b/.test(text)) return "promptfoo";
    if (/"entry_type"\s*:\s*"(start_run setup|init|attempt|eval|completion|digest)"/.test(text)) return "garak";
    return null;
  }
  const header = firstLine.toLowerCase();
  if (/(^|,)\s*"?tool"?\s*(,|$)/.test(header) && /(^|,)\s*"?test_id"?\s*(,|$)/.test(header)) return "csv";
  return null;
}

/** Reads the head of `source`, detects its format and returns a source that replays the head, then the rest. */
export async function sniffFormat(source: ByteSource): Promise<{ format: FindingsFormat | null; source: ByteSource }> {
  const iterator = source[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let bytes = 0;
  let done = false;
  while (bytes < DETECT_HEAD_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = typeof next.value === "string" ? Buffer.from(next.value, "utf8") : next.value;
    head.push(chunk);
    bytes += chunk.byteLength;
  }
  const text = Buffer.concat(head).subarray(0, DETECT_HEAD_BYTES).toString("utf8");
  async function* replay(): AsyncGenerator<Uint8Array> {
    yield* head;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield typeof next.value === "string" ? Buffer.from(next.value, "utf8") : next.value;
    }
  }
  return { format: detectFormat(text), source: replay() };
}

/**
 * Parses a findings file: `format` "auto" detects it from the first bytes (a file that matches none is a
 * rejection at line 1), else the named parser reads it as that format.
 */
export async function* parseFindings(source: ByteSource, format: FindingsFormat | "auto" = "auto"): AsyncGenerator<ParsedRecord, void, undefined> {
  if (format !== "auto") {
    yield* PARSERS[format](source);
    return;
  }
  const sniffed = await sniffFormat(source);
  if (!sniffed.format)
    throw new ParseRejection(
      null,
      { line: 1 },
      "unrecognised format (expected a garak report or digest, a promptfoo export, a ModelScan or SARIF report, or CSV)",
    );
  yield* PARSERS[sniffed.format](sniffed.source);
}
