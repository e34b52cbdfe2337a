import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv";
import { parseFindings } from "./detect-format";
import { ParseRejection } from "./errors";
import { parseGarakDigest } from "./garak-digest";
import { parseGarakReport } from "./garak-report";
import { parseModelScan } from "./modelscan";
import { parsePromptfoo } from "./promptfoo";
import { parseSarif } from "./sarif";
import { chunked, invalidRecord } from "./test-support";
import type { FindingsParser, ParsedRecord } from "./types";

/**
 * Property: whatever the bytes, a parser either yields records that hold the invariants (invalidRecord) or
 * rejects the file with a ParseRejection at a line or JSON path; any other exception is a bug.
 * ≥ 1,000 cases per parser by default; FUZZ_RUNS raises it (`npm run fuzz`: 10,000).
 */
const RUNS = Number(process.env.FUZZ_RUNS) > 0 ? Number(process.env.FUZZ_RUNS) : 1000;
const TIMEOUT = Math.max(60_000, RUNS * 60);

async function outcome(
  parser: (source: AsyncIterable<Uint8Array>) => AsyncGenerator<ParsedRecord>,
  bytes: Uint8Array,
  chunkSize: number,
): Promise<string | null> {
  try {
    for await (const record of parser(chunked(bytes, chunkSize))) {
      const broken = invalidRecord(record);
      if (broken) return `invalid record (${broken}): ${JSON.stringify(record)}`;
    }
    return null;
  } catch (error) {
    if (!(error instanceof ParseRejection)) return `unexpected exception: ${error instanceof Error ? error.stack : String(error)}`;
    const { location } = error;
    const located = "line" in location ? Number.isInteger(location.line) && location.line >= 1 : location.jsonPath.startsWith("$");
    return located ? null : `rejection without a location: ${JSON.stringify(location)}`;
  }
}

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, "utf8"));

/** Edits a valid seed: cut it, delete or duplicate a slice, insert text or a JSON value, flip a byte. */
function mutated(seeds: string[]): fc.Arbitrary<Uint8Array> {
  const fragment = fc.oneof(
    fc.constantFrom("{", "}", "[", "]", ",", ":", '"', "\\", "\n", "\r\n", "null", "-1", "1e999", "true", '"x"', "\uFEFF", "\u0000", "é", "\ud83d"),
    fc.string({ maxLength: 8 }),
    fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
  );
  const edit = fc.oneof(
    fc.record({ kind: fc.constant("cut" as const), at: fc.nat() }),
    fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }),
    fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fragment }),
    fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ kind: fc.constant("byte" as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  );
  return fc.tuple(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 4 })).map(([seed, edits]) => {
    let bytes = Buffer.from(seed, "utf8");
    for (const e of edits) {
      const at = bytes.length === 0 ? 0 : e.at % (bytes.length + 1);
      if (e.kind === "cut") bytes = bytes.subarray(0, at);
      else if (e.kind === "delete") bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + e.length)]);
      else if (e.kind === "insert") bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(e.text, "utf8"), bytes.subarray(at)]);
      else if (e.kind === "duplicate") bytes = Buffer.concat([bytes.subarray(0, at + e.length), bytes.subarray(at)]);
      else if (at < bytes.length) {
        bytes = Buffer.from(bytes);
        bytes[at] = e.value;
      }
    }
    return new Uint8Array(bytes);
  });
}

const anyValue = fc.jsonValue({ maxDepth: 3 });

const garakLine = fc.oneof(
  fc.record({
    entry_type: fc.constantFrom("start_run setup", "init", "completion", "digest", "other"),
    "_config.version": anyValue,
    run: anyValue,
    meta: anyValue,
  }),
  fc.record({
    entry_type: fc.constant("attempt"),
    status: fc.oneof(fc.constantFrom(1, 2), anyValue),
    probe_classname: fc.oneof(fc.constant("dan.Dan"), anyValue),
    prompt: fc.oneof(fc.string(), anyValue),
    outputs: fc.array(fc.oneof(fc.record({ text: fc.string() }), anyValue), { maxLength: 3 }),
    detector_results: fc.oneof(
      fc.dictionary(fc.constantFrom("d.A", "d.B"), fc.array(fc.oneof(fc.double({ min: 0, max: 1 }), anyValue), { maxLength: 3 })),
      anyValue,
    ),
  }),
  fc.record(
    {
      entry_type: fc.constant("eval"),
      probe: fc.oneof(fc.constant("dan.Dan"), anyValue),
      detector: fc.oneof(fc.constant("d.A"), anyValue),
      passed: fc.oneof(fc.nat(20), anyValue),
      total: fc.oneof(fc.nat(20), anyValue),
      total_evaluated: fc.oneof(fc.nat(20), anyValue),
      fails: fc.oneof(fc.nat(20), anyValue),
      confidence_lower: anyValue,
      confidence_upper: anyValue,
    },
    { requiredKeys: ["entry_type"] },
  ),
);

const CASES: { name: string; parser: FindingsParser; seeds: string[]; structured: fc.Arbitrary<string> }[] = [
  {
    name: "garak report.jsonl",
    parser: parseGarakReport,
    seeds: [
      [
        { entry_type: "start_run setup", "_config.version": "0.14.0", "plugins.target_type": "openai", "plugins.target_name": "gpt", "transient.run_id": "r1" },
        { entry_type: "attempt", status: 1, probe_classname: "dan.Dan", prompt: "hi", outputs: ["x"], detector_results: {} },
        { entry_type: "attempt", status: 2, probe_classname: "dan.Dan", prompt: "hi", outputs: ["x"], detector_results: { "dan.DAN": [1] } },
        { entry_type: "eval", probe: "dan.Dan", detector: "dan.DAN", passed: 0, total: 1 },
        {
          entry_type: "eval",
          probe: "dan.Dan",
          detector: "d.B",
          passed: 3,
          fails: 1,
          nones: 0,
          total_evaluated: 4,
          total_processed: 4,
          confidence_lower: 0.1,
          confidence_upper: 0.4,
        },
        { entry_type: "completion", run: "r1" },
      ]
        .map((l) => JSON.stringify(l))
        .join("\n"),
    ],
    structured: fc.array(garakLine, { maxLength: 6 }).map((lines) => lines.map((l) => JSON.stringify(l)).join("\n")),
  },
  {
    name: "garak digest",
    parser: parseGarakDigest,
    seeds: [
      JSON.stringify({
        entry_type: "digest",
        meta: { garak_version: "0.14.0", run_uuid: "u", setup: { "plugins.target_type": "t" } },
        eval: {
          dan: {
            _summary: { group: "dan" },
            "dan.Dan": {
              _summary: { probe_name: "dan.Dan", probe_tags: ["owasp:llm01"] },
              "dan.DAN": { absolute_score: 0.5, detector_defcon: 2, total_evaluated: 4, passed: 2 },
            },
          },
        },
      }),
    ],
    structured: fc
      .record({
        entry_type: fc.oneof(fc.constant("digest"), anyValue),
        meta: anyValue,
        eval: fc.dictionary(fc.string({ maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 4 }), anyValue)),
      })
      .map((d) => JSON.stringify(d)),
  },
  {
    name: "promptfoo",
    parser: parsePromptfoo,
    seeds: [
      JSON.stringify({
        evalId: "e1",
        results: {
          version: 3,
          timestamp: "2025-01-01T00:00:00Z",
          results: [
            {
              success: false,
              score: 0,
              failureReason: 1,
              provider: { id: "openai:gpt" },
              prompt: { raw: "p" },
              response: { output: "o" },
              metadata: { pluginId: "harmful:hate", strategyId: "jailbreak", severity: "high" },
              gradingResult: { reason: "bad" },
            },
            { success: true, score: 1, provider: "openai:gpt", testIdx: 1 },
          ],
        },
        metadata: { promptfooVersion: "0.120.0" },
      }),
    ],
    structured: fc
      .record({
        evalId: anyValue,
        results: fc.record({
          version: fc.oneof(fc.constant(3), anyValue),
          results: fc.array(
            fc.oneof(fc.record({ success: fc.boolean(), score: anyValue, metadata: anyValue, provider: anyValue, response: anyValue }), anyValue),
            { maxLength: 4 },
          ),
        }),
      })
      .map((d) => JSON.stringify(d)),
  },
  {
    name: "ModelScan",
    parser: parseModelScan,
    seeds: [
      JSON.stringify({
        summary: { total_issues: 1, modelscan_version: "0.7.3" },
        issues: [{ description: "d", operator: "system", module: "posix", source: "m.pkl", scanner: "s", severity: "CRITICAL" }],
        errors: [],
      }),
      JSON.stringify({
        modelscan_version: "0.5.0",
        total_issues: 1,
        issues_by_severity: { HIGH: [{ operator: "ReadFile", module: "Tensorflow", scanner: "s" }] },
      }),
    ],
    structured: fc
      .record({
        summary: anyValue,
        issues: fc.array(
          fc.oneof(fc.record({ operator: anyValue, scanner: anyValue, severity: fc.oneof(fc.constantFrom("LOW", "HIGH"), anyValue) }), anyValue),
          { maxLength: 4 },
        ),
      })
      .map((d) => JSON.stringify(d)),
  },
  {
    name: "SARIF",
    parser: parseSarif,
    seeds: [
      JSON.stringify({
        version: "2.1.0",
        runs: [
          {
            tool: {
              driver: { name: "t", rules: [{ id: "R1", properties: { tags: ["a"], "security-severity": "8.0" }, messageStrings: { m: { text: "{0} bad" } } }] },
            },
            results: [
              {
                ruleIndex: 0,
                message: { id: "m", arguments: ["x"] },
                suppressions: [{ kind: "external", status: "accepted" }],
                locations: [{ physicalLocation: { artifactLocation: { uri: "a.py" }, region: { startLine: 3 } } }],
              },
              { ruleId: "R2", level: "note", kind: "pass" },
            ],
          },
        ],
      }),
    ],
    structured: fc
      .record({
        version: fc.oneof(fc.constant("2.1.0"), anyValue),
        runs: fc.array(
          fc.record({
            tool: fc.oneof(fc.record({ driver: fc.record({ name: fc.oneof(fc.constant("t"), anyValue), rules: anyValue }) }), anyValue),
            results: fc.array(
              fc.oneof(
                fc.record({ ruleId: anyValue, ruleIndex: anyValue, level: anyValue, kind: anyValue, suppressions: anyValue, message: anyValue }),
                anyValue,
              ),
              { maxLength: 3 },
            ),
          }),
          { maxLength: 3 },
        ),
      })
      .map((d) => JSON.stringify(d)),
  },
  {
    name: "CSV",
    parser: parseCsv,
    seeds: [
      'tool,test_id,evaluated,failed,severity,tags,suppressed,confidence_lower,confidence_upper,prompt\nacme,t1,10,2,high,a;b,true,0.1,0.3,"say ""hi""\nnow"\nacme,t2,1,0,,,,,,\n',
    ],
    structured: fc
      .array(
        fc.array(fc.oneof(fc.constantFrom("tool", "test_id", "evaluated", "failed", "severity", "1", "0", "high", "true", ""), fc.string({ maxLength: 6 })), {
          minLength: 1,
          maxLength: 6,
        }),
        { maxLength: 5 },
      )
      .map((rows) => rows.map((r) => r.join(",")).join("\n")),
  },
];

describe.each(CASES)("$name parser, fuzzed", ({ parser, seeds, structured }) => {
  it(
    `rejects with a location or yields valid records (${RUNS} cases)`,
    async () => {
      const input = fc.oneof(
        { weight: 4, arbitrary: mutated(seeds) },
        { weight: 3, arbitrary: structured.map(utf8) },
        { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) },
        { weight: 1, arbitrary: fc.string({ maxLength: 64 }).map(utf8) },
      );
      await fc.assert(
        fc.asyncProperty(input, fc.integer({ min: 1, max: 64 }), async (bytes, chunkSize) => {
          expect(await outcome(parser, bytes, chunkSize)).toBeNull();
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it("the seeds themselves parse", async () => {
    for (const seed of seeds) expect(await outcome(parser, utf8(seed), 5)).toBeNull();
  });
});

describe("parseFindings (auto-detection), fuzzed", () => {
  it(
    `rejects with a location or yields valid records (${RUNS} cases)`,
    async () => {
      const input = fc.oneof(mutated(CASES.flatMap((c) => c.seeds)), fc.uint8Array({ maxLength: 64 }));
      await fc.assert(
        fc.asyncProperty(input, fc.integer({ min: 1, max: 64 }), async (bytes, chunkSize) => {
          expect(await outcome((source) => parseFindings(source), bytes, chunkSize)).toBeNull();
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
