import { createHash, randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError, type AppErrorCode } from "@/lib/errors";
import { verifyPassword } from "@/lib/auth/hash-password";
import { authenticateCredentials } from "@/lib/auth/authenticate-credentials";
import { createTestOrg, type TestOrg } from "@/scripts/support/create-test-org";
import { addMember } from "@/lib/members/add-member";
import { listMembers } from "@/lib/members/list-members";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";
import { listApiTokens } from "@/lib/tokens/list-api-tokens";
import { authenticateApiToken } from "@/lib/tokens/authenticate-api-token";
import { createSystem } from "@/lib/systems/create-system";
import { listSystems } from "@/lib/systems/list-systems";

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

async function expectAppError(call: () => Promise<unknown>, code: AppErrorCode): Promise<AppError> {
  const error = await call().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected AppError ${code}, but the call succeeded`).not.toBeNull();
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

async function auditSeq(orgId: string): Promise<number> {
  return (await db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { auditSeq: true } })).auditSeq;
}

const uniqueEmail = (label: string) => `${label}-${randomBytes(4).toString("hex")}@example.test`;
const sha256Hex = (s: string) => createHash("sha256").update(s).digest("hex");

// ---------------------------------------------------------------------------------------------
// Members
// ---------------------------------------------------------------------------------------------

describe("addMember (system actor only: the demo seed and CLIs; people join through invitations)", () => {
  let org: TestOrg;
  let other: TestOrg;
  beforeAll(async () => {
    [org, other] = await Promise.all([createTestOrg("members"), createTestOrg("members-other")]);
  });

  it("members (admins included) and API tokens cannot call it: no admin learns a password or links an account", async () => {
    await expectAppError(() => addMember({ ctx: org.as("admin"), input: { email: uniqueEmail("direct"), name: "Direct", role: "executive" } }), "FORBIDDEN");
    await expectAppError(() => addMember({ ctx: org.as("admin"), input: { email: other.users.auditor.email, name: "Linked", role: "admin" } }), "FORBIDDEN");
  });

  it("creates an account with a one-time password that is returned once and stored only as a hash", async () => {
    const email = uniqueEmail("new.person");
    const { userId, initialPassword } = await addMember({
      ctx: org.system,
      input: { email: `  ${email.toUpperCase()} `, name: "New Person", role: "risk_owner" },
    });
    expect(initialPassword).toEqual(expect.any(String));
    expect(initialPassword!.length).toBeGreaterThanOrEqual(16);

    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.email).toBe(email.toLowerCase());
    expect(user.name).toBe("New Person");
    expect(user.passwordHash).not.toBeNull();
    expect(user.passwordHash).not.toContain(initialPassword!);
    expect(user.passwordHash).toMatch(/^\$2[aby]\$/);
    expect(await verifyPassword(initialPassword!, user.passwordHash!)).toBe(true);
    expect(await verifyPassword(`${initialPassword}x`, user.passwordHash!)).toBe(false);

    // the password appears nowhere else, in particular not in the audit trail
    const event = await db.auditEvent.findFirstOrThrow({ where: { orgId: org.orgId, action: "member.add", entityId: userId } });
    expect(JSON.stringify(event)).not.toContain(initialPassword!);
    expect(event.changes).toEqual({
      email: { before: null, after: email.toLowerCase() },
      role: { before: null, after: "risk_owner" },
      accountCreated: { before: null, after: true },
    });

    expect((await listMembers({ ctx: org.as("executive") })).find((m) => m.userId === userId)).toMatchObject({
      role: "risk_owner",
      email: email.toLowerCase(),
    });
    // and the new person can sign in with it
    await expect(authenticateCredentials({ email, password: initialPassword }, `10.9.${randomBytes(1)[0]}.1`)).resolves.toMatchObject({ id: userId });
  });

  it("every new account gets a different password", async () => {
    const [a, b] = await Promise.all([
      addMember({ ctx: org.system, input: { email: uniqueEmail("pw-a"), name: "A", role: "executive" } }),
      addMember({ ctx: org.system, input: { email: uniqueEmail("pw-b"), name: "B", role: "executive" } }),
    ]);
    expect(a.initialPassword).not.toBe(b.initialPassword);
  });

  it("links an existing account from another organisation and returns initialPassword null", async () => {
    const existing = other.users.auditor;
    const before = await db.user.findUniqueOrThrow({ where: { id: existing.id } });
    const result = await addMember({ ctx: org.system, input: { email: existing.email, name: "Ignored name", role: "compliance_officer" } });
    expect(result).toEqual({ userId: existing.id, initialPassword: null });

    const after = await db.user.findUniqueOrThrow({ where: { id: existing.id } });
    expect(after).toEqual(before); // password and name untouched
    const memberships = await db.membership.findMany({ where: { userId: existing.id }, select: { orgId: true, role: true } });
    expect(memberships).toHaveLength(2);
    expect(memberships).toContainEqual({ orgId: other.orgId, role: "auditor" });
    expect(memberships).toContainEqual({ orgId: org.orgId, role: "compliance_officer" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { orgId: org.orgId, action: "member.add", entityId: existing.id } });
    expect(event.changes).toMatchObject({ accountCreated: { before: null, after: false } });
  });

  it("adding someone who is already a member → CONFLICT with path email, nothing written", async () => {
    const seq = await auditSeq(org.orgId);
    const error = await expectAppError(
      () => addMember({ ctx: org.system, input: { email: org.users.executive.email, name: "Again", role: "auditor" } }),
      "CONFLICT",
    );
    expect(error.issues).toEqual([{ path: "email", message: expect.any(String) }]);
    // also with different case and whitespace
    await expectAppError(
      () => addMember({ ctx: org.system, input: { email: ` ${org.users.executive.email.toUpperCase()}`, name: "Again", role: "auditor" } }),
      "CONFLICT",
    );
    expect(await auditSeq(org.orgId)).toBe(seq);
    expect((await listMembers({ ctx: org.system })).find((m) => m.userId === org.users.executive.id)?.role).toBe("executive");
  });

  it("validates the input with field paths", async () => {
    const error = await expectAppError(() => addMember({ ctx: org.system, input: { email: "not-an-email", name: "", role: "owner" as never } }), "VALIDATION");
    expect(error.issues.map((i) => i.path).sort()).toEqual(["email", "name", "role"]);
  });
});

// ---------------------------------------------------------------------------------------------
// API tokens
// ---------------------------------------------------------------------------------------------

describe("API tokens", () => {
  let org: TestOrg;
  let other: TestOrg;
  beforeAll(async () => {
    [org, other] = await Promise.all([createTestOrg("tokens"), createTestOrg("tokens-other")]);
  });

  it("createApiToken returns the secret once and stores only its SHA-256", async () => {
    const { id, secret } = await createApiToken({ ctx: org.as("admin"), input: { name: "CI pipeline", scopes: ["read"] } });
    expect(secret).toMatch(/^aigov_[A-Za-z0-9_-]{40,}$/);

    const row = await db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).toBe(sha256Hex(secret));
    expect(row).toMatchObject({
      orgId: org.orgId,
      name: "CI pipeline",
      scopes: ["read"],
      prefix: secret.slice(0, 12),
      createdById: org.users.admin.id,
      revokedAt: null,
    });
    expect(Object.values(row)).not.toContain(secret);

    const listed = await listApiTokens({ ctx: org.as("admin") });
    expect(listed.find((t) => t.id === id)).toMatchObject({ name: "CI pipeline", prefix: secret.slice(0, 12), scopes: ["read"], revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(JSON.stringify(await db.auditEvent.findMany({ where: { orgId: org.orgId } }))).not.toContain(secret);
  });

  it("each token gets its own secret", async () => {
    const a = await createApiToken({ ctx: org.as("admin"), input: { name: "a", scopes: ["read"] } });
    const b = await createApiToken({ ctx: org.as("admin"), input: { name: "b", scopes: ["read"] } });
    expect(a.secret).not.toBe(b.secret);
  });

  it("authenticateApiToken accepts `Bearer <secret>` and returns a token context with the right org and scopes", async () => {
    const { id, secret } = await createApiToken({ ctx: org.as("admin"), input: { name: "Sync job", scopes: ["read", "write"] } });
    const ctx = await authenticateApiToken(`Bearer ${secret}`);
    expect(ctx).toEqual({ orgId: org.orgId, actor: { type: "token", tokenId: id, scopes: ["read", "write"], label: 'API token "Sync job"' } });
    expect((await authenticateApiToken(`bearer   ${secret}`)).orgId).toBe(org.orgId);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).not.toBeNull();

    const otherToken = await createApiToken({ ctx: other.as("admin"), input: { name: "Other org", scopes: ["read"] } });
    expect((await authenticateApiToken(`Bearer ${otherToken.secret}`)).orgId).toBe(other.orgId);
  });

  it("the context of a read token can read but not write", async () => {
    const { secret } = await createApiToken({ ctx: org.as("admin"), input: { name: "Reader", scopes: ["read"] } });
    const ctx = await authenticateApiToken(`Bearer ${secret}`);
    await expect(listSystems({ ctx, input: {} })).resolves.toHaveProperty("items");
    await expectAppError(() => createSystem({ ctx, input: { name: "Not allowed" } }), "FORBIDDEN");
  });

  it("rejects a token after it is revoked", async () => {
    const { id, secret } = await createApiToken({ ctx: org.as("admin"), input: { name: "Short-lived", scopes: ["write"] } });
    await authenticateApiToken(`Bearer ${secret}`);
    await revokeApiToken({ ctx: org.as("admin"), input: { id } });
    await expectAppError(() => authenticateApiToken(`Bearer ${secret}`), "UNAUTHENTICATED");
    expect((await listApiTokens({ ctx: org.as("admin") })).find((t) => t.id === id)?.revokedAt).not.toBeNull();
    await expectAppError(() => revokeApiToken({ ctx: org.as("admin"), input: { id } }), "CONFLICT");
  });

  it.each([
    ["no header", null],
    ["empty header", ""],
    ["Bearer without a token", "Bearer "],
    ["garbage", "Bearer garbage"],
    ["right prefix, unknown secret", `Bearer aigov_${randomBytes(32).toString("base64url")}`],
    ["not a Bearer scheme", "Basic dXNlcjpwYXNz"],
    ["two tokens", "Bearer aigov_a aigov_b"],
  ])("rejects %s with UNAUTHENTICATED", async (_name, header) => {
    await expectAppError(() => authenticateApiToken(header), "UNAUTHENTICATED");
  });

  it("rejects a real secret that is sent without the Bearer scheme or altered", async () => {
    const { secret } = await createApiToken({ ctx: org.as("admin"), input: { name: "Exact", scopes: ["read"] } });
    await expectAppError(() => authenticateApiToken(secret), "UNAUTHENTICATED");
    await expectAppError(() => authenticateApiToken(`Bearer ${secret}x`), "UNAUTHENTICATED");
    await expectAppError(() => authenticateApiToken(`Bearer ${secret.slice(0, -1)}`), "UNAUTHENTICATED");
  });

  it("validates name and scopes with field paths", async () => {
    const error = await expectAppError(() => createApiToken({ ctx: org.as("admin"), input: { name: " ", scopes: [] } }), "VALIDATION");
    expect(error.issues.map((i) => i.path).sort()).toEqual(["name", "scopes"]);
    await expectAppError(() => createApiToken({ ctx: org.as("admin"), input: { name: "x", scopes: ["admin" as never] } }), "VALIDATION");
  });
});
