// A private production build of the working tree for scripts/bench-threats.ts. Unlike snapshotBuild
// (scripts/bench/server.ts, tracked files only), this copies the working tree as it is on disk,
// untracked files included, so work not yet committed is what gets measured. The shared .next in the
// repository is never touched.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSnapshot, type SnapshotBuild } from "./server";

// Not needed to build or serve the app. Tests (tests/, e2e/, *.test.ts) and scripts/ are left out
// because `next build` type-checks every .ts file it finds, and a half-written test or script in
// someone's working tree should not stop the benchmark; app/, lib/ and components/ import none of them.
const EXCLUDE = [
  "/node_modules",
  "/.next",
  "/.data",
  "/.git",
  "/bench-results",
  "/test-results",
  "/playwright-report",
  "/tests",
  "/e2e",
  "/scripts",
  "/docs",
  "/*.tsbuildinfo",
  "*.test.ts",
  "*.test.tsx",
];

export function snapshotWorkingTree(root = process.cwd()): SnapshotBuild {
  const cwd = mkdtempSync(join(tmpdir(), "aigov-bench-threats-"));
  const remove = () => rmSync(cwd, { recursive: true, force: true });
  try {
    execFileSync("rsync", ["-a", ...EXCLUDE.flatMap((e) => ["--exclude", e]), `${root}/`, `${cwd}/`]);
    const head = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).stdout.trim();
    const dirty = spawnSync("git", ["status", "--porcelain"], { cwd: root, encoding: "utf8" }).stdout.split("\n").filter(Boolean).length;
    return buildSnapshot(
      cwd,
      remove,
      root,
      `building a copy of the working tree (HEAD ${head}, ${dirty} changed/untracked paths) in ${cwd}; the shared .next is not touched`,
    );
  } catch (e) {
    remove();
    throw e;
  }
}
