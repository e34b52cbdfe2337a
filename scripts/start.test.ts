import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

// `npm start` runs scripts/start.mjs; without NEXTAUTH_SECRET the server used to start and answer
// the login page with HTTP 500. Each case runs in an empty directory, so no project .env is read.
const START = path.resolve(import.meta.dirname, "start.mjs");

function run(env: Record<string, string | undefined>, files: Record<string, string> = {}) {
  const cwd = mkdtempSync(path.join(tmpdir(), "aigov-start-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(cwd, name), content);
  const { NEXTAUTH_SECRET: _drop, ...rest } = process.env;
  const result = spawnSync(process.execPath, [START, "--check-env"], {
    cwd,
    env: { ...rest, NODE_ENV: "production", ...env },
    encoding: "utf8",
    timeout: 30_000,
  });
  return { code: result.status, stderr: result.stderr, stdout: result.stdout };
}

describe("scripts/start.mjs (npm start)", () => {
  it("is what npm start runs", () => {
    const pkg = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe("node scripts/start.mjs");
  });

  it("refuses to start without NEXTAUTH_SECRET: exit 1 and one line naming the variable and how to set it", () => {
    const { code, stderr } = run({});
    expect(code).toBe(1);
    const lines = stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("NEXTAUTH_SECRET is not set");
    expect(lines[0]).toContain(".env");
    expect(lines[0]).toContain("openssl rand");
  });

  it("an empty or blank value counts as not set", () => {
    expect(run({ NEXTAUTH_SECRET: "" }).code).toBe(1);
    expect(run({ NEXTAUTH_SECRET: "   " }).code).toBe(1);
  });

  it("starts with the secret in the environment or in .env, as next start would read it", () => {
    expect(run({ NEXTAUTH_SECRET: "from-the-environment" })).toMatchObject({ code: 0, stderr: "" });
    expect(run({}, { ".env": "NEXTAUTH_SECRET=from-dot-env\n" })).toMatchObject({ code: 0, stderr: "" });
    expect(run({}, { ".env.production": "NEXTAUTH_SECRET=from-production-env\n" }).code).toBe(0);
  });
});
