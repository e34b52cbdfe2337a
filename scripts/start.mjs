// `npm start`: `next start`, but only with the configuration a production server cannot run without.
// Without NEXTAUTH_SECRET next-auth answers every page that reads the session with HTTP 500, so the
// server refuses to start instead, with one line saying what to set. Reads .env files the way
// `next start` does (@next/env, production mode), so a secret in .env counts.
// Plain JavaScript (not tsx): production installs may leave out devDependencies.
// `node scripts/start.mjs --check-env` only runs the check (exit 0 or 1).
/* global process, console */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { loadEnvConfig } = require("@next/env");

const args = process.argv.slice(2);
const checkOnly = args[0] === "--check-env";
loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error }, true);

if (!process.env.NEXTAUTH_SECRET?.trim()) {
  console.error(
    "Refusing to start: NEXTAUTH_SECRET is not set. Add NEXTAUTH_SECRET=<random value, e.g. from `openssl rand -base64 32`> to .env or the environment (`npm run demo` writes one for you).",
  );
  process.exit(1);
}
if (checkOnly) process.exit(0);

// Hand over to next's own CLI in this process (signals and exit codes behave as with `next start`).
const nextBin = require.resolve("next/dist/bin/next");
process.argv = [process.argv[0], nextBin, "start", ...args];
require(nextBin);
