import { randomBytes } from "node:crypto";
import nodemailer from "nodemailer";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError, type AppErrorCode } from "@/lib/errors";
import { authenticateCredentials } from "@/lib/auth/authenticate-credentials";
import { addMember } from "@/lib/members/add-member";
import { listMembers } from "@/lib/members/list-members";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { listInvitations } from "@/lib/invitations/list-invitations";
import { revokeInvitation } from "@/lib/invitations/revoke-invitation";
import { getInvitation } from "@/lib/invitations/get-invitation";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { hashInvitationToken } from "@/lib/invitations/invitation-token";
import { invitationMail } from "@/lib/invitations/invitation-mail";
import { sendMail } from "@/lib/mail/send-mail";
import { INVITATION_TTL_MS } from "@/lib/invitations/schemas";
import { createTestOrg, TEST_PASSWORD, type TestOrg } from "@/scripts/support/create-test-org";

async function expectAppError(call: () => Promise<unknown>, code: AppErrorCode): Promise<AppError> {
  const error = await call().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected AppError ${code}, but the call succeeded`).not.toBeNull();
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code, (error as Error).message).toBe(code);
  return error as AppError;
}

const uniqueEmail = (label: string) => `${label}-${randomBytes(4).toString("hex")}@example.test`;
const uniqueIp = () => `10.${randomBytes(3).join(".")}`;
const PASSWORD = "a-password-I-chose-myself";

let orgA: TestOrg;
let orgB: TestOrg;
beforeAll(async () => {
  [orgA, orgB] = await Promise.all([createTestOrg("inv-a"), createTestOrg("inv-b")]);
});

describe("account linking across organisations (the hole invitations close)", () => {
  it("an admin can no longer add a member directly: no account is created or linked, no password is handed out", async () => {
    const existing = orgA.users.auditor;
    await expectAppError(() => addMember({ ctx: orgB.as("admin"), input: { email: existing.email, name: "Linked", role: "admin" } }), "FORBIDDEN");
    await expectAppError(() => addMember({ ctx: orgB.as("admin"), input: { email: uniqueEmail("fresh"), name: "Fresh", role: "executive" } }), "FORBIDDEN");
    expect(await db.membership.count({ where: { userId: existing.id } })).toBe(1);
  });

  it("another organisation's invitation of an existing account links nothing until that account's owner accepts, signed in as it", async () => {
    const target = orgA.users.risk_owner;
    const before = await db.user.findUniqueOrThrow({ where: { id: target.id } });
    const invite = await createInvitation({ ctx: orgB.as("admin"), input: { email: target.email, name: "Someone", role: "admin" } });
    expect(invite).toEqual({
      id: expect.any(String),
      token: expect.stringMatching(/^inv_/),
      email: target.email,
      role: "admin",
      expiresAt: expect.any(String),
    });
    expect(await db.membership.count({ where: { userId: target.id } })).toBe(1);

    // signed out: refused, whatever password is offered, and the account is untouched
    await expectAppError(() => acceptInvitation({ input: { token: invite.token, password: PASSWORD }, signedInUserId: null }), "UNAUTHENTICATED");
    // signed in as somebody else (e.g. the inviting admin): refused
    await expectAppError(() => acceptInvitation({ input: { token: invite.token }, signedInUserId: orgB.users.admin.id }), "FORBIDDEN");
    expect(await db.user.findUniqueOrThrow({ where: { id: target.id } })).toEqual(before);
    expect(await db.membership.count({ where: { userId: target.id } })).toBe(1);

    // the owner, signed in: accepted with the invited role, password untouched
    const accepted = await acceptInvitation({ input: { token: invite.token }, signedInUserId: target.id });
    expect(accepted).toEqual({ orgId: orgB.orgId, userId: target.id, email: target.email, accountCreated: false });
    expect((await listMembers({ ctx: orgB.as("admin") })).find((m) => m.userId === target.id)?.role).toBe("admin");
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).passwordHash).toBe(before.passwordHash);
    const event = await db.auditEvent.findFirstOrThrow({ where: { orgId: orgB.orgId, action: "invitation.accept", entityId: target.id } });
    expect(event).toMatchObject({ actorType: "user", actorId: target.id });
    expect(event.changes).toMatchObject({ accountCreated: { before: null, after: false }, role: { before: null, after: "admin" } });
  });
});

describe("createInvitation", () => {
  it("stores only the token's hash, expires in 7 days, audits without the token, says nothing about existing accounts", async () => {
    const email = uniqueEmail("new.person");
    const started = Date.now();
    const invite = await createInvitation({ ctx: orgA.as("admin"), input: { email: `  ${email.toUpperCase()} `, name: "New Person", role: "risk_owner" } });
    const row = await db.invitation.findUniqueOrThrow({ where: { id: invite.id } });
    expect(row.email).toBe(email);
    expect(row.tokenHash).toBe(hashInvitationToken(invite.token));
    expect(JSON.stringify(row)).not.toContain(invite.token);
    expect(row.expiresAt.getTime() - started).toBeGreaterThanOrEqual(INVITATION_TTL_MS - 5_000);
    expect(row.expiresAt.getTime() - started).toBeLessThanOrEqual(INVITATION_TTL_MS + 5_000);
    const event = await db.auditEvent.findFirstOrThrow({ where: { orgId: orgA.orgId, action: "invitation.create", entityId: invite.id } });
    expect(JSON.stringify(event)).not.toContain(invite.token);
    expect(event.changes).toMatchObject({ email: { before: null, after: email }, role: { before: null, after: "risk_owner" } });
    // the result has the same shape for an address that has an account elsewhere
    const other = await createInvitation({ ctx: orgA.as("admin"), input: { email: orgB.users.executive.email, name: "X", role: "executive" } });
    expect(Object.keys(other).sort()).toEqual(Object.keys(invite).sort());
  });

  it("refuses members and addresses with a pending invitation (CONFLICT on email); only admins invite", async () => {
    await expectAppError(
      () => createInvitation({ ctx: orgA.as("admin"), input: { email: orgA.users.executive.email, name: "Again", role: "auditor" } }),
      "CONFLICT",
    );
    const email = uniqueEmail("twice");
    await createInvitation({ ctx: orgA.as("admin"), input: { email, name: "Twice", role: "auditor" } });
    const error = await expectAppError(() => createInvitation({ ctx: orgA.as("admin"), input: { email, name: "Twice", role: "auditor" } }), "CONFLICT");
    expect(error.issues.map((i) => i.path)).toEqual(["email"]);
    for (const role of ["compliance_officer", "risk_owner", "executive", "auditor"] as const) {
      await expectAppError(() => createInvitation({ ctx: orgA.as(role), input: { email: uniqueEmail("x"), name: "X", role: "admin" } }), "FORBIDDEN");
      await expectAppError(() => listInvitations({ ctx: orgA.as(role) }), "FORBIDDEN");
    }
    const invalid = await expectAppError(
      () => createInvitation({ ctx: orgA.as("admin"), input: { email: "not-an-address", name: " ", role: "owner" } }),
      "VALIDATION",
    );
    expect(invalid.issues.map((i) => i.path).sort()).toEqual(["email", "name", "role"]);
  });
});

describe("acceptInvitation by a person without an account", () => {
  it("they choose their own password; the link works once", async () => {
    const email = uniqueEmail("joiner");
    const invite = await createInvitation({ ctx: orgA.as("admin"), input: { email, name: "Joiner", role: "executive" } });
    expect(await getInvitation({ input: { token: invite.token } })).toMatchObject({
      email,
      name: "Joiner",
      role: "executive",
      status: "pending",
      accountExists: false,
    });

    await expectAppError(() => acceptInvitation({ input: { token: invite.token, password: "short" }, signedInUserId: null }), "VALIDATION");
    await expectAppError(() => acceptInvitation({ input: { token: invite.token }, signedInUserId: null }), "VALIDATION");
    const accepted = await acceptInvitation({ input: { token: invite.token, password: PASSWORD, name: "Joiner Chosen" }, signedInUserId: null });
    expect(accepted).toMatchObject({ orgId: orgA.orgId, email, accountCreated: true });
    await expect(authenticateCredentials({ email, password: PASSWORD }, uniqueIp())).resolves.toMatchObject({ id: accepted.userId, name: "Joiner Chosen" });
    expect((await listMembers({ ctx: orgA.as("admin") })).find((m) => m.userId === accepted.userId)?.role).toBe("executive");

    // single use, and gone from the pending list
    const again = await expectAppError(
      () => acceptInvitation({ input: { token: invite.token, password: "another-password-123" }, signedInUserId: null }),
      "CONFLICT",
    );
    expect(again.message).toContain("already been used");
    expect(await getInvitation({ input: { token: invite.token } })).toMatchObject({ status: "accepted", accountExists: true });
    expect((await listInvitations({ ctx: orgA.as("admin") })).some((i) => i.id === invite.id)).toBe(false);
  });

  it("two accepts at the same moment: exactly one wins", async () => {
    const invite = await createInvitation({ ctx: orgA.as("admin"), input: { email: uniqueEmail("race"), name: "Race", role: "auditor" } });
    const results = await Promise.allSettled([
      acceptInvitation({ input: { token: invite.token, password: "first-password-123" }, signedInUserId: null }),
      acceptInvitation({ input: { token: invite.token, password: "second-password-12" }, signedInUserId: null }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(
      await db.auditEvent.count({ where: { orgId: orgA.orgId, action: "invitation.accept", changes: { path: ["invitationId", "after"], equals: invite.id } } }),
    ).toBe(1);
  });

  it("an expired, revoked or unknown link is refused", async () => {
    const expired = await createInvitation({ ctx: orgA.as("admin"), input: { email: uniqueEmail("late"), name: "Late", role: "auditor" } });
    await db.invitation.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(
      (await expectAppError(() => acceptInvitation({ input: { token: expired.token, password: PASSWORD }, signedInUserId: null }), "CONFLICT")).message,
    ).toContain("expired");
    expect((await listInvitations({ ctx: orgA.as("admin") })).find((i) => i.id === expired.id)?.status).toBe("expired");

    const revoked = await createInvitation({ ctx: orgA.as("admin"), input: { email: uniqueEmail("revoked"), name: "Revoked", role: "auditor" } });
    await revokeInvitation({ ctx: orgA.as("admin"), input: { id: revoked.id } });
    expect(
      (await expectAppError(() => acceptInvitation({ input: { token: revoked.token, password: PASSWORD }, signedInUserId: null }), "CONFLICT")).message,
    ).toContain("revoked");
    await expectAppError(() => revokeInvitation({ ctx: orgA.as("admin"), input: { id: revoked.id } }), "CONFLICT");
    expect(await db.auditEvent.count({ where: { orgId: orgA.orgId, action: "invitation.revoke", entityId: revoked.id } })).toBe(1);

    await expectAppError(
      () => acceptInvitation({ input: { token: `inv_${randomBytes(32).toString("base64url")}`, password: PASSWORD }, signedInUserId: null }),
      "NOT_FOUND",
    );
    expect(await getInvitation({ input: { token: "inv_nope-nope-nope" } })).toBeNull();
  });

  it("another organisation's invitation cannot be revoked (NOT_FOUND)", async () => {
    const invite = await createInvitation({ ctx: orgA.as("admin"), input: { email: uniqueEmail("mine"), name: "Mine", role: "auditor" } });
    await expectAppError(() => revokeInvitation({ ctx: orgB.as("admin"), input: { id: invite.id } }), "NOT_FOUND");
  });
});

describe("invitation e-mail", () => {
  it("carries the link and the expiry, never a password, and goes through the configured transport", async () => {
    const mail = invitationMail({
      to: "p@example.test",
      name: "P",
      orgName: "Acme",
      role: "auditor",
      link: "https://aigov.example.org/invite/inv_x",
      expiresAt: "2030-01-08T10:00:00.000Z",
    });
    expect(mail.subject).toContain("Acme");
    expect(mail.text).toContain("https://aigov.example.org/invite/inv_x");
    expect(mail.text).toContain("Tue, 08 Jan 2030");
    expect(mail.text.toLowerCase()).not.toMatch(/password:/);
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const sent: string[] = [];
    const original = transport.sendMail.bind(transport);
    transport.sendMail = (async (m: Parameters<typeof original>[0]) => {
      const info = await original(m);
      sent.push(String((info as { message: string }).message));
      return info;
    }) as typeof transport.sendMail;
    await sendMail(mail, transport);
    expect(JSON.parse(sent[0])).toMatchObject({ to: [{ address: "p@example.test" }], subject: mail.subject });
  });
});

describe("the members' password is never known to an admin", () => {
  it("accepting as a signed-in user with the right e-mail never changes their password (TEST_PASSWORD still works)", async () => {
    const target = orgA.users.compliance_officer;
    const invite = await createInvitation({ ctx: orgB.as("admin"), input: { email: target.email, name: "CO", role: "auditor" } });
    await acceptInvitation({ input: { token: invite.token, password: "attacker-chosen-password" }, signedInUserId: target.id });
    await expect(authenticateCredentials({ email: target.email, password: TEST_PASSWORD }, uniqueIp())).resolves.toMatchObject({ id: target.id });
    expect(await authenticateCredentials({ email: target.email, password: "attacker-chosen-password" }, uniqueIp())).toBeNull();
  });
});
