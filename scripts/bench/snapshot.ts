// A private production build of the working tree for scripts/bench-threats.ts. Unlike snapshotBuild
// (scripts/bench/server.ts, tracked files only), this copies the working tree as it is on disk,
// untracked files included, so work not yet committed is what gets measured. The shared .next in the
// repository is never touched.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SnapshotBuild } from "./server";

// Not needed to build or serve the app. Tests (tests/, e2e/, *.test.ts) and scripts/ are left out
// because `next build` type-checks every .ts file it finds, and a half-written test or script in
// someone's working tree should not stop the benchmark; app/, lib/ and components/ import none of them.
const EXCLUDE = ["/node_modules", "/.next", "/.data", "/.git", "/bench-results", "/test-results", "/playwright-report", "/tests", "/e2e", "/scripts", "/docs", "/*.tsbuildinfo", "*.test.ts", "*.test.tsx"];

export function snapshotWorkingTree(root = process.cwd()): SnapshotBuild {
  const cwd = mkdtempSync(join(tmpdir(), "aigov-bench-threats-"));
  const remove = () => rmSync(cwd, { recursive: true, force: true });
  try {
    execFileSync("rsync", ["-a", ...EXCLUDE.flatMap((e) => ["--exclude", e]), `${root}/`, `${cwd}/`]);
    // hard links, not a copy (and not a symlink: Turbopack refuses a symlinked node_modules)
    execFileSync("cp", ["-al", join(root, "node_modules"), join(cwd, "node_modules")]);
    for (const cache of [".vite", ".vite-temp", ".cache"]) rmSync(join(cwd, "node_modules", cache), { recursive: true, force: true });
    const head = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).stdout.trim();
    const dirty = spawnSync("git", ["status", "--porcelain"], { cwd: root, encoding: "utf8" }).stdout.split("\n").filter(Boolean).length;
    console.log(`  building a copy of the working tree (HEAD ${head}, ${dirty} changed/untracked paths) in ${cwd}; the shared .next is not touched`);
    const t0 = performance.now();
    const r = spawnSync("npx", ["next", "build"], { cwd, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`next build of the working-tree copy failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
    console.log(`  built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const idFile = join(cwd, ".next/BUILD_ID");
    return { buildId: readFileSync(idFile, "utf8").trim(), builtAt: new Date(statSync(idFile).mtimeMs).toISOString(), builtByBench: true, staleSource: null, cwd, remove };
  } catch (e) {
    remove();
    throw e;
  }
}
