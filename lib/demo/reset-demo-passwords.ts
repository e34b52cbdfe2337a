import { db } from "@/lib/db/client";
import { generatePassword } from "@/lib/auth/generate-password";
import { hashPassword } from "@/lib/auth/hash-password";
import { DEMO_MEMBERS } from "./demo-systems";

export type DemoLogin = { role: string; email: string; password: string };

/**
 * Gives the demo accounts fresh random passwords, so that re-running the seed always prints
 * logins that work (the previous passwords were only ever printed, never stored in clear).
 *
 * What changes, per demo account: User.passwordHash is replaced, and that e-mail's failed
 * LoginAttempt rows are deleted so a rate-limited demo account can sign in again. Nothing else:
 * no organisation data, memberships or roles. Sessions already signed in stay valid until they
 * expire (JWT sessions are not tied to the password).
 *
 * Why this is not an audit event: the audit chain records changes to an organisation's data
 * (systems, members, roles, tokens). Credentials belong to the user account, which exists outside
 * any one organisation, and there is no per-user audit trail to write to; an "org" event here
 * would also be recorded by the system actor on behalf of a person who did nothing.
 *
 * Guard rails: only the fixed demo e-mail addresses, only while they are members of the given
 * demo organisation, and never an account that also belongs to a non-demo organisation (an admin
 * may have linked a demo address into a real organisation; its password is not ours to reset).
 */
export async function resetDemoPasswords({ orgId, emails }: { orgId: string; emails?: readonly string[] }): Promise<DemoLogin[]> {
  const demoEmails = new Set(DEMO_MEMBERS.map((m) => m.email));
  const wanted = (emails ?? [...demoEmails]).filter((e) => demoEmails.has(e));
  const org = await db.organization.findUnique({ where: { id: orgId }, select: { isDemo: true } });
  if (!org?.isDemo) throw new Error(`Organisation ${orgId} is not a demo organisation; refusing to reset passwords.`);

  const users = await db.user.findMany({
    where: { email: { in: wanted }, memberships: { some: { orgId } } },
    select: { id: true, email: true, memberships: { select: { orgId: true, role: true, org: { select: { isDemo: true } } } } },
  });
  const resettable = users.filter((u) => u.memberships.every((m) => m.org.isDemo));

  const fresh: (DemoLogin & { userId: string; passwordHash: string })[] = [];
  for (const u of resettable) {
    const password = generatePassword();
    const role = u.memberships.find((m) => m.orgId === orgId)!.role;
    fresh.push({ userId: u.id, role, email: u.email, password, passwordHash: await hashPassword(password) });
  }
  // @no-audit: credentials belong to the user account, outside any organisation's audit chain (see above)
  await db.$transaction([
    ...fresh.map((f) => db.user.update({ where: { id: f.userId }, data: { passwordHash: f.passwordHash }, select: { id: true } })),
    db.loginAttempt.deleteMany({ where: { email: { in: fresh.map((f) => f.email) }, outcome: { not: "success" } } }),
  ]);
  return fresh.map(({ role, email, password }) => ({ role, email, password }));
}
