import { execFile } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// A smoke run of `npm run bench:ingest` at a small size, so CI checks that the benchmark still runs (it writes a
// synthetic garak report, imports it through importFindings on its own scratch database, and measures the COPY and
// JSON.parse floors) without running it at full size.

const ROOT = path.resolve(import.meta.dirname, "../..");
const TIMEOUT_MS = 240_000;

function runBench(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile("npx", ["tsx", "scripts/bench-ingest.ts", ...args], { cwd: ROOT, env: process.env, timeout: TIMEOUT_MS }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

describe("npm run bench:ingest", () => {
  it(
    "--lines 2000 --json imports the synthetic report and prints the figures as JSON on the last line",
    async () => {
      const run = await runBench(["--lines", "2000", "--json"]);
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
      const lines = run.stdout.trimEnd().split("\n");
      const result = JSON.parse(lines[lines.length - 1]) as Record<string, unknown>;
      for (const key of ["recordsPerSecond", "copyRecordsPerSecond", "parseRecordsPerSecond", "peakRssMb"]) {
        expect(typeof result[key], key).toBe("number");
        expect(result[key] as number, key).toBeGreaterThan(0);
      }
      // about 2,000 lines: 200 probes × 2 detectors, each attempt logged twice
      expect(result.lines).toBeGreaterThanOrEqual(1995);
      expect(result.lines).toBeLessThanOrEqual(2000);
      expect(result).toMatchObject({ evals: 400, summary: { status: "completed", results: 400, duplicate: false } });
      expect(run.stdout).toMatch(/import ≥ 50 % of the COPY rate: \d+ % .*(PASS|FAIL)/);
      expect(run.stdout).toMatch(/peak RSS during the import < 256 MB: [\d.]+ MB +(PASS|FAIL)/);
      // the temporary report is removed; the raw results file is written
      const report = run.stdout.match(/ (\/\S+\/bench\.report\.jsonl):/)?.[1];
      expect(report && existsSync(report)).toBe(false);
      const raw = run.stdout.match(/raw results: (\S+)/)?.[1];
      expect(raw).toBeTruthy();
      const file = path.join(ROOT, raw!);
      expect(JSON.parse(readFileSync(file, "utf8")).benchmark).toBe("ingest");
      rmSync(file);
    },
    TIMEOUT_MS + 10_000,
  );
});
