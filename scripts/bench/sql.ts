// The SQL floor for scripts/bench-inventory.ts: the statements Prisma really sends for a domain call
// are captured from Prisma's query log, then replayed with plain `pg` (same text, same parameters).
import type pg from "pg";

export type CapturedQuery = { sql: string; params: unknown[] };

type QueryEvent = { query: string; params: string; duration: number };
type LoggingClient = { $on: (event: "query", cb: (e: QueryEvent) => void) => void; $disconnect: () => Promise<void> };

/**
 * A PrismaClient (same generated client and adapter as lib/db/client.ts) that records every SQL
 * statement; passed as `ctx.tx`, the domain verbs run their normal code path through it.
 */
export async function createRecordingClient(url: string) {
  const { PrismaClient } = await import("@/generated/prisma/client");
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) as never, log: [{ emit: "event", level: "query" }] });
  let recording: CapturedQuery[] | null = null;
  (client as unknown as LoggingClient).$on("query", (e) => {
    recording?.push({ sql: e.query, params: JSON.parse(e.params) as unknown[] });
  });
  return {
    client,
    /** Runs `fn` and returns the SQL statements it issued, in order. */
    async record(fn: () => Promise<unknown>): Promise<CapturedQuery[]> {
      recording = [];
      try {
        await fn();
        return recording;
      } finally {
        recording = null;
      }
    },
    disconnect: () => client.$disconnect(),
  };
}

export const isCount = (q: CapturedQuery) => /^SELECT COUNT\(\*\)/i.test(q.sql);

/**
 * Replays listSystems' statements the way Prisma runs them: the page query followed by the owner
 * lookup (it needs the page's ownerIds, so Prisma sends it after the rows arrive), in parallel with
 * the count (Promise.all in lib/systems/list-systems.ts). The owner lookup's parameters are rebuilt
 * from the rows just fetched, as Prisma does.
 */
export function listReplay(pool: pg.Pool, captured: CapturedQuery[]) {
  const count = captured.find(isCount);
  const [rowsQ, ownersQ] = captured.filter((q) => !isCount(q));
  if (!count || !rowsQ || !ownersQ || captured.length !== 3)
    throw new Error(`unexpected listSystems SQL (${captured.length} statements):\n${captured.map((q) => q.sql).join("\n")}`);
  return async () => {
    const [rows, n] = await Promise.all([
      pool.query({ text: rowsQ.sql, values: rowsQ.params, rowMode: "array" }).then(async (r) => {
        const ownerIds = r.rows.map((row: unknown[]) => row[row.length - 1]);
        const tail = ownersQ.params.slice(ownerIds.length); // the trailing OFFSET parameter
        await pool.query({ text: ownersQ.sql, values: [...ownerIds, ...tail] });
        return r.rowCount;
      }),
      pool.query({ text: count.sql, values: count.params }).then((r) => Number(r.rows[0]["_count$_all"])),
    ]);
    return { rows, total: n };
  };
}

/** Replays statements one after another (for the profile of the other queries a page render needs). */
export function sequentialReplay(pool: pg.Pool, captured: CapturedQuery[]) {
  return async () => {
    for (const q of captured) await pool.query({ text: q.sql, values: q.params });
  };
}

export type PlanSummary = { statement: string; topLine: string; planningMs: number; executionMs: number; scans: string[]; plan: string[] };

/** EXPLAIN (ANALYZE, BUFFERS) of a captured statement, with its parameters bound. */
export async function explain(pool: pg.Pool, label: string, q: CapturedQuery): Promise<PlanSummary> {
  const { rows } = await pool.query({ text: `EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, values: q.params });
  const plan = rows.map((r: Record<string, string>) => r["QUERY PLAN"]);
  const num = (re: RegExp) => Number(plan.find((l) => re.test(l))?.match(re)?.[1] ?? NaN);
  return {
    statement: label,
    topLine: plan[0].trim(),
    planningMs: num(/Planning Time: ([\d.]+) ms/),
    executionMs: num(/Execution Time: ([\d.]+) ms/),
    scans: plan
      .map((l) => l.match(/(Index Only Scan(?: Backward)? using \S+|Index Scan(?: Backward)? using \S+|Bitmap Index Scan on \S+|Seq Scan on \S+)/)?.[1])
      .filter((s): s is string => !!s),
    plan,
  };
}
