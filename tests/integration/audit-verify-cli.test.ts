import { execFile } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createTestOrg, type TestOrg } from "@/scripts/support/create-test-org";
import { createSystem } from "@/lib/systems/create-system";
import { updateSystem } from "@/lib/systems/update-system";

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Runs the CLI as a child process against the test database; resolves with its exit code and output. */
function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      "npx",
      ["tsx", "scripts/audit-verify.ts", ...args],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

async function slugOf(org: TestOrg): Promise<string> {
  return (await db.organization.findUniqueOrThrow({ where: { id: org.orgId }, select: { slug: true } })).slug;
}

/** An organisation with 4 audit events. */
async function orgWithHistory(label: string) {
  const org = await createTestOrg(label);
  const s = await createSystem({ ctx: org.as("admin"), input: { name: "Audited" } });
  const v2 = await updateSystem({ ctx: org.as("admin"), input: { id: s.id, patch: { name: "Audited 2", version: s.version } } });
  await updateSystem({ ctx: org.as("admin"), input: { id: s.id, patch: { name: "Audited 3", version: v2.version } } });
  return { org, slug: await slugOf(org) };
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

describe("scripts/audit-verify.ts", () => {
  let intact: { org: TestOrg; slug: string };
  let tampered: { org: TestOrg; slug: string };
  let tamperedEventId: string;

  beforeAll(async () => {
    [intact, tampered] = await Promise.all([orgWithHistory("cli-intact"), orgWithHistory("cli-tampered")]);
    tamperedEventId = (await db.auditEvent.findUniqueOrThrow({ where: { orgId_seq: { orgId: tampered.org.orgId, seq: 3 } }, select: { id: true } })).id;
    await db.$executeRawUnsafe(
      `UPDATE "AuditEvent" SET changes = '{"name":{"before":"x","after":"y"}}'::jsonb WHERE "orgId" = $1 AND seq = 3`,
      tampered.org.orgId,
    );
  });

  it("an intact organisation → exit 0 and an OK line with the event count", async () => {
    const { code, stdout } = await runCli(["--org", intact.slug]);
    expect(stdout.trim()).toBe(`OK  ${intact.slug}  4 events`);
    expect(code).toBe(0);
  });

  it("a tampered organisation → exit 1 and a BROKEN line naming the seq and the event", async () => {
    const { code, stdout } = await runCli(["--org", tampered.slug]);
    expect(stdout.trim()).toMatch(new RegExp(`^BROKEN ${tampered.slug} at event #3 \\(${tamperedEventId}\\): .*altered`));
    expect(code).toBe(1);
  });

  it("without --org it checks every organisation and exits 1 because one is broken", async () => {
    const { code, stdout } = await runCli([]);
    const lines = stdout.trim().split("\n");
    expect(lines).toContain(`OK  ${intact.slug}  4 events`);
    expect(lines.some((l) => l.startsWith(`BROKEN ${tampered.slug} at event #3 `))).toBe(true);
    expect(code).toBe(1);
  });

  it("an unknown slug → exit 2 with a message", async () => {
    const { code, stderr } = await runCli(["--org", "no-such-org-slug"]);
    expect(stderr).toContain('No organisation with slug "no-such-org-slug"');
    expect(code).toBe(2);
  });
});
