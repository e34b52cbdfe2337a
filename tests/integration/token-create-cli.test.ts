import { execFile } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { authenticateApiToken } from "@/lib/tokens/authenticate-api-token";
import { hashToken } from "@/lib/tokens/hash-token";
import { createTestOrg, type TestOrg } from "@/scripts/support/create-test-org";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Runs `npm run token:create -- …` against the test database. */
function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      "npm",
      ["run", "--silent", "token:create", "--", ...args],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

describe("scripts/token-create.ts", () => {
  let org: TestOrg;
  let slug: string;
  beforeAll(async () => {
    org = await createTestOrg("token-cli");
    slug = (await db.organization.findUniqueOrThrow({ where: { id: org.orgId }, select: { slug: true } })).slug;
  });

  it("creates a token as the system actor, audited, and prints the secret once on the last line", async () => {
    const { code, stdout, stderr } = await runCli(["--org", slug, "--name", "CI pipeline", "--scope", "read"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    const secret = lines.at(-1)!;
    expect(secret).toMatch(/^aigov_[A-Za-z0-9_-]{40,}$/);
    expect(lines.slice(0, -1).join("\n")).not.toContain(secret);
    expect(lines[0]).toContain(`"CI pipeline" for ${slug} with scope read`);

    const row = await db.apiToken.findUniqueOrThrow({
      where: { tokenHash: hashToken(secret) },
      select: { id: true, orgId: true, scopes: true, createdById: true },
    });
    expect(row).toMatchObject({ orgId: org.orgId, scopes: ["read"], createdById: "system" });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { orgId: org.orgId, action: "token.create", entityId: row.id },
      select: { actorType: true, actorLabel: true, changes: true },
    });
    expect(event).toEqual({
      actorType: "system",
      actorLabel: "token-create CLI",
      changes: { name: { before: null, after: "CI pipeline" }, scopes: { before: null, after: ["read"] } },
    });
    expect(JSON.stringify(event)).not.toContain(secret);
    // and it works
    await expect(authenticateApiToken(`Bearer ${secret}`)).resolves.toMatchObject({ orgId: org.orgId, actor: { scopes: ["read"] } });
  });

  it("--scope twice (or comma-separated) gives both scopes", async () => {
    const { code, stdout } = await runCli(["--org", slug, "--name", "Sync", "--scope", "read", "--scope", "write"]);
    expect(code).toBe(0);
    const secret = stdout.trim().split("\n").at(-1)!;
    expect((await db.apiToken.findUniqueOrThrow({ where: { tokenHash: hashToken(secret) } })).scopes).toEqual(["read", "write"]);
  });

  it("bad input → a clear message on stderr, exit 1, nothing created", async () => {
    const before = await db.apiToken.count({ where: { orgId: org.orgId } });
    const badScope = await runCli(["--org", slug, "--name", "X", "--scope", "admin"]);
    expect(badScope.stderr).toContain("Error (VALIDATION)");
    expect(badScope.code).toBe(1);
    const unknown = await runCli(["--org", "no-such-org", "--name", "X", "--scope", "read"]);
    expect(unknown.stderr).toContain('Error: No organisation with slug "no-such-org".');
    expect(unknown.code).toBe(1);
    const bare = await runCli([]);
    expect(bare.stderr).toContain("Usage: npm run token:create -- --org <slug> --name <name> --scope read|write");
    expect(bare.code).toBe(1);
    expect(await db.apiToken.count({ where: { orgId: org.orgId } })).toBe(before);
  });
});
