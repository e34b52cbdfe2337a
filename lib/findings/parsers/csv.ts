import { parse } from "csv-parse";
import { ParseRejection } from "./errors";
import { capText, excerpt, stringTags, toReadable } from "./read";
import { SEVERITIES, type ByteSource, type ParsedRecord, type Severity } from "./types";

const FORMAT = "csv" as const;
const MAX_RECORD_CHARS = 1_000_000;

/**
 * The CSV column set for tools we don't parse (header row required; names as here, any order; unknown
 * columns are rejected so a misspelt one is not silently lost). One row = one test result.
 */
export const CSV_COLUMNS = {
  tool: "required: the scanner's name",
  test_id: "required: the test (probe, plugin, rule)",
  evaluated: "required: outputs evaluated, a whole number ≥ 0",
  failed: "required: outputs that failed, a whole number ≤ evaluated",
  detector: "optional: detector or strategy",
  severity: "optional: critical, high, medium, low or info",
  tags: "optional: the tool's tags, separated by semicolons",
  suppressed: "optional: true or false (default false)",
  message: "optional: short text",
  artifact: "optional: what the result points at (file, endpoint)",
  confidence_lower: "optional: lower bound of the failure rate, 0–1 (with confidence_upper)",
  confidence_upper: "optional: upper bound of the failure rate, 0–1",
  score: "optional: the tool's pass score, 0–1",
  tool_version: "optional (run, read from the first row)",
  target_type: "optional (run, read from the first row)",
  target_name: "optional (run, read from the first row)",
  run_id: "optional (run, read from the first row)",
  started_at: "optional (run, read from the first row), ISO 8601",
  prompt: "optional: evidence, kept truncated and flagged as possibly harmful",
  output: "optional: evidence, kept truncated and flagged as possibly harmful",
} as const;
export type CsvColumn = keyof typeof CSV_COLUMNS;
const REQUIRED: CsvColumn[] = ["tool", "test_id", "evaluated", "failed"];

function wholeNumber(value: string, column: string, line: number): number {
  if (!/^\d{1,15}$/.test(value.trim())) throw new ParseRejection(FORMAT, { line }, `${column} "${capText(value, 40)}" is not a whole number ≥ 0`);
  return Number(value.trim());
}

function fraction(value: string | undefined, column: string, line: number): number | null {
  if (value === undefined || value.trim() === "") return null;
  const n = Number(value.trim());
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new ParseRejection(FORMAT, { line }, `${column} "${capText(value, 40)}" is not a number between 0 and 1`);
  return n;
}

/** CSV with the `CSV_COLUMNS` header (csv-parse, streaming). Rejections name the line where the row starts. */
export async function* parseCsv(source: ByteSource): AsyncGenerator<ParsedRecord, void, undefined> {
  let columns: string[] | null = null;
  let runYielded = false;
  const parser = toReadable(source).pipe(
    parse({
      bom: true,
      record_delimiter: ["\r\n", "\n", "\r"],
      skip_empty_lines: true,
      relax_column_count: false,
      max_record_size: MAX_RECORD_CHARS,
      info: true,
      trim: false,
    }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      // csv-parse counts lines to the end of the record; a quoted field may span several
      const line = Math.max(1, info.lines - record.reduce((n, field) => n + (field.match(/\r\n|\n|\r/g)?.length ?? 0), 0));
      if (!columns) {
        const names = record.map((name) => name.trim().toLowerCase());
        for (const name of names) {
          if (!(name in CSV_COLUMNS)) throw new ParseRejection(FORMAT, { line }, `unknown column "${capText(name, 60)}"`);
          if (names.indexOf(name) !== names.lastIndexOf(name)) throw new ParseRejection(FORMAT, { line }, `column "${name}" appears twice`);
        }
        const missing = REQUIRED.filter((name) => !names.includes(name));
        if (missing.length) throw new ParseRejection(FORMAT, { line }, `missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`);
        columns = names;
        continue;
      }
      const row: Partial<Record<CsvColumn, string>> = {};
      columns.forEach((name, i) => (row[name as CsvColumn] = record[i]));
      const tool = capText(row.tool?.trim(), 200);
      const testId = capText(row.test_id?.trim(), 200);
      if (!tool) throw new ParseRejection(FORMAT, { line }, "tool is empty");
      if (!testId) throw new ParseRejection(FORMAT, { line }, "test_id is empty");
      const evaluated = wholeNumber(row.evaluated ?? "", "evaluated", line);
      const failed = wholeNumber(row.failed ?? "", "failed", line);
      if (failed > evaluated) throw new ParseRejection(FORMAT, { line }, `failed (${failed}) exceeds evaluated (${evaluated})`);
      const severityText = (row.severity ?? "").trim().toLowerCase();
      if (severityText && !(SEVERITIES as readonly string[]).includes(severityText))
        throw new ParseRejection(FORMAT, { line }, `severity "${capText(severityText, 40)}" is not one of ${SEVERITIES.join(", ")}`);
      const suppressedText = (row.suppressed ?? "").trim().toLowerCase();
      if (!["", "true", "false"].includes(suppressedText)) throw new ParseRejection(FORMAT, { line }, "suppressed is not true or false");
      const lower = fraction(row.confidence_lower, "confidence_lower", line);
      const upper = fraction(row.confidence_upper, "confidence_upper", line);
      if ((lower === null) !== (upper === null)) throw new ParseRejection(FORMAT, { line }, "confidence_lower and confidence_upper go together");
      if (lower !== null && upper !== null && lower > upper) throw new ParseRejection(FORMAT, { line }, "confidence_lower exceeds confidence_upper");
      if (!runYielded) {
        runYielded = true;
        yield {
          kind: "run",
          run: {
            index: 0,
            tool,
            toolVersion: capText(row.tool_version?.trim(), 100),
            targetType: capText(row.target_type?.trim(), 200),
            targetName: capText(row.target_name?.trim(), 300),
            runId: capText(row.run_id?.trim(), 200),
            startedAt: capText(row.started_at?.trim(), 100),
            location: { line },
          },
        };
      }
      const evidence = excerpt(row.prompt || null, row.output || null);
      yield {
        kind: "result",
        result: {
          runIndex: 0,
          tool,
          testId,
          detector: capText(row.detector?.trim(), 200),
          evaluated,
          failed,
          score: fraction(row.score, "score", line),
          confidence: lower !== null && upper !== null ? { lower, upper, level: null, method: null } : null,
          severity: (severityText || null) as Severity | null,
          tags: stringTags((row.tags ?? "").split(";").map((t) => t.trim())),
          suppressed: suppressedText === "true",
          message: capText(row.message),
          artifact: capText(row.artifact?.trim(), 500),
          location: { line },
          evidence: evidence ? [evidence] : [],
        },
      };
    }
  } catch (error) {
    if (error instanceof ParseRejection) throw error;
    const lines = typeof error === "object" && error !== null && "lines" in error && typeof error.lines === "number" ? error.lines : 1;
    const reason = error instanceof Error ? error.message.replace(/^Invalid Record Length: /, "") : "unreadable CSV";
    throw new ParseRejection(FORMAT, { line: Math.max(1, lines) }, `invalid CSV (${capText(reason, 200)})`);
  } finally {
    parser.destroy();
  }
  if (!columns) throw new ParseRejection(FORMAT, { line: 1 }, `no header row (columns: ${Object.keys(CSV_COLUMNS).join(", ")})`);
}
