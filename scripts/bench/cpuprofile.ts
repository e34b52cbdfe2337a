// Summarises a V8 .cpuprofile (node --cpu-prof) by where the self time was spent, for the
// `--profile` phase of scripts/bench-inventory.ts.
import { readFileSync } from "node:fs";

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
