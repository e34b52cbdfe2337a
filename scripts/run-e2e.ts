/**
 * Runs the Playwright suite against the production build (`next build` must have run):
 * creates a scratch PostgreSQL database, migrates it, seeds two fixture organisations, starts
 * `next start` on a free port, runs Playwright, then stops the server and drops the database.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createServer } from "node:net";
import { randomBytes } from "node:crypto";
import { createTestDatabase } from "./support/test-database";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

async function waitForServer(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server at ${url} did not start within ${timeoutMs} ms`);
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, stdio: "inherit" });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

const database = await createTestDatabase("aigov_e2e");
const port = await freePort();
const baseURL = `http://localhost:${port}`;
// the seed's logins for this run; outside test-results/, which Playwright empties before the tests
const fixturesDir = mkdtempSync(path.join(tmpdir(), "aigov-e2e-"));
const env = {
  ...process.env,
  E2E_FIXTURES_FILE: path.join(fixturesDir, "fixtures.json"),
  DATABASE_URL: database.url,
  NEXTAUTH_URL: baseURL,
  NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
  PORT: String(port),
};
let server: ReturnType<typeof spawn> | undefined;
let code: number;
try {
  const seed = await run("npx", ["tsx", "e2e/seed-fixtures.ts"], env);
  if (seed !== 0) throw new Error("seeding the e2e fixtures failed");
  server = spawn("node", ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], { env, stdio: ["ignore", "inherit", "inherit"] });
  await waitForServer(`${baseURL}/login`, 60_000);
  code = await run("npx", ["playwright", "test", ...process.argv.slice(2)], { ...env, E2E_BASE_URL: baseURL });
} finally {
  server?.kill("SIGTERM");
  await database.drop();
  rmSync(fixturesDir, { recursive: true, force: true });
}
process.exit(code);
