// One-command demo: `npm run demo` [-- --rebuild | --no-build | --no-start]
//
//  1. makes sure .env exists and has a NEXTAUTH_SECRET (an existing secret is never replaced)
//  2. runs `next build` unless the last build is newer than the sources (or --rebuild is given)
//  3. seeds the demo organisation in this process, prints the logins and closes the database, so
//     the embedded PGlite directory is never open in two processes at once
//  4. starts `next start` and prints the logins again once the server reports "Ready"
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const USAGE = `Usage: npm run demo [-- options]
  --rebuild    run next build even if the last build looks up to date
  --no-build   never run next build (report only whether it would be needed)
  --no-start   prepare .env and the demo data, print the logins, do not start the server
Environment: PORT (default 3000); DATABASE_URL to use Postgres instead of the embedded database.`;

const FLAGS = new Set(["--rebuild", "--no-build", "--no-start", "--help"]);
const args = new Set(process.argv.slice(2));
const unknown = [...args].filter((a) => !FLAGS.has(a));
if (unknown.length > 0 || args.has("--help")) {
  if (unknown.length > 0) console.error(`Unknown option: ${unknown.join(" ")}\n`);
  console.log(USAGE);
  process.exit(unknown.length > 0 ? 1 : 0);
}

// The embedded database and the migrations are found relative to the working directory.
process.chdir(path.resolve(import.meta.dirname, ".."));
const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");
const PORT = process.env.PORT || "3000";
const log = (message: string) => console.log(`[demo] ${message}`);

// ── 1. .env ────────────────────────────────────────────────────────────────────────────────────
function ensureEnvFile() {
  if (!existsSync(".env")) {
    if (existsSync(".env.example")) copyFileSync(".env.example", ".env");
    else writeFileSync(".env", "");
    chmodSync(".env", 0o600);
    log(existsSync(".env.example") ? "created .env from .env.example" : "created .env");
  }
  const text = readFileSync(".env", "utf8");
  const line = /^[ \t]*NEXTAUTH_SECRET[ \t]*=(.*)$/m;
  const current = text
    .match(line)?.[1]
    .trim()
    .replace(/^(["'])(.*)\1$/, "$2");
  if (current) return;
  const entry = `NEXTAUTH_SECRET=${randomBytes(32).toString("base64url")}`;
  writeFileSync(".env", line.test(text) ? text.replace(line, entry) : `${text}${text === "" || text.endsWith("\n") ? "" : "\n"}${entry}\n`);
  log("generated NEXTAUTH_SECRET in .env");
}

// ── 2. build freshness ─────────────────────────────────────────────────────────────────────────
// Sources that end up in the build. app/, lib/ and components/ are the ones that change day to
// day; the rest are listed so that a dependency or config change also triggers a build.
const BUILD_INPUTS = [
  "app",
  "lib",
  "components",
  "public",
  "generated",
  "proxy.ts",
  "middleware.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];

/** The first source file modified after .next/BUILD_ID was written, or null if the build is current. */
function staleBecause(): string | null {
  const buildId = path.join(".next", "BUILD_ID");
  if (!existsSync(buildId)) return "there is no build yet";
  const builtAt = statSync(buildId).mtimeMs;
  const newer = (p: string): string | null => {
    const stat = statSync(p);
    if (!stat.isDirectory()) return stat.mtimeMs > builtAt ? p : null;
    for (const entry of readdirSync(p)) {
      const hit = newer(path.join(p, entry));
      if (hit) return hit;
    }
    return null;
  };
  for (const input of BUILD_INPUTS.filter((p) => existsSync(p))) {
    const hit = newer(input);
    if (hit) return `${hit} changed after the last build`;
  }
  return null;
}

function run(command: string, commandArgs: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

// ── main ───────────────────────────────────────────────────────────────────────────────────────
ensureEnvFile();
process.loadEnvFile(".env"); // values already in the environment win
// The demo serves http://localhost:<PORT>; sign-in callbacks follow NEXTAUTH_URL, so a local URL on
// another port (e.g. the .env.example default with PORT=3300) is pointed at the port actually used.
const authUrl = process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL) : null;
if (!authUrl || (["localhost", "127.0.0.1"].includes(authUrl.hostname) && (authUrl.port || "80") !== PORT)) {
  process.env.NEXTAUTH_URL = `http://localhost:${PORT}`;
}

if (args.has("--no-build")) {
  log(`skipping next build (--no-build); ${staleBecause() ?? "the last build is up to date"}`);
} else {
  const reason = args.has("--rebuild") ? "--rebuild was given" : staleBecause();
  if (reason) {
    log(`building the app: ${reason}`);
    const code = await run(process.execPath, [NEXT_BIN, "build"]);
    if (code !== 0) {
      console.error(`[demo] next build failed (exit code ${code})`);
      process.exit(code);
    }
  } else {
    log("the last build is up to date (use --rebuild to force one)");
  }
}

// ── 3. seed, in this process; imported only now so the database client sees the .env values ────
const { seedDemo, formatDemoLogins, formatDemoSeedSummary } = await import("@/lib/demo/seed-demo");
const { db } = await import("@/lib/db/client");
log(`seeding the demo organisation (${process.env.DATABASE_URL ? "DATABASE_URL" : "embedded database under .data/pglite"})`);
let logins: string;
try {
  const result = await seedDemo();
  for (const line of formatDemoSeedSummary(result.added, result.notes).split("\n")) log(line);
  logins = formatDemoLogins(result.logins, `http://localhost:${PORT}/login`);
} catch (error) {
  console.error("[demo] seeding failed:", error instanceof Error ? error.message : error);
  process.exit(1);
} finally {
  await db.$disconnect(); // closes the embedded database before the server opens it
}
console.log(`\n${logins}\n`);

if (args.has("--no-start")) {
  log("not starting the server (--no-start)");
  process.exit(0);
}

// ── 4. server ──────────────────────────────────────────────────────────────────────────────────
// stdin and stderr are inherited; stdout is passed through line by line so the logins can be
// printed again right after Next's "Ready" line (FORCE_COLOR keeps Next's colours on a terminal).
log(`starting next start on port ${PORT}`);
const server = spawn(process.execPath, [NEXT_BIN, "start", "-p", PORT], {
  stdio: ["inherit", "pipe", "inherit"],
  env: process.stdout.isTTY ? { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? "1" } : process.env,
});
let announced = false;
server.stdout!.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (!announced && /\bReady\b/.test(chunk.toString())) {
    announced = true;
    console.log(`\n${logins}\n`);
  }
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
