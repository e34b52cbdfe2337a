import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { resolveOidcUser } from "@/lib/auth/resolve-oidc-user";
import { authenticateCredentials } from "@/lib/auth/authenticate-credentials";
import { hashPassword } from "@/lib/auth/hash-password";
import { createTestOrg, TEST_PASSWORD, type TestOrg } from "@/scripts/support/create-test-org";

// resolveOidcUser is what the OIDC provider's profile() calls with the ID-token claims
// (lib/auth/auth-options.ts), so this covers single sign-on without a live identity provider.

const ISSUER = "https://idp.example.test/realms/acme";
const sub = () => `sub-${randomBytes(6).toString("hex")}`;

let org: TestOrg;
beforeAll(async () => {
  org = await createTestOrg("oidc");
});

describe("resolveOidcUser", () => {
  it("first sign-in with a verified e-mail of an existing account binds issuer + subject to it", async () => {
    const { id, email } = org.users.risk_owner;
    const subject = sub();
    const result = await resolveOidcUser({ claims: { iss: ISSUER, sub: subject, email: email.toUpperCase(), email_verified: true }, issuer: ISSUER });
    expect(result).toMatchObject({ ok: true, bound: true, user: { id, email } });
    expect(await db.userIdentity.findMany({ where: { userId: id }, select: { issuer: true, subject: true } })).toEqual([{ issuer: ISSUER, subject }]);
  });

  it("afterwards the binding decides, not the e-mail: a changed e-mail at the IdP still reaches the same account", async () => {
    const { id, email } = org.users.auditor;
    const subject = sub();
    await resolveOidcUser({ claims: { iss: ISSUER, sub: subject, email, email_verified: true }, issuer: ISSUER });
    const later = await resolveOidcUser({ claims: { iss: ISSUER, sub: subject, email: "renamed@elsewhere.test", email_verified: false }, issuer: ISSUER });
    expect(later).toMatchObject({ ok: true, bound: false, user: { id } });
  });

  it("another subject claiming an already bound account's e-mail is refused (recycled or spoofed address)", async () => {
    const { email } = org.users.executive;
    await resolveOidcUser({ claims: { iss: ISSUER, sub: sub(), email, email_verified: true }, issuer: ISSUER });
    const intruder = await resolveOidcUser({ claims: { iss: ISSUER, sub: sub(), email, email_verified: true }, issuer: ISSUER });
    expect(intruder).toEqual({ ok: false, reason: "bound_to_other_subject" });
  });

  it("the same subject at another issuer is a different identity", async () => {
    const { email } = org.users.compliance_officer;
    const subject = sub();
    await resolveOidcUser({ claims: { iss: ISSUER, sub: subject, email, email_verified: true }, issuer: ISSUER });
    const otherIdp = await resolveOidcUser({
      claims: { iss: "https://other-idp.example.test", sub: subject, email: "x@y.test", email_verified: true },
      issuer: ISSUER,
    });
    expect(otherIdp).toEqual({ ok: false, reason: "no_account" });
  });

  it.each([
    ["missing", undefined],
    ["false", false],
    ['the string "true"', "true"],
    ["1", 1],
  ])("email_verified %s → refused, nothing bound", async (_label, emailVerified) => {
    const { id, email } = org.users.admin;
    const result = await resolveOidcUser({ claims: { iss: ISSUER, sub: sub(), email, email_verified: emailVerified }, issuer: ISSUER });
    expect(result).toEqual({ ok: false, reason: "email_not_verified" });
    expect(await db.userIdentity.count({ where: { userId: id } })).toBe(0);
  });

  it("no account for the e-mail → refused (no self-provisioning), no account created", async () => {
    const email = `stranger-${randomBytes(4).toString("hex")}@example.test`;
    expect(await resolveOidcUser({ claims: { iss: ISSUER, sub: sub(), email, email_verified: true }, issuer: ISSUER })).toEqual({
      ok: false,
      reason: "no_account",
    });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("without sub → refused; the configured issuer is used when the claims carry none", async () => {
    expect(await resolveOidcUser({ claims: { email: org.users.admin.email, email_verified: true }, issuer: ISSUER })).toEqual({
      ok: false,
      reason: "invalid_profile",
    });
    const fresh = await db.user.create({
      data: { email: `noiss-${randomBytes(4).toString("hex")}@example.test`, name: "No iss" },
      select: { id: true, email: true },
    });
    const subject = sub();
    await resolveOidcUser({ claims: { sub: subject, email: fresh.email, email_verified: true }, issuer: ISSUER });
    expect(await db.userIdentity.findFirst({ where: { userId: fresh.id }, select: { issuer: true, subject: true } })).toEqual({ issuer: ISSUER, subject });
  });

  it("every outcome lands in the security log as an oidc attempt", async () => {
    const email = `logged-${randomBytes(4).toString("hex")}@example.test`;
    await resolveOidcUser({ claims: { iss: ISSUER, sub: sub(), email, email_verified: false }, issuer: ISSUER });
    expect(await db.loginAttempt.findMany({ where: { email }, select: { method: true, outcome: true, detail: true } })).toEqual([
      { method: "oidc", outcome: "failure", detail: "email_not_verified" },
    ]);
  });
});

describe("auth-options wiring (the OIDC provider's profile(), the signIn and redirect callbacks)", () => {
  async function loadAuthOptions() {
    process.env.OIDC_ISSUER = ISSUER;
    process.env.OIDC_CLIENT_ID = "client";
    process.env.OIDC_CLIENT_SECRET = "secret";
    vi.resetModules();
    return (await import("@/lib/auth/auth-options")).authOptions;
  }

  it("profile() maps to the local account through resolveOidcUser; signIn refuses what it refused", async () => {
    const options = await loadAuthOptions();
    const provider = options.providers.find((p) => p.id === "oidc") as unknown as { profile: (claims: object, tokens: object) => Promise<{ id: string }> };
    const signIn = options.callbacks!.signIn!;
    const account = { provider: "oidc", type: "oauth", providerAccountId: "x" } as const;

    const { id, email } = org.users.admin;
    const good = await provider.profile({ iss: ISSUER, sub: sub(), email, email_verified: true }, {});
    expect(good.id).toBe(id);
    expect(await signIn({ user: good as never, account })).toBe(true);

    const unverified = await provider.profile({ iss: ISSUER, sub: sub(), email: org.users.auditor.email, email_verified: false }, {});
    expect(unverified.id).not.toBe(org.users.auditor.id);
    expect(await signIn({ user: unverified as never, account })).toBe(false);

    const jwt = await options.callbacks!.jwt!({ token: {}, user: good as never, account } as never);
    expect(jwt.sub).toBe(id);
  });

  it("the redirect callback keeps next-auth on the app's own origin", async () => {
    const options = await loadAuthOptions();
    const redirect = options.callbacks!.redirect!;
    const baseUrl = "http://localhost:3000";
    expect(await redirect({ url: "/systems?tier=high", baseUrl })).toBe("http://localhost:3000/systems?tier=high");
    expect(await redirect({ url: "http://localhost:3000/risks", baseUrl })).toBe("http://localhost:3000/risks");
    for (const url of ["https://evil.example/", "//evil.example", "/\t/evil.example", "/\\evil.example", "/.//evil.example", "javascript:alert(1)"]) {
      expect(new URL(await redirect({ url, baseUrl })).origin, url).toBe(baseUrl);
    }
  });
});

describe("first binding takes the account over for the e-mail's proven owner", () => {
  it("a password set by whoever opened the invitation link first stops working once the owner signs in with SSO", async () => {
    // e.g. an admin opened the invitation link of an address without an account and chose a password
    const email = `squatted-${randomBytes(4).toString("hex")}@example.test`;
    const squatterHash = await hashPassword(TEST_PASSWORD);
    const account = await db.user.create({ data: { email, name: "Squatted", passwordHash: squatterHash }, select: { id: true } });
    const ip = `10.77.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
    await expect(authenticateCredentials({ email, password: TEST_PASSWORD }, ip)).resolves.toMatchObject({ id: account.id });

    const result = await resolveOidcUser({ claims: { iss: ISSUER, sub: sub(), email, email_verified: true }, issuer: ISSUER });
    expect(result).toMatchObject({ ok: true, bound: true, user: { id: account.id } });
    expect((await db.user.findUniqueOrThrow({ where: { id: account.id } })).passwordHash).toBeNull();
    expect(await authenticateCredentials({ email, password: TEST_PASSWORD }, ip)).toBeNull();
  });
});
