import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { authenticateCredentials, BACKOFF_BASE_MS, EMAIL_THROTTLE, IP_THROTTLE } from "@/lib/auth/authenticate-credentials";
import { clientIp } from "@/lib/auth/client-ip";
import { listSignInEvents } from "@/lib/security-log/list-sign-in-events";

const MAX_FAILURES_PER_EMAIL = EMAIL_THROTTLE.threshold;
const MAX_FAILURES_PER_IP = IP_THROTTLE.threshold;
import { createTestOrg, TEST_PASSWORD, type TestOrg } from "@/scripts/support/create-test-org";

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
    expect(await db.loginAttempt.count({ where: { ip, outcome: "failure" } })).toBe(2);
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

/** Pretends `ms` have passed for every attempt of this e-mail address or IP (moves them into the past). */
async function age(where: { email: string } | { ip: string }, ms: number) {
  await db.$executeRawUnsafe(
    `UPDATE "LoginAttempt" SET "createdAt" = "createdAt" - ($1 || ' milliseconds')::interval WHERE ${"email" in where ? '"email"' : '"ip"'} = $2`,
    String(ms),
    "email" in where ? where.email : where.ip,
  );
}

describe("authenticateCredentials: back-off per e-mail address", () => {
  it(`after ${MAX_FAILURES_PER_EMAIL} failures the next attempt, even with the right password, is RATE_LIMITED, from any IP`, async () => {
    const user = await freshUser("limited");
    const ip = uniqueIp();
    await fail(user.email, ip, MAX_FAILURES_PER_EMAIL);
    await expectRateLimited(authenticateCredentials({ email: user.email, password: TEST_PASSWORD }, ip));
    await expectRateLimited(authenticateCredentials({ email: user.email, password: TEST_PASSWORD }, uniqueIp()));
  });

  it("it is a back-off, not a lockout: the wait doubles with each further failure, then the owner gets in", async () => {
    const user = await freshUser("backoff");
    const ip = uniqueIp();
    await fail(user.email, ip, MAX_FAILURES_PER_EMAIL);
    await age({ email: user.email }, BACKOFF_BASE_MS + 1000);
    // one more wrong guess is allowed, and doubles the wait
    await fail(user.email, ip, 1);
    await age({ email: user.email }, BACKOFF_BASE_MS + 1000);
    await expectRateLimited(authenticateCredentials({ email: user.email, password: TEST_PASSWORD }, ip));
    await age({ email: user.email }, BACKOFF_BASE_MS);
    await expect(authenticateCredentials({ email: user.email, password: TEST_PASSWORD }, ip)).resolves.toMatchObject({ id: user.id });
    // a success starts the count again
    await fail(user.email, ip, MAX_FAILURES_PER_EMAIL - 1);
    await expect(authenticateCredentials({ email: user.email, password: TEST_PASSWORD }, ip)).resolves.toMatchObject({ id: user.id });
  });

  it("throttled attempts are logged but do not extend the back-off", async () => {
    const user = await freshUser("throttled");
    const ip = uniqueIp();
    await fail(user.email, ip, MAX_FAILURES_PER_EMAIL);
    for (let i = 0; i < 5; i++) await expectRateLimited(authenticateCredentials({ email: user.email, password: "guess" }, ip));
    expect(await db.loginAttempt.count({ where: { email: user.email, outcome: "throttled" } })).toBe(5);
    await age({ email: user.email }, BACKOFF_BASE_MS + 1000);
    await expect(authenticateCredentials({ email: user.email, password: TEST_PASSWORD }, ip)).resolves.toMatchObject({ id: user.id });
  });

  it("parallel wrong guesses cannot race past the limit: the attempt is counted before the password check", async () => {
    const user = await freshUser("parallel");
    const results = await Promise.allSettled(
      Array.from({ length: 16 }, (_, i) => authenticateCredentials({ email: user.email, password: `parallel-${i}` }, uniqueIp())),
    );
    const checked = results.filter((r) => r.status === "fulfilled");
    const limited = results.filter((r) => r.status === "rejected" && (r.reason as AppError).code === "RATE_LIMITED");
    expect(checked).toHaveLength(MAX_FAILURES_PER_EMAIL);
    expect(limited).toHaveLength(16 - MAX_FAILURES_PER_EMAIL);
    expect(await db.loginAttempt.count({ where: { email: user.email, outcome: "failure" } })).toBe(MAX_FAILURES_PER_EMAIL);
    expect(await db.loginAttempt.count({ where: { email: user.email, outcome: "pending" } })).toBe(0);
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

  it("failures older than a day no longer count", async () => {
    const user = await freshUser("window");
    const old = new Date(Date.now() - EMAIL_THROTTLE.lookbackMs - 60_000);
    await db.loginAttempt.createMany({
      data: Array.from({ length: MAX_FAILURES_PER_EMAIL * 3 }, () => ({ email: user.email, ip: uniqueIp(), outcome: "failure" as const, createdAt: old })),
    });
    await expect(authenticateCredentials({ email: user.email, password: TEST_PASSWORD }, uniqueIp())).resolves.toMatchObject({ id: user.id });
  });
});

describe("security log", () => {
  it("keeps successes, failures and throttled attempts with the account, and an auditor of the account's organisation reads them", async () => {
    const ip = uniqueIp();
    const { email, id } = org.users.compliance_officer;
    await authenticateCredentials({ email, password: TEST_PASSWORD }, ip);
    await authenticateCredentials({ email, password: "nope" }, ip);
    const rows = await db.loginAttempt.findMany({ where: { ip }, orderBy: { createdAt: "asc" }, select: { userId: true, outcome: true, method: true } });
    expect(rows).toEqual([
      { userId: id, outcome: "success", method: "password" },
      { userId: id, outcome: "failure", method: "password" },
    ]);
    const log = await listSignInEvents({ ctx: org.as("auditor"), input: {} });
    expect(log.items.filter((e) => e.ip === ip).map((e) => e.outcome)).toEqual(["failure", "success"]);
    // other organisations do not see this organisation's members' sign-ins
    const other = await createTestOrg("login-other");
    const theirs = await listSignInEvents({ ctx: other.as("admin"), input: {} });
    expect(theirs.items.some((e) => e.email === email)).toBe(false);
  });

  it("is readable only with audit:read", async () => {
    for (const role of ["compliance_officer", "executive", "risk_owner"] as const) {
      await expect(listSignInEvents({ ctx: org.as(role), input: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});

describe("authenticateCredentials: back-off per client IP", () => {
  it("a spoofed X-Forwarded-For is ignored without TRUST_PROXY: it cannot pick (or dodge) an address bucket", async () => {
    expect(process.env.TRUST_PROXY).toBeUndefined();
    const spoofed = clientIp({ "x-forwarded-for": uniqueIp() });
    expect(spoofed).toBe("unknown");
    const user = await freshUser("spoof");
    await fail(user.email, spoofed, 1);
    expect(await db.loginAttempt.findFirstOrThrow({ where: { email: user.email }, select: { ip: true } })).toEqual({ ip: "unknown" });
    // and the unknown bucket is not an address limit anyone could trigger for everybody
    const many = uniqueEmail("unknown-bucket");
    await db.loginAttempt.createMany({
      data: Array.from({ length: MAX_FAILURES_PER_IP * 2 }, () => ({ email: many, ip: "unknown", outcome: "failure" as const })),
    });
    await expect(authenticateCredentials({ email: user.email, password: TEST_PASSWORD }, "unknown")).resolves.toMatchObject({ id: user.id });
  });

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
