// The `--profile` phase shared by scripts/bench-inventory.ts and scripts/bench-threats.ts: a second
// `next start` under --cpu-prof serves only one page, and its V8 .cpuprofile is summarised by where
// the self time was spent (profilePage → summarizeProfile → printProfile).
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { checkedGet } from "./http";
import { freePort, startServer } from "./server";
import { measure } from "./stats";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

export type ProfileSummary = {
  totalMs: number;
  busyMs: number;
  byArea: { area: string; ms: number; share: number }[];
  topFunctions: { fn: string; where: string; ms: number; share: number }[];
};

/** A coarse owner of a stack frame: an npm package, a Next build chunk, node internals or V8 pseudo-frames. */
function area(url: string, fn: string): string {
  if (!url) return fn.startsWith("(") ? fn : "(native)";
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
  if (pkg === "next") {
    const sub = url.match(/next\/dist\/(compiled\/[^/]+|server\/[^/]+|[^/]+)/)?.[1] ?? "";
    return `next (${sub.replace(/\.js$/, "")})`;
  }
  if (pkg) return pkg;
  if (url.includes("/.next/server/")) return url.includes("/chunks/ssr/") ? "app bundle (.next/server/chunks/ssr)" : "app bundle (.next/server)";
  if (url.startsWith("node:")) return "node internals";
  return url.replace(/^file:\/\//, "").replace(process.cwd() + "/", "");
}

/**
 * Self time per function/area. Only samples after the last idle stretch of at least `quietMs` count:
 * the caller idles that long after start-up, so module loading and the readiness probe stay out.
 */
export function summarizeProfile(file: string, { top = 20, quietMs = 800 } = {}): ProfileSummary & { skippedMs: number } {
  const p = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  let cutoff = 0;
  let idleRun = 0;
  let skipped = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const dt = (p.timeDeltas[i] ?? 0) / 1000;
    if (byId.get(p.samples[i])!.callFrame.functionName === "(idle)") idleRun += dt;
    else {
      if (idleRun >= quietMs) cutoff = i;
      idleRun = 0;
    }
  }
  const self = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++) {
    const dt = (p.timeDeltas[i] ?? 0) / 1000;
    if (i < cutoff) skipped += dt;
    else self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + dt);
  }
  const areas = new Map<string, number>();
  const fns = new Map<string, { where: string; ms: number }>();
  let total = 0;
  let idle = 0;
  for (const [id, t] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    total += t;
    if (functionName === "(idle)") {
      idle += t;
      continue;
    }
    const a = area(url, functionName);
    areas.set(a, (areas.get(a) ?? 0) + t);
    const key = `${functionName || "(anonymous)"} ${url}:${lineNumber}`;
    const cur = fns.get(key) ?? { where: `${a}:${lineNumber + 1}`, ms: 0 };
    cur.ms += t;
    fns.set(key, cur);
  }
  const busy = total - idle;
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    skippedMs: r(skipped),
    totalMs: r(total),
    busyMs: r(busy),
    byArea: [...areas]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([a, ms]) => ({ area: a, ms: r(ms), share: r((100 * ms) / busy) })),
    topFunctions: [...fns]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, top)
      .map(([k, v]) => ({ fn: k.split(" ")[0], where: v.where, ms: r(v.ms), share: r((100 * v.ms) / busy) })),
  };
}

export type PageProfile = ProfileSummary & { skippedMs: number; file: string; requests: number };

/**
 * CPU-profiles `next start` (a second server on the same build, database and secret, so `cookie` stays
 * valid) while it serves only `path`, warmup + runs times after an idle gap that keeps start-up out of the
 * summary; prints the summary and returns it, or null when no profile was written.
 */
export async function profilePage(opts: {
  label: string;
  dir: string;
  path: string;
  cookie: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
  warmup: number;
  runs: number;
  idleMs: number;
  onCleanup: (fn: () => Promise<unknown>) => void;
  areas?: number;
  functions?: number;
}): Promise<PageProfile | null> {
  mkdirSync(opts.dir, { recursive: true });
  const port = await freePort();
  const server = await startServer({ ...opts.env, NEXTAUTH_URL: `http://127.0.0.1:${port}` }, port, opts.cwd, ["--cpu-prof", `--cpu-prof-dir=${opts.dir}`]);
  opts.onCleanup(() => server.stop());
  await new Promise((r) => setTimeout(r, opts.idleMs)); // the summary counts only what follows an idle gap
  await measure(checkedGet(`${server.baseURL}${opts.path}`, { cookie: opts.cookie }), { warmup: opts.warmup, runs: opts.runs });
  await server.stop();
  const file = readdirSync(opts.dir)
    .filter((f) => f.endsWith(".cpuprofile"))
    .map((f) => `${opts.dir}/${f}`)
    .find((f) => existsSync(f));
  if (!file) {
    console.log(`  ${opts.label}: no .cpuprofile was written to ${opts.dir} (the server did not exit normally)`);
    return null;
  }
  const profile: PageProfile = { file, requests: opts.warmup + opts.runs, ...summarizeProfile(file) };
  printProfile(opts.label, profile, { areas: opts.areas, functions: opts.functions });
  return profile;
}

/** The report: CPU per request, self time by area and the hottest functions. */
export function printProfile(label: string, p: PageProfile, { areas = 14, functions = 12 } = {}): void {
  const perReq = (x: number) => (x / p.requests).toFixed(2);
  console.log(
    `  ${label}: ${perReq(p.busyMs)} ms of CPU per request over ${p.requests} requests (${p.busyMs} ms in all; ${p.skippedMs} ms of start-up left out); ${p.file}`,
  );
  console.log(`  self time by area (ms/request, share):`);
  for (const a of p.byArea.slice(0, areas)) console.log(`    ${a.area.padEnd(56)}${perReq(a.ms).padStart(7)}  ${a.share.toFixed(1).padStart(5)} %`);
  console.log(`  hottest functions (self):`);
  for (const f of p.topFunctions.slice(0, functions))
    console.log(`    ${f.fn.slice(0, 40).padEnd(40)} ${f.where.slice(0, 60).padEnd(60)} ${f.share.toFixed(1).padStart(5)} %`);
}
