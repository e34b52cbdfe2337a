import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createTestOrg, type TestOrg } from "@/scripts/support/create-test-org";
import { auditSeq } from "@/tests/support/harness";
import { createSystem } from "@/lib/systems/create-system";
import { importFindings } from "@/lib/findings/import-findings";
import { IMPORT_FORMATS } from "@/lib/findings/schemas";

/**
 * Property of the whole ingest path (issue 7 "nothing stored from a rejected file"): whatever the bytes and the
 * format asked for, an import either completes with exactly the results it reports, or is rejected with a location
 * and leaves the database as it was (no import, result, finding or audit event). The parsers' own fuzzing (≥ 1,000
 * cases each, lib/findings/parsers/fuzz.test.ts) covers the bytes; this covers what reaches the database. Each case
 * is a transaction, so CI runs 200 (FUZZ_RUNS / 10 with `npm run fuzz`).
 */
const RUNS = Number(process.env.FUZZ_RUNS) > 0 ? Math.max(200, Math.floor(Number(process.env.FUZZ_RUNS) / 10)) : 200;
const REFERENCE = process.env.REFERENCE_DATA_DIR ?? path.resolve(process.cwd(), "../shared/reference");

const OWN_SEEDS = [
  [
    '{"entry_type": "start_run setup", "_config.version": "0.14.0", "plugins.target_name": "m"}',
    '{"entry_type": "attempt", "status": 2, "probe_classname": "dan.Dan_11_0", "prompt": "p", "outputs": ["o"], "detector_results": {"dan.DAN": [0.9]}}',
    '{"entry_type": "eval", "probe": "dan.Dan_11_0", "detector": "dan.DAN", "passed": 1, "fails": 1, "total_evaluated": 2}',
  ].join("\n"),
  "tool,test_id,evaluated,failed,severity\nacme,t1,3,1,high\nacme,t2,2,0,\n",
];

function seeds(): string[] {
  const files = ["garak/test.report.jsonl", "sarif/simple-example.sarif", "modelscan/report-0.5.0-tensorflow-fashion-mnist.json"];
  return [...OWN_SEEDS, ...files.map((file) => readFileSync(path.join(REFERENCE, file), "utf8")).filter((text) => text.length < 200_000)];
}

function mutated(seedTexts: string[]): fc.Arbitrary<Buffer> {
  const edit = fc.oneof(
    fc.record({ kind: fc.constant("cut" as const), at: fc.nat() }),
    fc.record({
      kind: fc.constant("insert" as const),
      at: fc.nat(),
      text: fc.oneof(fc.constantFrom("{", "}", "\n", '"', ",", "null", "-1", "\u0000"), fc.string({ maxLength: 6 })),
    }),
    fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 30 }) }),
    fc.record({ kind: fc.constant("none" as const), at: fc.nat() }),
  );
  return fc.tuple(fc.constantFrom(...seedTexts), fc.array(edit, { minLength: 1, maxLength: 3 })).map(([seed, edits]) => {
    let bytes = Buffer.from(seed, "utf8");
    for (const e of edits) {
      const at = bytes.length === 0 ? 0 : e.at % (bytes.length + 1);
      if (e.kind === "cut") bytes = bytes.subarray(0, at);
      else if (e.kind === "insert") bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(e.text, "utf8"), bytes.subarray(at)]);
      else if (e.kind === "delete") bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + e.length)]);
    }
    return Buffer.from(bytes);
  });
}

async function* chunks(bytes: Buffer, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

let org: TestOrg;
let systemId: string;

beforeAll(async () => {
  org = await createTestOrg("findings-fuzz");
  systemId = (await createSystem({ ctx: org.as("admin"), input: { name: "Fuzz target" } })).id;
});

async function state() {
  const [imports, results, findings, seq] = await Promise.all([
    db.findingImport.count({ where: { systemId } }),
    db.testResult.count({ where: { systemId } }),
    db.finding.findMany({ where: { systemId }, select: { id: true, version: true, status: true }, orderBy: { id: "asc" } }),
    auditSeq(org.orgId),
  ]);
  return { imports, results, findings, seq };
}

describe("importing arbitrary bytes", () => {
  it(
    "completes with what it reports, or rejects with a location and stores nothing",
    async () => {
      await fc.assert(
        fc.asyncProperty(mutated(seeds()), fc.constantFrom(...IMPORT_FORMATS), fc.integer({ min: 1, max: 4096 }), async (bytes, format, chunkSize) => {
          const before = await state();
          const summary = await importFindings({ ctx: org.as("admin"), input: { systemId, format, source: chunks(bytes, chunkSize) } });
          const after = await state();
          if (summary.status === "rejected") {
            expect(summary.importId).toBeNull();
            expect(summary.rejected).toHaveLength(1);
            expect(summary.rejected[0].location).toMatch(/^(line \d+|\$.*|\(file\))$/);
            expect(summary.rejected[0].message.length).toBeGreaterThan(0);
            expect(after).toEqual(before);
          } else if (summary.duplicate) {
            expect(after).toEqual(before);
          } else {
            expect(summary.status).toBe("completed");
            expect(after.imports).toBe(before.imports + 1);
            expect(after.results - before.results).toBe(summary.results);
            expect(after.seq).toBe(before.seq + 1);
          }
        }),
        { numRuns: RUNS },
      );
    },
    Math.max(120_000, RUNS * 500),
  );
});
