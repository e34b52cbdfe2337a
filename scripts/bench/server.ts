// Production build + `next start` for scripts/bench-inventory.ts (same approach as scripts/run-e2e.ts).
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { createServer } from "node:net";
import { dirname, join } from "node:path";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

export async function waitForServer(url: string, timeoutMs: number, child?: ChildProcess) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode} before listening`);
    try {
      if ((await fetch(url, { redirect: "manual" })).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server at ${url} did not start within ${timeoutMs} ms`);
}

/** Other `next build` processes on this machine (the .next directory is shared with the other engineers). */
function otherNextBuilds(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ");
      if (/next(-build| build)/.test(cmd) && !cmd.includes("bench-inventory")) pids.push(Number(entry));
    } catch {
      // process ended meanwhile
    }
  }
  return pids;
}

const SOURCE_DIRS = ["app", "lib", "components", "generated"];
function newestSourceMtime(dir: string): { file: string; mtime: number } {
  let best = { file: "", mtime: 0 };
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    const cand = st.isDirectory() ? newestSourceMtime(p) : /\.(tsx?|css|js)$/.test(name) ? { file: p, mtime: st.mtimeMs } : best;
    if (cand.mtime > best.mtime) best = cand;
  }
  return best;
}

export type BuildInfo = { buildId: string; builtAt: string; builtByBench: boolean; staleSource: string | null };

/**
 * Runs `next build` when .next/BUILD_ID is missing. Waits first for a build another
 * engineer started, so two builds never write the shared .next directory at the same time.
 * Reports a source file newer than the build: the figures then do not reflect the working tree.
 */
export async function ensureBuild(): Promise<BuildInfo> {
  const idFile = ".next/BUILD_ID";
  const deadline = Date.now() + 15 * 60_000;
  for (let pids = otherNextBuilds(); pids.length > 0 && Date.now() < deadline; pids = otherNextBuilds()) {
    console.log(`  waiting for a concurrent next build (pid ${pids.join(", ")}) to finish…`);
    await new Promise((r) => setTimeout(r, 5000));
  }
  let builtByBench = false;
  if (!existsSync(idFile)) {
    console.log("  .next/BUILD_ID missing: running npx next build (about a minute on 2 cores)");
    const t0 = performance.now();
    const r = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (r.status !== 0) throw new Error(`next build failed (exit ${r.status})`);
    console.log(`  built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    builtByBench = true;
  }
  const builtAtMs = statSync(idFile).mtimeMs;
  const newestSrc = SOURCE_DIRS.filter((d) => existsSync(d))
    .map((d) => newestSourceMtime(d))
    .reduce((a, b) => (b.mtime > a.mtime ? b : a), { file: "", mtime: 0 });
  return {
    buildId: readFileSync(idFile, "utf8").trim(),
    builtAt: new Date(builtAtMs).toISOString(),
    builtByBench,
    staleSource: newestSrc.mtime > builtAtMs ? newestSrc.file : null,
  };
}

export type SnapshotBuild = BuildInfo & { cwd: string; remove: () => void };

/**
 * Builds the working tree's tracked files in a private snapshot under /tmp, leaving the shared
 * .next alone (other engineers' e2e runs serve from it). The snapshot holds the files git tracks
 * (as they are on disk now), generated/, and node_modules as hard links (no copy; Turbopack
 * refuses a symlinked node_modules).
 */
export function snapshotBuild(): SnapshotBuild {
  const cwd = mkdtempSync(join(tmpdir(), "aigov-bench-build-"));
  const remove = () => rmSync(cwd, { recursive: true, force: true });
  try {
    // Tracked files only (with their working-tree content): untracked files are other engineers'
    // half-written work more often than not, and one of them can break the type check of the build.
    const files = execFileSync("git", ["ls-files", "-c", "-z"], { encoding: "utf8", maxBuffer: 64 * 2 ** 20 }).split("\0");
    for (const f of files) {
      if (!f || f.startsWith("bench-results/") || !existsSync(f) || statSync(f).isDirectory()) continue;
      mkdirSync(join(cwd, dirname(f)), { recursive: true });
      cpSync(f, join(cwd, f), { preserveTimestamps: true });
    }
    cpSync("generated", join(cwd, "generated"), { recursive: true });
    return buildSnapshot(cwd, remove, process.cwd(), `--rebuild: building a snapshot of the working tree in ${cwd} (the shared .next is not touched)`);
  } catch (e) {
    remove();
    throw e;
  }
}

/**
 * The part both snapshots share: node_modules from `root` as hard links (no copy; Turbopack refuses
 * a symlinked node_modules), `next build` in `cwd`, and the build's id. `remove` deletes the snapshot.
 */
export function buildSnapshot(cwd: string, remove: () => void, root: string, message: string): SnapshotBuild {
  execFileSync("cp", ["-al", join(root, "node_modules"), join(cwd, "node_modules")]);
  // tool caches would otherwise be shared through the hard links
  for (const cache of [".vite", ".vite-temp", ".cache"]) rmSync(join(cwd, "node_modules", cache), { recursive: true, force: true });
  console.log(`  ${message}`);
  const t0 = performance.now();
  const r = spawnSync("npx", ["next", "build"], {
    cwd,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`next build of the snapshot in ${cwd} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  console.log(`  built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const idFile = join(cwd, ".next/BUILD_ID");
  return {
    buildId: readFileSync(idFile, "utf8").trim(),
    builtAt: new Date(statSync(idFile).mtimeMs).toISOString(),
    builtByBench: true,
    staleSource: null,
    cwd,
    remove,
  };
}

export type RunningServer = { baseURL: string; child: ChildProcess; log: () => string; stop: () => Promise<void> };

export async function startServer(env: NodeJS.ProcessEnv, port: number, cwd = process.cwd(), nodeArgs: string[] = []): Promise<RunningServer> {
  const baseURL = `http://127.0.0.1:${port}`;
  const child = spawn("node", [...nodeArgs, "node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...env, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    cwd,
  });
  let log = "";
  const keep = (b: Buffer) => {
    log = (log + b.toString()).slice(-20_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((r) => child.once("exit", () => r()));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitForServer(`${baseURL}/login`, 60_000, child);
  } catch (e) {
    await stop();
    throw new Error(`${(e as Error).message}\n--- server log ---\n${log}`, { cause: e });
  }
  return { baseURL, child, log: () => log, stop };
}
