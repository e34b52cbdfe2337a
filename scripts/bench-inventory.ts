/**
 * Inventory benchmark (`npm run bench:inventory`, docs/benchmarks.md).
 *
 * Creates a scratch database with one organisation of 10,000 AI systems (plus a second tenant),
 * starts the production build with `next start`, signs in over HTTP, and measures with sequential
 * loopback requests: the inventory page, the REST list endpoint, the SQL floor (the exact
 * statements listSystems sends, replayed with pg) and a static-page floor served by the same server.
 * Prints a table with PASS/FAIL against the targets, writes bench-results/inventory-<timestamp>.json,
 * and always exits 0 unless the benchmark itself could not run. The database is dropped at the end.
 *
 * Options: --systems N (10000) --warmup N (20) --runs N (200) --rebuild (build the working tree in a private /tmp snapshot
 *          instead of using the shared .next)
 *          --profile (afterwards, CPU-profile a second `next start` serving only the page, and summarise)
 */
import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { createTestDatabase } from "./support/test-database";
import { createCleanup, machineInfo } from "./bench/lifecycle";
import { measure, summarize, type Stats } from "./bench/stats";
import { ensureBuild, freePort, snapshotBuild, startServer, type BuildInfo, type RunningServer } from "./bench/server";
import { checkedGet, get, signIn } from "./bench/http";
import { createRecordingClient, explain, isCount, listReplay, sequentialReplay, type PlanSummary } from "./bench/sql";
import { seedMembers, seedSystems } from "./bench/seed";
import { profilePage } from "./bench/cpuprofile";

const { values: opts } = parseArgs({
  options: {
    systems: { type: "string", default: "10000" },
    warmup: { type: "string", default: "20" },
    runs: { type: "string", default: "200" },
    rebuild: { type: "boolean", default: false },
    profile: { type: "boolean", default: false },
  },
  strict: true,
});
const SYSTEMS = Number(opts.systems);
const WARMUP = Number(opts.warmup);
const RUNS = Number(opts.runs);
if (![SYSTEMS, WARMUP, RUNS].every((n) => Number.isInteger(n) && n >= 1 && n <= 1_000_000) || RUNS > 5000) {
  console.error("--systems, --warmup and --runs must be positive integers (runs ≤ 5000)");
  process.exit(2);
}

const TARGET_P95_MS = 200;
const TARGET_RATIO = 1.5;
const QUERY = "tier=high&stage=production&sort=updatedAt&dir=desc";
const FILTERS = { tier: "high", stage: "production", sort: "updatedAt", dir: "desc" } as const;

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1).padStart(7) : "      –");
const hr = (title: string) => console.log(`\n── ${title} ${"─".repeat(Math.max(0, 92 - title.length))}`);

const { add: onCleanup, run: cleanup, started: interrupted } = createCleanup("stopping the server and dropping the scratch database…");

const startedAt = new Date();
const env = await machineInfo();
console.log(`Inventory benchmark · ${startedAt.toISOString()} · ${env.nproc} CPU (${env.cpuModel}), ${env.memoryGiB} GiB, Node ${env.node}, ${env.postgres}`);
console.log(`load average at start: ${env.loadavgAtStart.join(" ")} (other processes on the machine add noise to every figure)`);

let exitCode = 0;
try {
  // ── 1. scratch database + fixtures ────────────────────────────────────────────────────────────
  hr("1. scratch database and fixtures");
  let t0 = performance.now();
  const database = await createTestDatabase("aigov_bench");
  onCleanup(() => database.drop());
  console.log(`  created and migrated ${new URL(database.url).pathname.slice(1)} in ${(performance.now() - t0).toFixed(0)} ms`);
  // lib/db/client reads DATABASE_URL once, when first imported: import the app modules only now.
  process.env.DATABASE_URL = database.url;
  const { db } = await import("@/lib/db/client");
  onCleanup(() => db.$disconnect());
  const { createTestOrg, TEST_PASSWORD } = await import("./support/create-test-org");
  const { createApiToken } = await import("@/lib/tokens/create-api-token");
  const { listSystems } = await import("@/lib/systems/list-systems");
  const { listFilterOptions } = await import("@/lib/systems/list-filter-options");

  const pool = new pg.Pool({ connectionString: database.url, max: 10 });
  onCleanup(() => pool.end());

  t0 = performance.now();
  const org = await createTestOrg("bench");
  const other = await createTestOrg("bench-other");
  const seedClient = await pool.connect();
  let seedMs: number;
  try {
    await seedClient.query("SELECT setseed(0.42)"); // same fixture shape on every run
    const owners = await seedMembers(seedClient, org.orgId, 25);
    const otherOwners = await seedMembers(seedClient, other.orgId, 5);
    const t1 = performance.now();
    await seedSystems(seedClient, org.orgId, owners, SYSTEMS);
    await seedSystems(seedClient, other.orgId, otherOwners, Math.ceil(SYSTEMS / 10));
    seedMs = performance.now() - t1;
    // A production table would have been auto-analysed/vacuumed long ago; do it now rather than
    // benchmark the planner without statistics.
    await seedClient.query(`VACUUM (ANALYZE) "AISystem", "User", "Membership"`);
  } finally {
    seedClient.release();
  }
  const { rows: shape } = await pool.query(
    `SELECT count(*)::int AS systems, count(DISTINCT "businessUnit")::int AS units, count(DISTINCT "ownerId")::int AS owners,
            count(*) FILTER (WHERE "archivedAt" IS NOT NULL)::int AS archived,
            count(*) FILTER (WHERE "riskTier" = 'high' AND "lifecycleStage" = 'production' AND "archivedAt" IS NULL)::int AS matching
     FROM "AISystem" WHERE "orgId" = $1`,
    [org.orgId],
  );
  console.log(
    `  seeded ${SYSTEMS} systems (+${Math.ceil(SYSTEMS / 10)} in a second tenant) in ${seedMs.toFixed(0)} ms; fixtures total ${(performance.now() - t0).toFixed(0)} ms`,
  );
  console.log(
    `  org: ${shape[0].systems} systems, ${shape[0].units} business units, ${shape[0].owners} distinct owners, ${shape[0].archived} archived; ${shape[0].matching} match ?${QUERY}`,
  );

  const token = await createApiToken({ ctx: org.as("admin"), input: { name: "bench", scopes: ["read"] } });

  // ── 2. production server ──────────────────────────────────────────────────────────────────────
  hr("2. production build and next start");
  let build: BuildInfo;
  let serverCwd = process.cwd();
  if (opts.rebuild) {
    const snap = snapshotBuild();
    onCleanup(async () => snap.remove());
    build = snap;
    serverCwd = snap.cwd;
  } else {
    build = await ensureBuild();
  }
  console.log(`  build ${build.buildId} from ${build.builtAt}${build.builtByBench ? " (built now)" : ""}`);
  if (build.staleSource)
    console.log(`  WARNING: ${build.staleSource} is newer than the build – the figures are for the build, not the working tree (use --rebuild)`);
  const buildInfo = { buildId: build.buildId, builtAt: build.builtAt, builtByBench: build.builtByBench, staleSource: build.staleSource };
  const port = await freePort();
  const serverEnv = { ...process.env, DATABASE_URL: database.url, NEXTAUTH_URL: `http://127.0.0.1:${port}`, NEXTAUTH_SECRET: randomBytes(32).toString("hex") };
  const server: RunningServer = await startServer(serverEnv, port, serverCwd);
  onCleanup(() => server.stop());
  const base = server.baseURL;
  console.log(`  next start on ${base} (pid ${server.child.pid})`);

  const officer = org.users.compliance_officer;
  const cookie = await signIn(base, officer.email, TEST_PASSWORD);
  console.log(`  signed in ${officer.email} via /api/auth/callback/credentials; API token ${token.secret.slice(0, 12)}… created with createApiToken`);

  // ── 3. what each measured request must return ─────────────────────────────────────────────────
  hr("3. correctness checks");
  const recorder = await createRecordingClient(database.url);
  onCleanup(() => recorder.disconnect());
  const officerCtx = org.as("compliance_officer");
  const listSql = await recorder.record(() => listSystems({ ctx: { ...officerCtx, tx: recorder.client as never }, input: FILTERS }));
  const optionsSql = await recorder.record(() => listFilterOptions({ ctx: { ...officerCtx, tx: recorder.client as never } }));
  // getSessionContext's membership lookup (lib/auth/get-session-context.ts), same select.
  const sessionSql = await recorder.record(() =>
    recorder.client.user.findUnique({
      where: { id: officer.id },
      select: {
        id: true,
        email: true,
        name: true,
        memberships: { select: { orgId: true, role: true, org: { select: { name: true, isDemo: true } } }, orderBy: { createdAt: "asc" } },
      },
    }),
  );
  const sqlList = listReplay(pool, listSql);
  const sqlResult = await sqlList();
  const listRowsQ = listSql.find((q) => !isCount(q))!;
  const sqlIds = (await pool.query({ text: listRowsQ.sql, values: listRowsQ.params, rowMode: "array" })).rows.map((r: unknown[]) => r[0]);

  const pageUrl = `${base}/systems?${QUERY}`;
  const apiUrl = `${base}/api/v1/systems?${QUERY}&pageSize=50`;
  const page = await get(pageUrl, { cookie });
  const pageRows = (page.body.match(/href="\/systems\/c[^"?]+"/g) ?? []).length;
  // a full page of 50, or every match when a small --systems run has fewer
  const expectedRows = Math.min(50, sqlIds.length);
  if (page.status !== 200 || !page.body.includes('data-testid="inventory-table"') || pageRows !== expectedRows) {
    throw new Error(`inventory page: status ${page.status}, ${pageRows} row links (expected 200 with ${expectedRows} rows)\n${page.body.slice(0, 500)}`);
  }
  const api = await get(apiUrl, { authorization: `Bearer ${token.secret}` });
  const apiBody = JSON.parse(api.body) as { items: { id: string }[]; total: number };
  if (api.status !== 200 || apiBody.total !== sqlResult.total || apiBody.items.map((i) => i.id).join() !== sqlIds.join()) {
    throw new Error(
      `API: status ${api.status}, total ${apiBody.total} vs SQL ${sqlResult.total}, ids ${apiBody.items.length} – the API and the replayed SQL disagree`,
    );
  }
  const options = await listFilterOptions({ ctx: officerCtx });
  const { rows: unitRows } = await pool.query(`SELECT DISTINCT "businessUnit" FROM "AISystem" WHERE "orgId" = $1 AND "businessUnit" <> '' ORDER BY 1`, [
    org.orgId,
  ]);
  const { rows: memberRows } = await pool.query(`SELECT count(*)::int AS n FROM "Membership" WHERE "orgId" = $1`, [org.orgId]);
  if (options.businessUnits.join("\n") !== unitRows.map((r) => r.businessUnit).join("\n") || options.owners.length !== memberRows[0].n) {
    throw new Error(
      `listFilterOptions: ${options.businessUnits.length} business units / ${options.owners.length} owners differ from SELECT DISTINCT (${unitRows.length}) / ${memberRows[0].n} members`,
    );
  }
  console.log(
    `  page: 200, ${pageRows} rows, ${(page.bytes / 1024).toFixed(0)} KiB · API: 200, ${apiBody.items.length} items, total ${apiBody.total} = SQL count, same ids in the same order as the replayed SQL`,
  );
  console.log(`  filter options: ${options.businessUnits.length} business units = SELECT DISTINCT, ${options.owners.length} members`);

  // Static floors, all served by the same next start process.
  const chunk = readdirSync(resolve(serverCwd, ".next/static/chunks")).find((f) => f.endsWith(".js"));
  const notFound = await get(`${base}/_not-found`, { cookie });
  const icon = await get(`${base}/icon.svg`);
  const chunkRes = chunk ? await get(`${base}/_next/static/chunks/${chunk}`) : null;
  console.log(
    `  static candidates: /_not-found → ${notFound.status} ${notFound.contentType} ${(notFound.bytes / 1024).toFixed(1)} KiB (x-nextjs-cache: ${notFound.headers.get("x-nextjs-cache") ?? "–"}) · /icon.svg → ${icon.status} · /_next/static/chunks/${chunk} → ${chunkRes?.status}`,
  );
  if (!/text\/html/.test(notFound.contentType ?? ""))
    throw new Error(`/_not-found is not the prerendered HTML page (status ${notFound.status}, ${notFound.contentType})`);

  // ── 4. measurements ───────────────────────────────────────────────────────────────────────────
  hr(`4. measurements (${WARMUP} warm-up + ${RUNS} measured, sequential, interleaved, loopback)`);
  const targets = {
    page: { label: "(a) inventory page  GET /systems?…", fn: checkedGet(pageUrl, { cookie }) },
    api: { label: "(b) REST API  GET /api/v1/systems?…&pageSize=50", fn: checkedGet(apiUrl, { authorization: `Bearer ${token.secret}` }) },
    sql: { label: "(c) SQL floor  list + owners ‖ count (pg)", fn: sqlList },
    static: { label: "(d) static floor  GET /_not-found (prerendered HTML)", fn: checkedGet(`${base}/_not-found`, { cookie }, notFound.status) },
    staticChunk: { label: "    info: GET /_next/static/chunks/<js>", fn: checkedGet(`${base}/_next/static/chunks/${chunk}`, {}) },
    shell: { label: "    info: GET /findings (signed-in shell, no data)", fn: checkedGet(`${base}/findings`, { cookie }) },
  };
  type Key = keyof typeof targets;
  const keys = Object.keys(targets) as Key[];
  // Interleaved rounds (a, b, c, d, a, b, …): background load on the shared machine then hits every
  // target alike instead of skewing whichever happened to run during a busy minute.
  for (let i = 0; i < WARMUP; i++) for (const k of keys) await targets[k].fn();
  const samples = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<Key, number[]>;
  for (let i = 0; i < RUNS; i++) {
    for (const k of keys) {
      const t = performance.now();
      await targets[k].fn();
      samples[k].push(performance.now() - t);
    }
  }
  const stats = Object.fromEntries(keys.map((k) => [k, summarize(samples[k])])) as Record<Key, Stats>;

  // ── 5. where the page's time goes (same DB, this process, the app's own Prisma client) ─────────
  hr("5. profile of the page's server work (in-process, same database)");
  const { decode } = await import("next-auth/jwt");
  const sessionToken = decodeURIComponent(cookie.slice(cookie.indexOf("=") + 1));
  const jwtDecode = async () => {
    if (!(await decode({ token: sessionToken, secret: serverEnv.NEXTAUTH_SECRET }))?.sub) throw new Error("session JWT did not decode");
  };
  const sessionLookup = () =>
    db.user.findUnique({
      where: { id: officer.id },
      select: {
        id: true,
        email: true,
        name: true,
        memberships: { select: { orgId: true, role: true, org: { select: { name: true, isDemo: true } } }, orderBy: { createdAt: "asc" } },
      },
    });
  const parts = {
    jwt: { label: "session JWT decode (next-auth/jwt)", fn: jwtDecode },
    session: { label: "session lookup: user + memberships (Prisma)", fn: sessionLookup },
    sessionSql: { label: "  same, SQL only (pg)", fn: sequentialReplay(pool, sessionSql) },
    list: { label: "listSystems (Prisma)", fn: () => listSystems({ ctx: officerCtx, input: FILTERS }) },
    listSql: { label: "  same, SQL only (pg) = floor (c)", fn: sqlList },
    options: { label: "listFilterOptions (Prisma)", fn: () => listFilterOptions({ ctx: officerCtx }) },
    optionsSql: { label: "  same, SQL only (pg, sequential)", fn: sequentialReplay(pool, optionsSql) },
    both: {
      label: "listSystems ‖ listFilterOptions (as the page)",
      fn: () => Promise.all([listSystems({ ctx: officerCtx, input: FILTERS }), listFilterOptions({ ctx: officerCtx })]),
    },
  };
  type PartKey = keyof typeof parts;
  const partStats = {} as Record<PartKey, Stats>;
  for (const k of Object.keys(parts) as PartKey[]) partStats[k] = summarize(await measure(parts[k].fn, { warmup: WARMUP, runs: RUNS }));
  const unitsQ = optionsSql.find((q) => /"AISystem"/.test(q.sql))!;
  const optionRows = await pool.query({ text: unitsQ.sql, values: unitsQ.params });
  const serverWork = partStats.jwt.p50 + partStats.session.p50 + partStats.both.p50;

  // ── 6. query plans ────────────────────────────────────────────────────────────────────────────
  hr("6. EXPLAIN (ANALYZE, BUFFERS)");
  const plans: PlanSummary[] = [];
  plans.push(await explain(pool, "list page (findMany)", listRowsQ));
  plans.push(await explain(pool, "list count", listSql.find(isCount)!));
  for (const [i, q] of optionsSql.entries()) if (/"AISystem"/.test(q.sql)) plans.push(await explain(pool, `filter options #${i + 1} (business units)`, q));
  for (const p of plans) {
    console.log(`  ${p.statement}: ${p.topLine}`);
    console.log(`    execution ${p.executionMs} ms, planning ${p.planningMs} ms; scans: ${p.scans.join(", ") || "none"}`);
  }
  const listUsesIndex = plans.slice(0, 2).every((p) => p.scans.length > 0 && p.scans.every((s) => !s.startsWith("Seq Scan")));

  // ── report ────────────────────────────────────────────────────────────────────────────────────
  hr("results (ms)");
  console.log(`  ${"".padEnd(54)}    p50     p95    mean     min     max`);
  for (const k of keys) {
    const s = stats[k];
    console.log(`  ${targets[k].label.padEnd(54)}${ms(s.p50)} ${ms(s.p95)} ${ms(s.mean)} ${ms(s.min)} ${ms(s.max)}`);
  }
  console.log(`\n  profile (p50 / p95, each run alone in this process):`);
  for (const k of Object.keys(parts) as PartKey[]) console.log(`  ${parts[k].label.padEnd(54)}${ms(partStats[k].p50)} ${ms(partStats[k].p95)}`);
  console.log(
    `  filter options fetch ${optionRows.rowCount} rows from PostgreSQL for ${new Set(optionRows.rows.map((r) => r.businessUnit)).size || "–"} distinct business units`,
  );
  console.log(
    `  ⇒ page p50 ${stats.page.p50.toFixed(1)} ≈ data/auth work ${serverWork.toFixed(1)} (JWT + session + list‖options, p50) + routing/render/transfer ${(stats.page.p50 - serverWork).toFixed(1)}`,
  );

  const floor = stats.sql.p95 + stats.static.p95;
  const ratio = stats.page.p95 / floor;
  const verdict = {
    pageP95UnderTarget: stats.page.p95 < TARGET_P95_MS,
    ratio: Math.round(ratio * 100) / 100,
    ratioWithinTarget: ratio <= TARGET_RATIO,
    listQueryUsesIndexes: listUsesIndex,
  };
  hr("verdict");
  console.log(`  page p95 ${stats.page.p95.toFixed(1)} ms < ${TARGET_P95_MS} ms                        ${verdict.pageP95UnderTarget ? "PASS" : "FAIL"}`);
  console.log(
    `  page p95 / (SQL p95 + static p95) = ${stats.page.p95.toFixed(1)} / (${stats.sql.p95.toFixed(1)} + ${stats.static.p95.toFixed(1)}) = ${ratio.toFixed(2)} ≤ ${TARGET_RATIO}   ${verdict.ratioWithinTarget ? "PASS" : "FAIL"}`,
  );
  console.log(`  list + count use indexes (no Seq Scan)                    ${listUsesIndex ? "PASS" : "FAIL"}`);
  console.log(
    `  (for comparison: API p95 ${stats.api.p95.toFixed(1)} ms, ratio ${(stats.api.p95 / floor).toFixed(2)}; page p95 / (SQL p95 + signed-in shell p95) = ${(stats.page.p95 / (stats.sql.p95 + stats.shell.p95)).toFixed(2)})`,
  );

  const result = {
    benchmark: "inventory",
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: { ...env, loadavgAtEnd: loadavg().map((l) => Math.round(l * 100) / 100) },
    options: { systems: SYSTEMS, warmup: WARMUP, runs: RUNS, query: QUERY, order: "interleaved rounds, sequential requests, keep-alive, loopback" },
    build: { ...buildInfo, snapshot: opts.rebuild },
    fixtures: { seedMs: Math.round(seedMs), ...shape[0] },
    targets: { pageP95Ms: TARGET_P95_MS, maxRatio: TARGET_RATIO, staticFloor: "GET /_not-found (prerendered HTML, same server, with the session cookie)" },
    responses: { pageBytes: page.bytes, apiBytes: api.bytes, staticBytes: notFound.bytes, staticStatus: notFound.status },
    stats,
    profile: partStats,
    filterOptionsRowsFetched: optionRows.rowCount,
    plans,
    sql: { list: listSql, filterOptions: optionsSql, session: sessionSql },
    verdict,
    samplesMs: Object.fromEntries(keys.map((k) => [k, samples[k].map((x) => Math.round(x * 1000) / 1000)])),
  };
  mkdirSync("bench-results", { recursive: true });
  const file = `bench-results/inventory-${startedAt.toISOString().replace(/[:.]/g, "-")}.json`;
  writeFileSync(file, JSON.stringify(result, null, 2));
  writeFileSync(file.replace(/\.json$/, ".page.html"), page.body); // what the page sends, for size analysis
  console.log(`\n  raw results: ${file}`);

  // ── 7. optional: CPU profile of the server while it renders only the page ────────────────────
  if (opts.profile) {
    hr("7. CPU profile of next start rendering the page (--profile)");
    await server.stop();
    const cpuProfile = await profilePage({
      label: `/systems?${QUERY}`,
      dir: resolve(`bench-results/cpuprof-${startedAt.toISOString().replace(/[:.]/g, "-")}`),
      path: `/systems?${QUERY}`,
      cookie,
      env: serverEnv,
      cwd: serverCwd,
      warmup: WARMUP,
      runs: RUNS,
      idleMs: 1500,
      onCleanup,
    });
    if (cpuProfile) writeFileSync(file, JSON.stringify({ ...result, cpuProfile }, null, 2));
  }
} catch (error) {
  if (interrupted()) await new Promise(() => undefined); // interrupted: the signal handler finishes and exits
  console.error(`\nbenchmark failed: ${(error as Error).stack ?? error}`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
