import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { authenticateCredentials, LOGIN_WINDOW_MS, MAX_FAILURES_PER_EMAIL, MAX_FAILURES_PER_IP } from "@/lib/auth/authenticate-credentials";
import { createTestOrg, TEST_PASSWORD, type TestOrg } from "@/tests/factories/create-test-org";

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** A client IP no other test uses (the limiter counts per IP across the whole database). */
const uniqueIp = () => `10.${randomBytes(3).join(".")}`;
const uniqueEmail = (label: string) => `${label}-${randomBytes(4).toString("hex")}@example.test`;

let org: TestOrg;
/** bcrypt hash of TEST_PASSWORD (cost 4) copied from a factory user, to create more users cheaply. */
let testHash: string;

/** A user with password TEST_PASSWORD that no other test signs in as. */
async function freshUser(label = "login") {
  const email = uniqueEmail(label);
  const user = await db.user.create({ data: { email, name: `User ${label}`, passwordHash: testHash }, select: { id: true, email: true, name: true } });
  return user;
}

async function fail(email: string, ip: string, times: number) {
  for (let i = 0; i < times; i++) expect(await authenticateCredentials({ email, password: `wrong-${i}` }, ip)).toBeNull();
}

async function expectRateLimited(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("RATE_LIMITED");
}

beforeAll(async () => {
  org = await createTestOrg("login");
  testHash = (await db.user.findUniqueOrThrow({ where: { id: org.users.executive.id }, select: { passwordHash: true } })).passwordHash!;
});

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

describe("authenticateCredentials: checking the password", () => {
  it("right password → the user", async () => {
    const { email, id } = org.users.risk_owner;
    const user = await authenticateCredentials({ email, password: TEST_PASSWORD }, uniqueIp());
    expect(user).toEqual({ id, email, name: expect.any(String) });
  });

  it("the e-mail address is matched case-insensitively and trimmed", async () => {
    const { email, id } = org.users.auditor;
    await expect(authenticateCredentials({ email: `  ${email.toUpperCase()} `, password: TEST_PASSWORD }, uniqueIp())).resolves.toMatchObject({ id });
  });

  it("wrong password and unknown e-mail both → null (the same answer), and both count as failures", async () => {
    const ip = uniqueIp();
    const { email } = org.users.executive;
    const unknown = uniqueEmail("nobody");
    const wrongPassword = await authenticateCredentials({ email, password: "not-the-password" }, ip);
    const unknownEmail = await authenticateCredentials({ email: unknown, password: TEST_PASSWORD }, ip);
    expect(wrongPassword).toBeNull();
    expect(unknownEmail).toBeNull();
    expect(wrongPassword).toStrictEqual(unknownEmail);
    expect(await db.loginAttempt.count({ where: { ip, success: false } })).toBe(2);
  });

  it("malformed input → null, not an exception", async () => {
    const ip = uniqueIp();
    for (const raw of [
      undefined,
      null,
      "x",
      {},
      { email: org.users.executive.email },
      { email: 1, password: TEST_PASSWORD },
      { email: "a@b.c", password: "x".repeat(1001) },
    ]) {
      expect(await authenticateCredentials(raw, ip)).toBeNull();
    }
  });

  it("an account without a password (SSO only) cannot sign in with any password", async () => {
    const email = uniqueEmail("sso");
    await db.user.create({ data: { email, name: "SSO only", passwordHash: null } });
    expect(await authenticateCredentials({ email, password: "" }, uniqueIp())).toBeNull();
    expect(await authenticateCredentials({ email, password: TEST_PASSWORD }, uniqueIp())).toBeNull();
  });
});

describe("authenticateCredentials: rate limiting per e-mail address", () => {
  it(`after ${MAX_FAILURES_PER_EMAIL} failures the next attempt, even with the right password, is RATE_LIMITED`, async () => {
    const user = await freshUser("limited");
    const ip = uniqueIp();
    await fail(user.email, ip, MAX_FAILURES_PER_EMAIL - 1);
    // one below the limit: the right password still works (a success does not reset the count)
    await expect(authenticateCredentials({ email: user.email, password: TEST_PASSWORD }, ip)).resolves.toMatchObject({ id: user.id });
    await fail(user.email, ip, 1);
    await expectRateLimited(authenticateCredentials({ email: user.email, password: TEST_PASSWORD }, ip));
    // from another IP too: the limit is per address
    await expectRateLimited(authenticateCredentials({ email: user.email, password: TEST_PASSWORD }, uniqueIp()));
  });

  it("failures with different spellings of the address count together", async () => {
    const user = await freshUser("spelling");
    const ip = uniqueIp();
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
      const spelling = i % 2 ? user.email.toUpperCase() : ` ${user.email}`;
      expect(await authenticateCredentials({ email: spelling, password: "wrong" }, ip)).toBeNull();
    }
    await expectRateLimited(authenticateCredentials({ email: user.email, password: TEST_PASSWORD }, ip));
  });

  it("unknown addresses are limited the same way (no hint that the account does not exist)", async () => {
    const unknown = uniqueEmail("ghost");
    const ip = uniqueIp();
    await fail(unknown, ip, MAX_FAILURES_PER_EMAIL);
    await expectRateLimited(authenticateCredentials({ email: unknown, password: "whatever" }, ip));
  });

  it("other e-mail addresses are unaffected, even from the same IP", async () => {
    const blocked = await freshUser("blocked");
    const other = await freshUser("unaffected");
    const ip = uniqueIp();
    await fail(blocked.email, ip, MAX_FAILURES_PER_EMAIL);
    await expectRateLimited(authenticateCredentials({ email: blocked.email, password: TEST_PASSWORD }, ip));
    await expect(authenticateCredentials({ email: other.email, password: TEST_PASSWORD }, ip)).resolves.toMatchObject({ id: other.id });
  });

  it(`failures older than the window (${LOGIN_WINDOW_MS / 60_000} min) no longer count`, async () => {
    const user = await freshUser("window");
    const old = new Date(Date.now() - LOGIN_WINDOW_MS - 60_000);
    await db.loginAttempt.createMany({
      data: Array.from({ length: MAX_FAILURES_PER_EMAIL }, () => ({ email: user.email, ip: uniqueIp(), success: false, createdAt: old })),
    });
    await expect(authenticateCredentials({ email: user.email, password: TEST_PASSWORD }, uniqueIp())).resolves.toMatchObject({ id: user.id });
  });
});

describe("authenticateCredentials: rate limiting per client IP", () => {
  it(`after ${MAX_FAILURES_PER_IP} failures from one IP (spread over many addresses) that IP is RATE_LIMITED`, async () => {
    const ip = uniqueIp();
    const perEmail = MAX_FAILURES_PER_EMAIL - 1; // stay below the per-address limit
    const users = [];
    for (let i = 0; i < Math.ceil(MAX_FAILURES_PER_IP / perEmail); i++) users.push(await freshUser(`ip-${i}`));

    let failures = 0;
    for (const user of users) {
      const n = Math.min(perEmail, MAX_FAILURES_PER_IP - 1 - failures);
      await fail(user.email, ip, n);
      failures += n;
    }
    expect(failures).toBe(MAX_FAILURES_PER_IP - 1);
    // one below the limit: still open
    const victim = await freshUser("ip-victim");
    await expect(authenticateCredentials({ email: victim.email, password: TEST_PASSWORD }, ip)).resolves.toMatchObject({ id: victim.id });

    await fail(users[0].email, ip, 1);
    await expectRateLimited(authenticateCredentials({ email: victim.email, password: TEST_PASSWORD }, ip));
    await expectRateLimited(authenticateCredentials({ email: uniqueEmail("anyone"), password: "x" }, ip));
    // the same person from another IP is fine
    await expect(authenticateCredentials({ email: victim.email, password: TEST_PASSWORD }, uniqueIp())).resolves.toMatchObject({ id: victim.id });
  });
});
