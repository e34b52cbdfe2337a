// Dependency-aware SQL capture for scripts/bench-threats.ts. A page's domain calls run some
// statements in parallel (Promise.all) and some after others (an await, or a relation Prisma loads
// with a second statement). To replay them with plain `pg` as the app runs them, the recording client
// here sits on a pg.Pool that delays every statement by a fixed latency while recording: statements
// issued together then still overlap, and a statement issued only after another finished depends on it.
// Prisma's own work between two statements (query compilation, about 0.5 ms) is far below the delay.
import pg from "pg";
import type { CapturedQuery } from "./sql";

/** A captured statement (the SQL and the values the driver adapter passed to pg) and the statements it waited for. */
export type TracedQuery = CapturedQuery & {
  /** Indexes (in issue order) of the statements it directly waited for. */
  deps: number[];
  /** 0 for statements issued at once, 1 + the deepest dependency otherwise. */
  depth: number;
};

type Entry = { sql: string; params: unknown[]; start: number; end: number };
type QueryFn = (config: pg.QueryConfig, values?: unknown[]) => Promise<pg.QueryResult>;

/**
 * A PrismaClient (same generated client and adapter as lib/db/client.ts, on its own pg.Pool) that
 * records every statement with its dependencies; passed as `ctx.tx`, the domain functions run their
 * normal code path through it. Also counts Prisma's `query` log events as a cross-check.
 */
export async function createTracingClient(url: string, latencyMs = 25) {
  const { PrismaClient } = await import("@/generated/prisma/client");
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on("error", () => undefined); // a connection terminated at cleanup (DROP DATABASE … WITH (FORCE)) is not an error here
  const original = pool.query.bind(pool) as unknown as QueryFn;
  let entries: Entry[] | null = null;
  let logged = 0;
  const tracing: QueryFn = async (config, values) => {
    if (!entries) return original(config, values);
    const entry: Entry = { sql: config.text, params: [...(values ?? config.values ?? [])], start: performance.now(), end: NaN };
    entries.push(entry);
    await new Promise((r) => setTimeout(r, latencyMs));
    try {
      return await original(config, values);
    } finally {
      entry.end = performance.now();
    }
  };
  (pool as unknown as { query: QueryFn }).query = tracing;
  const client = new PrismaClient({ adapter: new PrismaPg(pool) as never, log: [{ emit: "event", level: "query" }] });
  (client as unknown as { $on: (e: "query", cb: () => void) => void }).$on("query", () => {
    if (entries) logged++;
  });
  return {
    client,
    /** Runs `fn` through the client and returns its statements in issue order, with their dependencies. */
    async record(fn: () => Promise<unknown>): Promise<TracedQuery[]> {
      entries = [];
      logged = 0;
      try {
        await fn();
        const captured = entries;
        if (captured.length !== logged) throw new Error(`pg saw ${captured.length} statements but Prisma logged ${logged}`);
        return withDependencies(captured);
      } finally {
        entries = null;
      }
    },
    disconnect: async () => {
      await client.$disconnect();
      await pool.end().catch(() => undefined);
    },
  };
}

function withDependencies(entries: Entry[]): TracedQuery[] {
  const out: TracedQuery[] = [];
  for (const [i, q] of entries.entries()) {
    const before = entries
      .map((p, j) => ({ p, j }))
      .filter(({ p, j }) => j < i && p.end <= q.start)
      .map(({ j }) => j);
    // direct dependencies only: drop those another dependency already waited for
    const deps = before.filter((j) => !before.some((k) => k !== j && reaches(out, k, j)));
    out.push({ sql: q.sql, params: q.params, deps, depth: deps.length ? 1 + Math.max(...deps.map((d) => out[d].depth)) : 0 });
  }
  return out;
}

function reaches(out: TracedQuery[], from: number, to: number): boolean {
  return out[from].deps.some((d) => d === to || reaches(out, d, to));
}

/**
 * Replays traced statements with `pg` in the same shape: each starts as soon as the statements it
 * waited for have finished, the others run in parallel on the pool. Same SQL text, same values.
 */
export function dagReplay(pool: pg.Pool, traced: TracedQuery[]) {
  return async () => {
    const done: Promise<unknown>[] = [];
    for (const [i, q] of traced.entries()) {
      done[i] = Promise.all(q.deps.map((d) => done[d])).then(() => pool.query({ text: q.sql, values: q.params, rowMode: "array" }));
    }
    await Promise.all(done);
  };
}

/** The same statements one after another: an upper bound on what the page's data costs. */
export function serialReplay(pool: pg.Pool, traced: CapturedQuery[]) {
  return async () => {
    for (const q of traced) await pool.query({ text: q.sql, values: q.params, rowMode: "array" });
  };
}

/** "12 statements, 4 round trips deep". */
export function shape(traced: TracedQuery[]): { statements: number; depth: number } {
  return { statements: traced.length, depth: traced.length ? 1 + Math.max(...traced.map((q) => q.depth)) : 0 };
}

/** Statements grouped by their leading table/keyword, for the report ("AISystem ×3, Risk ×2, raw ×1"). */
export function describeStatements(traced: CapturedQuery[]): string {
  const counts = new Map<string, number>();
  for (const q of traced) {
    const table = q.sql.match(/FROM\s+"(?:public"\.")?(\w+)"/i)?.[1] ?? q.sql.slice(0, 20);
    counts.set(table, (counts.get(table) ?? 0) + 1);
  }
  return [...counts].map(([t, n]) => `${t} ×${n}`).join(", ");
}
