import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const ROOT = path.resolve(import.meta.dirname, "../..");
const FIXTURE = "tests/integration/fixtures/embedded-roundtrip.ts";
// PGlite's first open of a data directory (initdb + migrations) takes ~4 s, more on a busy machine.
const CHILD_TIMEOUT_MS = 90_000;

type ChildResult = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; result: string };

/** Runs the fixture in a fresh process with DATABASE_URL removed and PGLITE_DIR set: the app's embedded default. */
function runFixture(mode: "create" | "read" | "inspect", dataDir: string): Promise<ChildResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: dataDir };
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    execFile("npx", ["tsx", FIXTURE, mode], { cwd: ROOT, env, timeout: CHILD_TIMEOUT_MS }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
      const lines = stdout.trim().split("\n");
      resolve({ code, signal: error?.signal ?? null, stdout, stderr, result: lines[lines.length - 1] ?? "" });
    });
  });
}

/** A child must exit by itself with code 0 (not be killed by the timeout because PGlite kept it alive). */
function expectCleanExit(child: ChildResult) {
  expect({ code: child.code, signal: child.signal, stderr: child.code === 0 ? "" : child.stderr }).toEqual({ code: 0, signal: null, stderr: "" });
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

describe("embedded PGlite database (no DATABASE_URL)", () => {
  let dataDir: string;
  let createdId: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "aigov-pglite-"));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("process 1 creates an organisation and a system in the data directory", { timeout: CHILD_TIMEOUT_MS + 10_000 }, async () => {
    const child = await runFixture("create", dataDir);
    expectCleanExit(child);
    createdId = child.result;
    expect(createdId).toMatch(/^c[a-z0-9]{20,}$/);
    expect(existsSync(path.join(dataDir, "PG_VERSION"))).toBe(true);
    // it went to the embedded database, not to the test server
    expect(await db.aISystem.count({ where: { id: createdId } })).toBe(0);
  });

  it("process 2 (a restart) still finds the system", { timeout: CHILD_TIMEOUT_MS + 10_000 }, async () => {
    expect(createdId, "needs the data directory of the first test").toBeTruthy();
    const child = await runFixture("read", dataDir);
    expectCleanExit(child);
    expect(JSON.parse(child.result)).toEqual(["Persisted across restarts"]);
  });

  it(
    "the committed migrations were applied on open and recorded in _prisma_migrations; the audit chain is intact",
    { timeout: CHILD_TIMEOUT_MS + 10_000 },
    async () => {
      const committed = (await readdir(path.join(ROOT, "prisma", "migrations"), { withFileTypes: true }))
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort();
      expect(committed.length).toBeGreaterThan(0);
      expect(createdId, "needs the data directory of the first test").toBeTruthy();
      const child = await runFixture("inspect", dataDir);
      expectCleanExit(child);
      expect(JSON.parse(child.result)).toEqual({ migrations: committed, auditChain: { ok: true, checked: 2 } });
    },
  );
});
