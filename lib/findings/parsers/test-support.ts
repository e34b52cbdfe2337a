import { createReadStream } from "node:fs";
import { ParseRejection } from "./errors";
import {
  EVIDENCE_MAX_CHARS,
  EVIDENCE_MAX_EXCERPTS,
  SEVERITIES,
  type ByteSource,
  type FindingsParser,
  type ParsedRecord,
  type ParsedRun,
  type ParsedTestResult,
} from "./types";

/** Bytes in chunks of `chunkSize` (a small size splits tokens, lines and UTF-8 sequences across chunks). */
export async function* chunked(input: string | Uint8Array, chunkSize = 7): AsyncGenerator<Uint8Array> {
  const bytes = typeof input === "string" ? Buffer.from(input, "utf8") : Buffer.from(input);
  for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
}

export async function collect(parser: FindingsParser, source: ByteSource): Promise<{ runs: ParsedRun[]; results: ParsedTestResult[] }> {
  const records: ParsedRecord[] = [];
  for await (const record of parser(source)) records.push(record);
  return { runs: records.flatMap((r) => (r.kind === "run" ? [r.run] : [])), results: records.flatMap((r) => (r.kind === "result" ? [r.result] : [])) };
}

export function fromFile(path: string): ByteSource {
  return createReadStream(path, { highWaterMark: 1024 });
}

/** Parses and returns the rejection, failing when the parser accepts the input or throws anything else. */
export async function rejection(parser: FindingsParser, input: string): Promise<ParseRejection> {
  try {
    await collect(parser, chunked(input));
  } catch (error) {
    if (error instanceof ParseRejection) return error;
    throw error;
  }
  throw new Error("the parser accepted the input");
}

/** The invariants every record satisfies; returns a description of the first broken one, or null. */
export function invalidRecord(record: ParsedRecord): string | null {
  const location = record.kind === "run" ? record.run.location : record.result.location;
  if ("line" in location ? !(Number.isInteger(location.line) && location.line >= 1) : !location.jsonPath.startsWith("$")) return "bad location";
  if (record.kind === "run") return typeof record.run.tool === "string" && record.run.tool.length > 0 ? null : "run without tool";
  const r = record.result;
  if (!r.testId || !r.tool) return "result without test or tool";
  if ((r.evaluated === null) !== (r.failed === null)) return "evaluated and failed disagree on null";
  if (r.evaluated !== null && r.failed !== null) {
    if (!Number.isInteger(r.evaluated) || !Number.isInteger(r.failed) || r.failed < 0 || r.failed > r.evaluated) return "bad counts";
  }
  if (r.severity !== null && !(SEVERITIES as readonly string[]).includes(r.severity)) return "bad severity";
  if (r.score !== null && !(r.score >= 0 && r.score <= 1)) return "bad score";
  if (r.evidence.length > EVIDENCE_MAX_EXCERPTS) return "too many excerpts";
  for (const e of r.evidence) {
    if (e.possiblyHarmful !== true) return "evidence not flagged";
    if ((e.prompt?.length ?? 0) > EVIDENCE_MAX_CHARS || (e.output?.length ?? 0) > EVIDENCE_MAX_CHARS) return "evidence not truncated";
  }
  if (!r.tags.every((t) => typeof t === "string")) return "bad tags";
  return null;
}
