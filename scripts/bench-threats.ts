/**
 * Threats and controls benchmark (`npm run bench:threats`, docs/benchmarks.md).
 *
 * Creates a scratch database, imports the official MITRE ATLAS release with the real importer
 * (timed: first imports on fresh organisations and the no-op re-import), then seeds one organisation
 * with 1,000 AI systems, each with a threat profile of 5–25 techniques of that release, 20,000 risks
 * and the control statuses of the applicable controls (plus a second tenant with a tenth of that).
 * It builds a copy of the working tree in /tmp, starts it with `next start`, signs in over HTTP, and
 * measures with sequential loopback requests the ATLAS matrix page with the organisation overlay and
 * a system's threat-profile page, each against its SQL floor (the exact statements the page's domain
 * functions send, captured with their dependencies and replayed with pg), plus, for information, the
 * system's risks, detail and controls pages and the matrix with one system's overlay. Prints a table
 * with PASS/FAIL against the targets, writes bench-results/threats-<timestamp>.json, and always exits 0
 * unless the benchmark itself could not run. The database and the build copy are removed at the end.
 *
 * Options: --systems N (1000) --risks N (20000) --warmup N (20) --runs N (200) --import-runs N (5)
 *          --reuse DIR  serve an existing build directory (a kept copy with .next/BUILD_ID) instead of building
 *          --keep-build keep the /tmp build copy for a later --reuse
 *          --keep-db    keep the scratch database (for EXPLAIN experiments; drop it yourself afterwards)
 *          --profile    afterwards, CPU-profile a second `next start` serving only page (a), then only (b), and summarise
 */
import { createHash, randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { createTestDatabase } from "./support/test-database";
import { createCleanup, machineInfo } from "./bench/lifecycle";
import { summarize, type Stats } from "./bench/stats";
import { freePort, startServer, type RunningServer } from "./bench/server";
import { checkedGet, get, signIn, type Fetched } from "./bench/http";
import { explain, type CapturedQuery, type PlanSummary } from "./bench/sql";
import { profilePage, type PageProfile } from "./bench/cpuprofile";
import { seedMembers, seedSystems } from "./bench/seed";
import { seedRisks, seedSystemControls, seedThreatProfiles } from "./bench/seed-threats";
import { snapshotWorkingTree } from "./bench/snapshot";
import { createTracingClient, dagReplay, describeStatements, serialReplay, shape, type TracedQuery } from "./bench/trace";

const { values: opts } = parseArgs({
  options: {
    systems: { type: "string", default: "1000" },
    risks: { type: "string", default: "20000" },
    warmup: { type: "string", default: "20" },
    runs: { type: "string", default: "200" },
    "import-runs": { type: "string", default: "5" },
    reuse: { type: "string" },
    "keep-build": { type: "boolean", default: false },
    "keep-db": { type: "boolean", default: false },
    profile: { type: "boolean", default: false },
  },
  strict: true,
});
const SYSTEMS = Number(opts.systems);
const RISKS = Number(opts.risks);
const WARMUP = Number(opts.warmup);
const RUNS = Number(opts.runs);
const IMPORT_RUNS = Number(opts["import-runs"]);
if (![SYSTEMS, RISKS, WARMUP, RUNS, IMPORT_RUNS].every((n) => Number.isInteger(n) && n >= 1 && n <= 1_000_000) || RUNS > 5000 || IMPORT_RUNS > 50) {
  console.error("--systems, --risks, --warmup, --runs and --import-runs must be positive integers (runs ≤ 5000, import-runs ≤ 50)");
  process.exit(2);
}

const TARGET_PAGE_P95_MS = 300;
const TARGET_IMPORT_MS = 2000;
const REFERENCE_DIR = process.env.REFERENCE_DATA_DIR?.trim() ? resolve(process.env.REFERENCE_DATA_DIR.trim()) : resolve(process.cwd(), "../shared/reference");
const ATLAS_FILE = resolve(REFERENCE_DIR, "atlas/ATLAS.yaml");

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1).padStart(7) : "      –");
const hr = (title: string) => console.log(`\n── ${title} ${"─".repeat(Math.max(0, 96 - title.length))}`);
const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
/** The page text without React's text-node separators. */
const text = (html: string) => html.replaceAll("<!-- -->", "");
const median = (xs: number[]) => summarize(xs).p50;

const { add: onCleanup, run: cleanup, started: interrupted } = createCleanup("stopping the server, dropping the scratch database and removing the build copy…");

/** Every `<a … data-technique="…">` of the matrix: in the outlined profile?, its risk score and count from the title. */
function matrixCells(html: string) {
  const cells = new Map<string, { inProfile: boolean; level: string | null; score: number | null; count: number | null }>();
  for (const m of html.matchAll(/<a [^>]*data-technique="([^"]+)"[^>]*>/g)) {
    const tag = m[0];
    const title = tag.match(/title="[^"]*\(risk [^,]+, score (\d+), (\d+) risks?/);
    cells.set(m[1], {
      inProfile: /data-in-profile="true"/.test(tag),
      level: tag.match(/data-level="([^"]+)"/)?.[1] ?? null,
      score: title ? Number(title[1]) : null,
      count: title ? Number(title[2]) : null,
    });
  }
  return cells;
}

function sameSet(a: Iterable<string>, b: Iterable<string>) {
  const x = [...new Set(a)].sort();
  const y = [...new Set(b)].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

/** Where a page's bytes are: the RSC flight data inlined for hydration (script tags may carry a CSP nonce), and the HTML document around it. */
function composition(html: string) {
  const rsc = [...html.matchAll(/<script[^>]*>self\.__next_f\.push\([\s\S]*?<\/script>/g)].reduce((n, m) => n + Buffer.byteLength(m[0]), 0);
  const selects = [...html.matchAll(/<select[\s\S]*?<\/select>/g)].reduce((n, m) => n + Buffer.byteLength(m[0]), 0);
  const total = Buffer.byteLength(html);
  return { total, rscPayload: rsc, html: total - rsc, selectsInHtml: selects };
}

const startedAt = new Date();
const env = await machineInfo();
console.log(`Threats benchmark · ${startedAt.toISOString()} · ${env.nproc} CPU (${env.cpuModel}), ${env.memoryGiB} GiB, Node ${env.node}, ${env.postgres}`);
console.log(`load average at start: ${env.loadavgAtStart.join(" ")} (other processes on the machine add noise to every figure)`);

let exitCode = 0;
try {
  if (!existsSync(ATLAS_FILE)) throw new Error(`ATLAS release file not found: ${ATLAS_FILE} (set REFERENCE_DATA_DIR)`);

  // ── 1. scratch database, ATLAS import ─────────────────────────────────────────────────────────
  hr("1. scratch database and the ATLAS import");
  let t0 = performance.now();
  const database = await createTestDatabase("aigov_bench_threats");
  if (opts["keep-db"]) console.log(`  --keep-db: ${database.url} is kept (drop it afterwards)`);
  else onCleanup(() => database.drop());
  console.log(`  created and migrated ${new URL(database.url).pathname.slice(1)} in ${(performance.now() - t0).toFixed(0)} ms`);
  // lib/db/client reads DATABASE_URL once, when first imported: import the app modules only now.
  process.env.DATABASE_URL = database.url;
  const { db } = await import("@/lib/db/client");
  onCleanup(() => db.$disconnect());
  const { createTestOrg, TEST_PASSWORD } = await import("./support/create-test-org");
  const { importAtlasRelease } = await import("@/lib/atlas/import-atlas-release");
  const { parseAtlasRelease } = await import("@/lib/atlas/parse-atlas-release");
  const { getAtlasView } = await import("@/lib/atlas/get-atlas-view");
  const { techniqueDisplayName } = await import("@/lib/threats/atlas-matrix-source");
  const { isAtlasTechniqueId, RISK_OWASP_FRAMEWORKS } = await import("@/lib/risks/catalog-refs");
  const { listFrameworkItems } = await import("@/lib/catalogs/list-framework-items");
  const { applicableControls } = await import("@/lib/controls/applicable-controls");
  const { DEFAULT_RISK_MATRIX } = await import("@/lib/risks/risk-matrix");
  const { levelForScore } = await import("@/lib/risks/score-risk");
  const { can } = await import("@/lib/auth/permissions");
  const { getThreatMatrix } = await import("@/lib/threats/get-threat-matrix");
  const { getSystemThreatsPage } = await import("@/lib/threats/get-system-threats-page");
  const { getSystemPage } = await import("@/lib/systems/get-system-page");
  const { getSystemRisksPage } = await import("@/lib/risks/get-system-risks-page");
  const { listSystemControls } = await import("@/lib/controls/list-system-controls");
  const { getCompliancePosture } = await import("@/lib/controls/get-compliance-posture");
  const { listSystemEvidence } = await import("@/lib/evidence/list-system-evidence");
  const { listMembers } = await import("@/lib/members/list-members");

  const pool = new pg.Pool({ connectionString: database.url, max: 10 });
  // pool.end() resolves before its connections have closed; DROP DATABASE … WITH (FORCE) right after
  // then terminates them, which an idle client reports as an 'error' event on the pool.
  pool.on("error", () => undefined);
  onCleanup(() => pool.end());

  const org = await createTestOrg("bench");
  const other = await createTestOrg("bench-other");
  const readStart = performance.now();
  const yaml = readFileSync(ATLAS_FILE, "utf8");
  const readMs = performance.now() - readStart;
  const importOnce = async (ctx: Parameters<typeof importAtlasRelease>[0]["ctx"], expect: "imported" | "unchanged") => {
    const t = performance.now();
    const result = await importAtlasRelease({ ctx, input: { yaml } });
    const elapsed = performance.now() - t;
    if (result.status !== expect) throw new Error(`ATLAS import: status ${result.status}, expected ${expect} (${result.message})`);
    return { ms: elapsed, result };
  };
  // The very first import of this process (cold: module, Prisma and JIT warm-up included), into the
  // organisation under test, then first imports into fresh organisations, then the no-op re-imports.
  const cold = await importOnce(org.as("admin"), "imported");
  const firstImports = [cold.ms];
  firstImports.push((await importOnce(other.as("admin"), "imported")).ms);
  for (let i = 2; i < IMPORT_RUNS; i++) firstImports.push((await importOnce((await createTestOrg(`bench-import-${i}`)).as("admin"), "imported")).ms);
  const reimports: number[] = [];
  for (let i = 0; i < IMPORT_RUNS; i++) reimports.push((await importOnce(org.as("admin"), "unchanged")).ms);
  // parsing and validating alone, warm (after the imports), for the share of an import it takes
  const parseMs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    parseAtlasRelease(yaml);
    parseMs.push(performance.now() - t);
  }
  const release = cold.result.release;
  const { rows: importedRows } = await pool.query(
    `SELECT (SELECT count(*)::int FROM "AtlasObject" WHERE "releaseId" = $1) AS objects,
            (SELECT count(*)::int FROM "AtlasRelease" WHERE "orgId" = $2) AS releases,
            (SELECT count(*)::int FROM "AuditEvent" WHERE "orgId" = $2 AND action = 'atlas.import') AS audits`,
    [release.id, org.orgId],
  );
  const counts = release.counts as unknown as Record<string, number>;
  const expectedObjects = Object.values(counts).reduce((a, b) => a + b, 0);
  if (importedRows[0].objects !== expectedObjects || importedRows[0].releases !== 1 || importedRows[0].audits !== 1) {
    throw new Error(
      `ATLAS import stored ${importedRows[0].objects} objects (expected ${expectedObjects}), ${importedRows[0].releases} releases, ${importedRows[0].audits} audit events`,
    );
  }
  const importStats = { firstImport: summarize(firstImports), reimport: summarize(reimports) };
  console.log(
    `  ${ATLAS_FILE}: MITRE ATLAS ${release.version}, ${(Buffer.byteLength(yaml) / 1024).toFixed(0)} KiB, ${expectedObjects} objects (${Object.entries(counts)
      .map(([k, v]) => `${v} ${k}`)
      .join(", ")})`,
  );
  console.log(`  read ${readMs.toFixed(1)} ms · parse + validate alone, warm (parseAtlasRelease, median of 3) ${median(parseMs).toFixed(0)} ms`);
  console.log(
    `  first import, cold process ${cold.ms.toFixed(0)} ms · first imports into fresh organisations: ${firstImports.map((x) => x.toFixed(0)).join(", ")} ms`,
  );
  console.log(`  no-op re-import (same file, status "unchanged"): ${reimports.map((x) => x.toFixed(0)).join(", ")} ms`);

  // ── 2. fixtures ───────────────────────────────────────────────────────────────────────────────
  hr("2. fixtures");
  t0 = performance.now();
  const view = await getAtlasView({ ctx: org.as("admin") });
  if (view.source.kind !== "imported") throw new Error("the organisation's ATLAS view is not the imported release");
  const byId = new Map(view.techniques.map((t) => [t.id, t]));
  // Risks may only name techniques of the built-in catalog (lib/risks/catalog-refs): profiles draw
  // from techniques both catalogs have, so every risk's techniques are in its system's profile. Not
  // every technique is relevant to someone: a fixed three quarters of them (in an order fixed by a
  // hash of the id) are, with a long-tailed popularity (weight 1/(rank + 10)); the others stay blank.
  const usable = view.techniques.filter((t) => isAtlasTechniqueId(t.id));
  const hash = (id: string) => createHash("sha256").update(id).digest("hex");
  const techniques = usable
    .map((t) => ({ id: t.id, name: techniqueDisplayName(t, byId), order: hash(t.id) }))
    .sort((a, b) => (a.order < b.order ? -1 : 1))
    .slice(0, Math.round(usable.length * 0.75))
    .map(({ id, name }, rank) => ({ id, name, weight: 1 / (rank + 10) }));
  const owaspIds = RISK_OWASP_FRAMEWORKS.flatMap((f) => listFrameworkItems(f).map((i) => i.id));
  const otherSystems = Math.ceil(SYSTEMS / 10);
  const otherRisks = Math.ceil(RISKS / 10);
  const seedClient = await pool.connect();
  let seedMs: number;
  try {
    await seedClient.query("SELECT setseed(0.42)"); // same distributions on every run (the ids, derived from the random org ids, differ)
    const owners = await seedMembers(seedClient, org.orgId, 25);
    const otherOwners = await seedMembers(seedClient, other.orgId, 5);
    const approvers = [org.users.admin.id, org.users.compliance_officer.id, org.users.executive.id];
    const otherApprovers = [other.users.admin.id, other.users.compliance_officer.id, other.users.executive.id];
    const t1 = performance.now();
    await seedSystems(seedClient, org.orgId, owners, SYSTEMS);
    await seedSystems(seedClient, other.orgId, otherOwners, otherSystems);
    // The organisation has edited its matrix (a stored row, the default bands): the pages read and validate it.
    await seedClient.query(
      `INSERT INTO "RiskMatrix" (id, "orgId", "likelihoodLabels", "impactLabels", levels, version, "updatedAt") VALUES ($1, $2, $3, $4, $5, 2, now())`,
      [
        `cbenchmx${org.orgId.slice(-12)}`,
        org.orgId,
        DEFAULT_RISK_MATRIX.likelihoodLabels,
        DEFAULT_RISK_MATRIX.impactLabels,
        JSON.stringify(DEFAULT_RISK_MATRIX.levels),
      ],
    );
    for (const [o, ownerIds, approverIds, riskCount] of [
      [org, owners, approvers, RISKS],
      [other, otherOwners, otherApprovers, otherRisks],
    ] as const) {
      await seedThreatProfiles(seedClient, { orgId: o.orgId, techniques, atlasVersion: release.version, creatorIds: ownerIds });
      await seedRisks(seedClient, { orgId: o.orgId, count: riskCount, ownerIds, approverIds, owaspIds });
      const { rows: systems } = await seedClient.query(
        `SELECT id, "riskTier", "euAiActRole", "lifecycleStage", "archivedAt" FROM "AISystem" WHERE "orgId" = $1 ORDER BY id`,
        [o.orgId],
      );
      const stored = systems.flatMap((s) =>
        applicableControls({ riskTier: s.riskTier, euAiActRole: s.euAiActRole, lifecycleStage: s.lifecycleStage, archived: s.archivedAt !== null })
          .filter((_, i) => (i * 7 + s.id.charCodeAt(s.id.length - 1)) % 10 < 8) // about 80 % of the applicable controls have a stored status
          .map((c) => ({ systemId: s.id as string, framework: c.framework as string, controlId: c.controlId })),
      );
      await seedSystemControls(seedClient, { orgId: o.orgId, rows: stored, ownerIds });
    }
    seedMs = performance.now() - t1;
    // A production table would have been auto-analysed/vacuumed long ago; do it now rather than
    // benchmark the planner without statistics.
    await seedClient.query(
      `VACUUM (ANALYZE) "AISystem", "User", "Membership", "ThreatProfileEntry", "Risk", "SystemControl", "AtlasObject", "AtlasRelease", "RiskMatrix"`,
    );
  } finally {
    seedClient.release();
  }
  const { rows: shapeRows } = await pool.query(
    `SELECT (SELECT count(*)::int FROM "AISystem" WHERE "orgId" = $1) AS systems,
            (SELECT count(*)::int FROM "AISystem" WHERE "orgId" = $1 AND "archivedAt" IS NULL) AS "activeSystems",
            (SELECT count(*)::int FROM "ThreatProfileEntry" WHERE "orgId" = $1) AS "profileEntries",
            (SELECT min(n)::int FROM (SELECT count(*) n FROM "ThreatProfileEntry" WHERE "orgId" = $1 GROUP BY "systemId") x) AS "profileMin",
            (SELECT max(n)::int FROM (SELECT count(*) n FROM "ThreatProfileEntry" WHERE "orgId" = $1 GROUP BY "systemId") x) AS "profileMax",
            (SELECT count(*)::int FROM "Risk" WHERE "orgId" = $1) AS risks,
            (SELECT count(*)::int FROM "Risk" WHERE "orgId" = $1 AND cardinality("techniqueIds") > 0) AS "risksWithTechniques",
            (SELECT max(n)::int FROM (SELECT count(*) n FROM "Risk" WHERE "orgId" = $1 GROUP BY "systemId") x) AS "risksMaxPerSystem",
            (SELECT count(*)::int FROM "SystemControl" WHERE "orgId" = $1) AS "systemControls",
            (SELECT count(*)::int FROM "AISystem" WHERE "orgId" <> $1) AS "otherTenantSystems",
            (SELECT count(*)::int FROM "Risk" WHERE "orgId" <> $1) AS "otherTenantRisks",
            (SELECT count(*)::int FROM "ThreatProfileEntry" WHERE "orgId" <> $1) AS "otherTenantProfileEntries",
            (SELECT count(*)::int FROM "Organization") AS organisations`,
    [org.orgId],
  );
  const fixtures = shapeRows[0];
  console.log(
    `  profiles draw from ${techniques.length} of the release's ${view.techniques.length} techniques and sub-techniques (${usable.length} of them are in the built-in catalog risks may name), long-tailed`,
  );
  console.log(
    `  org: ${fixtures.systems} systems (${fixtures.activeSystems} active), ${fixtures.profileEntries} profile entries (${fixtures.profileMin}–${fixtures.profileMax} per system), ${fixtures.risks} risks (${fixtures.risksWithTechniques} naming techniques, up to ${fixtures.risksMaxPerSystem} per system), ${fixtures.systemControls} control statuses`,
  );
  console.log(
    `  other tenants: ${fixtures.otherTenantSystems} systems, ${fixtures.otherTenantProfileEntries} profile entries, ${fixtures.otherTenantRisks} risks; ${fixtures.organisations} organisations with an ATLAS release each`,
  );
  console.log(`  seeded in ${seedMs.toFixed(0)} ms; fixtures total ${(performance.now() - t0).toFixed(0)} ms`);

  // The system page under test: an active system with a full profile (≥ 20 techniques) whose risk
  // count is the 95th percentile among active systems (a heavier page than the typical one).
  const { rows: picked } = await pool.query(
    `WITH c AS (
       SELECT s.id, s.name, (SELECT count(*) FROM "ThreatProfileEntry" e WHERE e."systemId" = s.id)::int AS entries,
              (SELECT count(*) FROM "Risk" r WHERE r."systemId" = s.id)::int AS risks
       FROM "AISystem" s WHERE s."orgId" = $1 AND s."archivedAt" IS NULL),
     p AS (SELECT percentile_disc(0.95) WITHIN GROUP (ORDER BY risks) AS p95, percentile_disc(0.5) WITHIN GROUP (ORDER BY risks) AS p50 FROM c)
     SELECT c.*, p.p95::int, p.p50::int FROM c, p WHERE c.entries >= 20 ORDER BY abs(c.risks - p.p95), c.id LIMIT 1`,
    [org.orgId],
  );
  if (!picked[0]) throw new Error("no active system with a profile of at least 20 techniques");
  const sys = picked[0] as { id: string; name: string; entries: number; risks: number; p95: number; p50: number };
  console.log(
    `  system under test: ${sys.id} "${sys.name}": ${sys.entries} profile entries, ${sys.risks} risks (active systems: median ${sys.p50}, p95 ${sys.p95} risks)`,
  );

  // ── 3. production server ──────────────────────────────────────────────────────────────────────
  hr("3. production build of the working tree and next start");
  let serverCwd: string;
  let buildInfo: { buildId: string; builtAt: string; dir: string; reused: boolean };
  if (opts.reuse) {
    serverCwd = resolve(opts.reuse);
    const idFile = resolve(serverCwd, ".next/BUILD_ID");
    if (!existsSync(idFile)) throw new Error(`--reuse ${serverCwd}: no .next/BUILD_ID`);
    buildInfo = { buildId: readFileSync(idFile, "utf8").trim(), builtAt: new Date(statSync(idFile).mtimeMs).toISOString(), dir: serverCwd, reused: true };
    console.log(`  --reuse: serving the existing build ${buildInfo.buildId} from ${serverCwd} (built ${buildInfo.builtAt})`);
  } else {
    const snap = snapshotWorkingTree();
    if (opts["keep-build"]) console.log(`  --keep-build: ${snap.cwd} is kept (reuse it with --reuse ${snap.cwd}; remove it afterwards)`);
    else onCleanup(async () => snap.remove());
    serverCwd = snap.cwd;
    buildInfo = { buildId: snap.buildId, builtAt: snap.builtAt, dir: snap.cwd, reused: false };
  }
  const port = await freePort();
  const serverEnv = { ...process.env, DATABASE_URL: database.url, NEXTAUTH_URL: `http://127.0.0.1:${port}`, NEXTAUTH_SECRET: randomBytes(32).toString("hex") };
  const server: RunningServer = await startServer(serverEnv, port, serverCwd);
  onCleanup(() => server.stop());
  const base = server.baseURL;
  console.log(`  next start on ${base} (pid ${server.child.pid})`);
  const officer = org.users.compliance_officer;
  const cookie = await signIn(base, officer.email, TEST_PASSWORD);
  console.log(`  signed in ${officer.email} (compliance officer) via /api/auth/callback/credentials`);

  // ── 4. what each measured page must show, and the SQL each one's domain calls send ────────────
  hr("4. correctness checks and SQL capture");
  const officerCtx = org.as("compliance_officer");
  const sid = encodeURIComponent(sys.id);
  // What each page calls, in the same order and with the same parallelism as its page.tsx.
  type Ctx = typeof officerCtx;
  const domain = {
    matrixOrg: (ctx: Ctx) => getThreatMatrix({ ctx, input: { overlay: "org" } }),
    systemThreats: (ctx: Ctx) => getSystemThreatsPage({ ctx, input: { systemId: sys.id } }),
    matrixSystem: (ctx: Ctx) => getThreatMatrix({ ctx, input: { system: sys.id } }),
    systemRisks: (ctx: Ctx) => getSystemRisksPage({ ctx, input: { systemId: sys.id, query: {} } }),
    systemDetail: (ctx: Ctx) => getSystemPage({ ctx, input: { id: sys.id } }),
    systemControls: async (ctx: Ctx) => {
      await listSystemControls({ ctx, input: { systemId: sys.id } });
      return Promise.all([
        getCompliancePosture({ ctx, input: { systemId: sys.id } }),
        listSystemEvidence({ ctx, input: { systemId: sys.id } }),
        can(ctx.actor, "member:read") ? listMembers({ ctx }) : Promise.resolve([]),
      ]);
    },
  };
  type PageKey = keyof typeof domain;
  const urls: Record<PageKey, string> = {
    matrixOrg: `${base}/threats?overlay=org`,
    systemThreats: `${base}/systems/${sid}/threats`,
    matrixSystem: `${base}/threats?system=${sid}`,
    systemRisks: `${base}/systems/${sid}/risks`,
    systemDetail: `${base}/systems/${sid}`,
    systemControls: `${base}/systems/${sid}/controls`,
  };
  const pageKeys = Object.keys(domain) as PageKey[];
  const pages = {} as Record<PageKey, Fetched>;
  for (const k of pageKeys) {
    pages[k] = await get(urls[k], { cookie });
    if (pages[k].status !== 200) throw new Error(`GET ${urls[k]} → ${pages[k].status}\n${pages[k].body.slice(0, 500)}`);
  }
  const fail = (page: PageKey, why: string) => {
    throw new Error(`${urls[page]}: ${why}`);
  };

  // Expected overlay, computed here in SQL from the tables (not with the app's queries). Organisation-wide,
  // only active systems' risks count (as only their profiles are outlined); one system's view has all its risks.
  const riskScores = async (systemId: string | null) => {
    const { rows } = await pool.query(
      `SELECT t.id, max(CASE WHEN r."residualLikelihood" IS NOT NULL AND r."residualImpact" IS NOT NULL THEN r."residualLikelihood" * r."residualImpact"
                             ELSE r."inherentLikelihood" * r."inherentImpact" END)::int AS score, count(*)::int AS n
       FROM "Risk" r JOIN "AISystem" s ON s.id = r."systemId", unnest(r."techniqueIds") AS t(id)
       WHERE r."orgId" = $1 AND (CASE WHEN $2::text IS NULL THEN s."archivedAt" IS NULL ELSE r."systemId" = $2 END) GROUP BY t.id`,
      [org.orgId, systemId],
    );
    return new Map(
      rows.map((r) => [r.id as string, { score: r.score as number, count: r.n as number, level: levelForScore(DEFAULT_RISK_MATRIX, r.score).key }]),
    );
  };
  const profileOf = async (systemId: string | null) =>
    (
      await pool.query(
        `SELECT DISTINCT e."techniqueId" FROM "ThreatProfileEntry" e JOIN "AISystem" s ON s.id = e."systemId"
         WHERE e."orgId" = $1 AND s."archivedAt" IS NULL AND ($2::text IS NULL OR e."systemId" = $2)`,
        [org.orgId, systemId],
      )
    ).rows.map((r) => r.techniqueId as string);
  const checkMatrix = async (page: PageKey, systemId: string | null) => {
    const html = text(pages[page].body);
    if (!html.includes('data-testid="atlas-matrix"')) fail(page, "no ATLAS matrix");
    const cells = matrixCells(html);
    const matrixIds = new Set(view.techniques.map((t) => t.id));
    if (!sameSet(cells.keys(), matrixIds)) fail(page, `${cells.size} technique cells, the release has ${matrixIds.size}`);
    const profile = (await profileOf(systemId)).filter((id) => matrixIds.has(id));
    const outlined = [...cells].filter(([, c]) => c.inProfile).map(([id]) => id);
    if (!sameSet(outlined, profile))
      fail(
        page,
        `${outlined.length} outlined techniques, SQL says ${profile.length} are in ${systemId ? "the system's profile" : "an active system's profile"}`,
      );
    const scores = await riskScores(systemId);
    let coloured = 0;
    for (const [id, c] of cells) {
      const want = scores.get(id);
      if ((want?.level ?? null) !== c.level || (want?.score ?? null) !== c.score || (want?.count ?? null) !== c.count) {
        fail(
          page,
          `${id}: page shows level ${c.level} score ${c.score} ×${c.count}, SQL gives ${want ? `${want.level} ${want.score} ×${want.count}` : "no risk"}`,
        );
      }
      if (c.level) coloured++;
    }
    return { cells: cells.size, outlined: outlined.length, coloured };
  };
  const orgCheck = await checkMatrix("matrixOrg", null);
  const profiled = Number(text(pages.matrixOrg.body).match(/\((\d+) systems have a profile\)/)?.[1]);
  const { rows: profiledRows } = await pool.query(
    `SELECT count(DISTINCT s.id)::int AS n FROM "AISystem" s JOIN "ThreatProfileEntry" e ON e."systemId" = s.id WHERE s."orgId" = $1 AND s."archivedAt" IS NULL`,
    [org.orgId],
  );
  const pickerOptions = (pages.matrixOrg.body.match(/<option value="c[^"]*"/g) ?? []).length;
  if (profiled !== profiledRows[0].n || pickerOptions !== fixtures.activeSystems) {
    fail(
      "matrixOrg",
      `says ${profiled} profiled systems (SQL ${profiledRows[0].n}), overlay picker lists ${pickerOptions} systems (${fixtures.activeSystems} active)`,
    );
  }
  console.log(
    `  matrix, organisation overlay: ${orgCheck.cells} techniques, ${orgCheck.outlined} outlined, ${orgCheck.coloured} coloured with the same level, score and risk count as SQL; ${profiled} profiled systems, ${pickerOptions} in the picker; ${kib(pages.matrixOrg.bytes)}`,
  );
  const sysCheck = await checkMatrix("matrixSystem", sys.id);
  console.log(`  matrix, system overlay: ${sysCheck.outlined} outlined, ${sysCheck.coloured} coloured, as SQL; ${kib(pages.matrixSystem.bytes)}`);

  {
    const html = text(pages.systemThreats.body);
    const rows = [...html.matchAll(/<tr data-technique="([^"]+)"[^>]*>([\s\S]*?)<\/tr>/g)];
    const profile = await profileOf(sys.id);
    if (
      !html.includes(`Threat profile (${sys.entries})`) ||
      !sameSet(
        rows.map((r) => r[1]),
        profile,
      ) ||
      rows.length !== sys.entries
    ) {
      fail("systemThreats", `${rows.length} profile rows, SQL has ${profile.length} entries`);
    }
    const scores = await riskScores(sys.id);
    for (const [, id, row] of rows) {
      const want = scores.get(id);
      const count = row.match(/title="(\d+) risks? name this technique"/)?.[1];
      const score = row.match(/(Low|Medium|High|Critical) (\d+)/)?.[2];
      if ((want ? String(want.count) : undefined) !== count || (want ? String(want.score) : undefined) !== score) {
        fail("systemThreats", `${id}: page shows score ${score} ×${count}, SQL gives ${want ? `${want.score} ×${want.count}` : "no risk"}`);
      }
    }
    console.log(`  system threat profile: ${rows.length} techniques with the same highest score and risk count as SQL; ${kib(pages.systemThreats.bytes)}`);
  }
  {
    const html = text(pages.systemRisks.body);
    const total = Number(html.match(/data-testid="result-count">[^<]*of (\d+)</)?.[1]);
    const rows = (html.match(/<tr[^>]*>\s*<td/g) ?? []).length;
    if (total !== sys.risks) fail("systemRisks", `says ${total} risks, SQL ${sys.risks}`);
    console.log(`  system risks: "of ${total}" = SQL count, ${rows} table rows; ${kib(pages.systemRisks.bytes)}`);
  }
  if (!text(pages.systemDetail.body).includes(sys.name)) fail("systemDetail", "the system's name is missing");
  console.log(`  system detail: 200 with the system's name; ${kib(pages.systemDetail.bytes)}`);
  if (!text(pages.systemControls.body).includes(`Controls: ${sys.name}`)) fail("systemControls", "no heading");
  console.log(`  system controls: 200; ${kib(pages.systemControls.bytes)}`);

  const compositions = Object.fromEntries(pageKeys.map((k) => [k, composition(pages[k].body)])) as Record<PageKey, ReturnType<typeof composition>>;
  for (const k of pageKeys) {
    const c = compositions[k];
    console.log(
      `  ${k.padEnd(15)} ${kib(c.total).padStart(9)} = HTML ${kib(c.html)} (of which <select> elements ${kib(c.selectsInHtml)}) + inlined RSC payload ${kib(c.rscPayload)}`,
    );
  }

  // The SQL floor: the statements each page's domain calls send, with their dependencies.
  const tracer = await createTracingClient(database.url);
  onCleanup(() => tracer.disconnect());
  const traced = {} as Record<PageKey, TracedQuery[]>;
  for (const k of pageKeys) traced[k] = await tracer.record(() => domain[k]({ ...officerCtx, tx: tracer.client as never }));
  // getSessionContext's lookup (lib/auth/get-session-context.ts), same select: every page runs it once.
  const sessionSql = await tracer.record(() =>
    tracer.client.user.findUnique({
      where: { id: officer.id },
      select: {
        id: true,
        email: true,
        name: true,
        memberships: { select: { orgId: true, role: true, org: { select: { name: true, isDemo: true } } }, orderBy: { createdAt: "asc" } },
      },
    }),
  );
  for (const k of pageKeys) {
    const s = shape(traced[k]);
    console.log(
      `  ${k.padEnd(15)} ${String(s.statements).padStart(3)} statements, ${s.depth} round trips deep (+ ${sessionSql.length} for the session): ${describeStatements(traced[k])}`,
    );
  }
  const floors = Object.fromEntries(pageKeys.map((k) => [k, dagReplay(pool, traced[k])])) as Record<PageKey, () => Promise<void>>;

  // static and shell floors, served by the same next start
  const notFound = await get(`${base}/_not-found`, { cookie });
  if (!/text\/html/.test(notFound.contentType ?? ""))
    throw new Error(`/_not-found is not the prerendered HTML page (status ${notFound.status}, ${notFound.contentType})`);
  const shell = await get(`${base}/findings`, { cookie });
  if (shell.status !== 200) throw new Error(`/findings → ${shell.status}`);

  // ── 5. measurements ───────────────────────────────────────────────────────────────────────────
  hr(`5. measurements (${WARMUP} warm-up + ${RUNS} measured, sequential, interleaved, loopback)`);
  const targets = {
    matrixOrg: { label: "(a) GET /threats?overlay=org", fn: checkedGet(urls.matrixOrg, { cookie }) },
    matrixOrgSql: { label: "    SQL floor: getThreatMatrix (pg)", fn: floors.matrixOrg },
    systemThreats: { label: "(b) GET /systems/[id]/threats", fn: checkedGet(urls.systemThreats, { cookie }) },
    systemThreatsSql: { label: "    SQL floor: getSystemThreatsPage (pg)", fn: floors.systemThreats },
    matrixSystem: { label: "    info: GET /threats?system=[id]", fn: checkedGet(urls.matrixSystem, { cookie }) },
    matrixSystemSql: { label: "      SQL floor (pg)", fn: floors.matrixSystem },
    systemRisks: { label: "    info: GET /systems/[id]/risks", fn: checkedGet(urls.systemRisks, { cookie }) },
    systemRisksSql: { label: "      SQL floor (pg)", fn: floors.systemRisks },
    systemDetail: { label: "    info: GET /systems/[id]", fn: checkedGet(urls.systemDetail, { cookie }) },
    systemDetailSql: { label: "      SQL floor (pg)", fn: floors.systemDetail },
    systemControls: { label: "    info: GET /systems/[id]/controls", fn: checkedGet(urls.systemControls, { cookie }) },
    systemControlsSql: { label: "      SQL floor (pg)", fn: floors.systemControls },
    static: { label: "(d) static floor: GET /_not-found", fn: checkedGet(`${base}/_not-found`, { cookie }, notFound.status) },
    shell: { label: "    info: GET /findings (signed-in shell, no data)", fn: checkedGet(`${base}/findings`, { cookie }) },
  };
  type Key = keyof typeof targets;
  const keys = Object.keys(targets) as Key[];
  // Interleaved rounds: background load on the shared machine hits every target alike.
  for (let i = 0; i < WARMUP; i++) for (const k of keys) await targets[k].fn();
  const samples = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<Key, number[]>;
  const tMeasure = performance.now();
  for (let i = 0; i < RUNS; i++) {
    for (const k of keys) {
      const t = performance.now();
      await targets[k].fn();
      samples[k].push(performance.now() - t);
    }
  }
  const stats = Object.fromEntries(keys.map((k) => [k, summarize(samples[k])])) as Record<Key, Stats>;
  console.log(`  ${keys.length} targets × ${RUNS} in ${((performance.now() - tMeasure) / 1000).toFixed(0)} s`);

  // ── 6. where the pages' time goes (this process, the app's own Prisma client) ──────────────────
  hr("6. profile of the two pages' data work (in-process, same database)");
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
    session: { label: "session lookup: user + memberships (Prisma)", fn: sessionLookup },
    sessionSql: { label: "  same, SQL only (pg)", fn: dagReplay(pool, sessionSql) },
    matrixOrg: { label: "getThreatMatrix, org overlay (Prisma + JS)", fn: () => domain.matrixOrg(officerCtx) },
    matrixOrgSql: { label: "  its SQL (pg) = floor of (a)", fn: floors.matrixOrg },
    matrixOrgSerial: { label: "  its SQL one statement after another (pg)", fn: serialReplay(pool, traced.matrixOrg) },
    systemThreats: { label: "getSystemThreatsPage (Prisma + JS)", fn: () => domain.systemThreats(officerCtx) },
    systemThreatsSql: { label: "  its SQL (pg) = floor of (b)", fn: floors.systemThreats },
    systemThreatsSerial: { label: "  its SQL one statement after another (pg)", fn: serialReplay(pool, traced.systemThreats) },
  };
  type PartKey = keyof typeof parts;
  const partKeys = Object.keys(parts) as PartKey[];
  const partSamples = Object.fromEntries(partKeys.map((k) => [k, [] as number[]])) as Record<PartKey, number[]>;
  for (let i = 0; i < WARMUP; i++) for (const k of partKeys) await parts[k].fn();
  for (let i = 0; i < RUNS; i++) {
    for (const k of partKeys) {
      const t = performance.now();
      await parts[k].fn();
      partSamples[k].push(performance.now() - t);
    }
  }
  const partStats = Object.fromEntries(partKeys.map((k) => [k, summarize(partSamples[k])])) as Record<PartKey, Stats>;

  // ── 7. query plans of the statements the two pages send ──────────────────────────────────────
  hr("7. EXPLAIN (ANALYZE, BUFFERS) of every statement of (a) and (b)");
  const plans: (PlanSummary & { page: string })[] = [];
  for (const page of ["matrixOrg", "systemThreats"] as const) {
    const seen = new Set<string>();
    for (const [i, q] of traced[page].entries()) {
      const key = `${q.sql}|${JSON.stringify(q.params)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      plans.push({ page, ...(await explain(pool, `${page} #${i + 1} ${describeStatements([q])}`, q as CapturedQuery)) });
    }
  }
  for (const p of [...plans].sort((a, b) => b.executionMs - a.executionMs)) {
    console.log(
      `  ${p.statement.padEnd(44)} ${p.executionMs.toFixed(2).padStart(7)} ms exec, ${p.planningMs.toFixed(2).padStart(5)} ms plan; ${p.scans.join(", ") || "no scan"}`,
    );
  }
  const duplicates = Object.fromEntries(
    pageKeys.map((k) => {
      const texts = traced[k].map((q) => `${q.sql}|${JSON.stringify(q.params)}`);
      return [k, texts.length - new Set(texts).size];
    }),
  ) as Record<PageKey, number>;

  // ── report ────────────────────────────────────────────────────────────────────────────────────
  hr("results (ms)");
  console.log(`  ${"".padEnd(50)}    p50     p95    mean     min     max   size`);
  const bytes: Partial<Record<Key, number>> = { ...Object.fromEntries(pageKeys.map((k) => [k, pages[k].bytes])), static: notFound.bytes, shell: shell.bytes };
  for (const k of keys) {
    const s = stats[k];
    console.log(
      `  ${targets[k].label.padEnd(50)}${ms(s.p50)} ${ms(s.p95)} ${ms(s.mean)} ${ms(s.min)} ${ms(s.max)} ${bytes[k] ? kib(bytes[k]).padStart(8) : ""}`,
    );
  }
  console.log(`\n  ATLAS import of ${ATLAS_FILE.replace(/^.*\/reference\//, "reference/")} (${expectedObjects} objects):`);
  console.log(
    `    first import: cold ${cold.ms.toFixed(0)} ms; ${IMPORT_RUNS} first imports p50 ${importStats.firstImport.p50.toFixed(0)} / max ${importStats.firstImport.max.toFixed(0)} ms; parse + validate alone (warm) ${median(parseMs).toFixed(0)} ms`,
  );
  console.log(`    no-op re-import: p50 ${importStats.reimport.p50.toFixed(0)} / max ${importStats.reimport.max.toFixed(0)} ms`);
  console.log(`\n  in-process profile (p50 / p95):`);
  for (const k of partKeys) console.log(`  ${parts[k].label.padEnd(50)}${ms(partStats[k].p50)} ${ms(partStats[k].p95)}`);
  for (const [page, part] of [
    ["matrixOrg", "matrixOrg"],
    ["systemThreats", "systemThreats"],
  ] as const) {
    const data = partStats.session.p50 + partStats[part].p50;
    console.log(
      `  ⇒ ${page}: page p50 ${stats[page].p50.toFixed(1)} ≈ session + domain work ${data.toFixed(1)} (p50) + routing/render/transfer ${(stats[page].p50 - data).toFixed(1)}`,
    );
  }
  for (const k of pageKeys) if (duplicates[k] > 0) console.log(`  note: ${k} sends ${duplicates[k]} statement(s) twice with the same parameters`);

  const ratio = (page: PageKey) => stats[page].p95 / stats[`${page}Sql` as Key].p95;
  const verdict = {
    importUnderTarget: importStats.firstImport.max < TARGET_IMPORT_MS,
    matrixOrgP95UnderTarget: stats.matrixOrg.p95 < TARGET_PAGE_P95_MS,
    systemThreatsP95UnderTarget: stats.systemThreats.p95 < TARGET_PAGE_P95_MS,
    ratios: Object.fromEntries(pageKeys.map((k) => [k, Math.round(ratio(k) * 100) / 100])) as Record<PageKey, number>,
    ratiosWithStatic: Object.fromEntries(
      pageKeys.map((k) => [k, Math.round((stats[k].p95 / (stats[`${k}Sql` as Key].p95 + stats.static.p95)) * 100) / 100]),
    ) as Record<PageKey, number>,
  };
  const pf = (ok: boolean) => (ok ? "PASS" : "FAIL");
  hr("verdict");
  console.log(
    `  ATLAS first import, slowest of ${IMPORT_RUNS} (incl. cold) ${importStats.firstImport.max.toFixed(0)} ms < ${TARGET_IMPORT_MS} ms            ${pf(verdict.importUnderTarget)}`,
  );
  console.log(
    `  (a) matrix, org overlay: p95 ${stats.matrixOrg.p95.toFixed(1)} ms < ${TARGET_PAGE_P95_MS} ms                       ${pf(verdict.matrixOrgP95UnderTarget)}`,
  );
  console.log(
    `  (b) system threat profile: p95 ${stats.systemThreats.p95.toFixed(1)} ms < ${TARGET_PAGE_P95_MS} ms                     ${pf(verdict.systemThreatsP95UnderTarget)}`,
  );
  console.log(`  page p95 / SQL floor p95 (and / (SQL floor + static) p95), no target:`);
  for (const k of pageKeys) {
    console.log(
      `    ${k.padEnd(15)} ${stats[k].p95.toFixed(1).padStart(6)} / ${stats[`${k}Sql` as Key].p95.toFixed(1).padStart(5)} = ${verdict.ratios[k].toFixed(1).padStart(5)}×   (${verdict.ratiosWithStatic[k].toFixed(2)}× with static ${stats.static.p95.toFixed(1)})`,
    );
  }

  const result = {
    benchmark: "threats",
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: { ...env, loadavgAtEnd: loadavg().map((l) => Math.round(l * 100) / 100) },
    options: {
      systems: SYSTEMS,
      risks: RISKS,
      warmup: WARMUP,
      runs: RUNS,
      importRuns: IMPORT_RUNS,
      order: "interleaved rounds, sequential requests, keep-alive, loopback",
    },
    build: buildInfo,
    atlasImport: {
      file: ATLAS_FILE,
      version: release.version,
      bytes: Buffer.byteLength(yaml),
      objects: expectedObjects,
      counts,
      readMs,
      parseMs,
      coldFirstImportMs: cold.ms,
      firstImportsMs: firstImports,
      reimportsMs: reimports,
      stats: importStats,
    },
    fixtures: {
      seedMs: Math.round(seedMs),
      profileTechniquePool: techniques.length,
      riskUsableTechniques: usable.length,
      releaseTechniques: view.techniques.length,
      ...fixtures,
    },
    systemUnderTest: sys,
    urls: Object.fromEntries(pageKeys.map((k) => [k, urls[k].slice(base.length)])),
    targets: { pageP95Ms: TARGET_PAGE_P95_MS, importMs: TARGET_IMPORT_MS },
    responses: { ...Object.fromEntries(pageKeys.map((k) => [k, pages[k].bytes])), static: notFound.bytes, shell: shell.bytes },
    compositions,
    checks: { matrixOrg: { ...orgCheck, profiledSystems: profiled, pickerOptions }, matrixSystem: sysCheck },
    stats,
    profile: partStats,
    statements: Object.fromEntries(
      pageKeys.map((k) => [k, { ...shape(traced[k]), session: sessionSql.length, duplicates: duplicates[k], tables: describeStatements(traced[k]) }]),
    ),
    plans,
    sql: { ...traced, session: sessionSql },
    verdict,
    samplesMs: Object.fromEntries(keys.map((k) => [k, samples[k].map((x) => Math.round(x * 1000) / 1000)])),
  };
  mkdirSync("bench-results", { recursive: true });
  const file = `bench-results/threats-${startedAt.toISOString().replace(/[:.]/g, "-")}.json`;
  writeFileSync(file, JSON.stringify(result, null, 2));
  for (const k of ["matrixOrg", "systemThreats"] as const) writeFileSync(file.replace(/\.json$/, `.${k}.html`), pages[k].body);
  console.log(`\n  raw results: ${file}`);

  // ── 8. optional: CPU profile of the server while it renders only one page ───────────────────
  if (opts.profile) {
    hr("8. CPU profile of next start rendering only (a), then only (b) (--profile)");
    await server.stop();
    const cpuProfiles: Partial<Record<PageKey, PageProfile>> = {};
    for (const k of ["matrixOrg", "systemThreats"] as const) {
      const path = urls[k].slice(base.length);
      const profile = await profilePage({
        label: `${k} (${path})`,
        dir: resolve(`bench-results/cpuprof-threats-${startedAt.toISOString().replace(/[:.]/g, "-")}-${k}`),
        path,
        cookie,
        env: serverEnv,
        cwd: serverCwd,
        warmup: WARMUP,
        runs: RUNS,
        idleMs: 3000,
        onCleanup,
        areas: 12,
        functions: 8,
      });
      if (profile) cpuProfiles[k] = profile;
    }
    writeFileSync(file, JSON.stringify({ ...result, cpuProfiles }, null, 2));
  }
} catch (error) {
  if (interrupted()) await new Promise(() => undefined); // interrupted: the signal handler finishes and exits
  console.error(`\nbenchmark failed: ${(error as Error).stack ?? error}`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
