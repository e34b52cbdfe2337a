import { db } from "@/lib/db/client";
import { mapPrismaError } from "@/lib/db/map-prisma-error";
import { UNKNOWN_IP } from "./client-ip";

/** The claims of an OIDC ID token / userinfo response that sign-in looks at. */
export type OidcClaims = { iss?: unknown; sub?: unknown; email?: unknown; email_verified?: unknown; name?: unknown; preferred_username?: unknown };

export type OidcResolution =
  | { ok: true; user: { id: string; email: string; name: string }; bound: boolean }
  | { ok: false; reason: "invalid_profile" | "email_not_verified" | "no_account" | "bound_to_other_subject" };

/**
 * Maps an OIDC sign-in to a local account.
 *
 * 1. Issuer + subject already bound to an account → that account (the e-mail is not looked at again:
 *    a changed or recycled address at the identity provider cannot move the sign-in to someone else).
 * 2. Otherwise only a verified e-mail (`email_verified === true`, the boolean, not "true") of an
 *    existing account is accepted (no self-provisioning: an admin invited that person), and the
 *    identity is bound to it; the account's password, if any, is removed (it was never proven to
 *    belong to the e-mail's owner). An account already bound to another subject of this issuer is refused.
 *
 * Every outcome is written to the security log (LoginAttempt, method "oidc").
 */
export async function resolveOidcUser({ claims, issuer, ip = UNKNOWN_IP }: { claims: OidcClaims; issuer: string; ip?: string }): Promise<OidcResolution> {
  const sub = typeof claims.sub === "string" ? claims.sub : "";
  const iss = (typeof claims.iss === "string" && claims.iss) || issuer;
  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "";
  const result = await resolve(iss, sub, email, claims.email_verified === true);
  // @no-audit: sign-in attempts are the security log (LoginAttempt), outside any organisation's audit chain
  await db.loginAttempt.create({
    data: {
      email: result.ok ? result.user.email : email.slice(0, 254),
      ip,
      userId: result.ok ? result.user.id : null,
      method: "oidc",
      outcome: result.ok ? "success" : "failure",
      detail: result.ok ? (result.bound ? `identity bound: ${iss}` : "") : result.reason,
    },
    select: { id: true },
  });
  return result;
}

async function resolve(iss: string, sub: string, email: string, emailVerified: boolean): Promise<OidcResolution> {
  if (!iss || !sub || sub.length > 255) return { ok: false, reason: "invalid_profile" };
  const select = { id: true, email: true, name: true } as const;
  const known = await db.userIdentity.findUnique({ where: { issuer_subject: { issuer: iss, subject: sub } }, select: { user: { select } } });
  if (known) return { ok: true, user: known.user, bound: false };
  if (!emailVerified) return { ok: false, reason: "email_not_verified" };
  if (!email) return { ok: false, reason: "invalid_profile" };
  const user = await db.user.findUnique({ where: { email }, select: { ...select, identities: { where: { issuer: iss }, select: { subject: true } } } });
  if (!user) return { ok: false, reason: "no_account" };
  if (user.identities.length > 0) return { ok: false, reason: "bound_to_other_subject" };
  try {
    // @no-audit: binding a sign-in identity belongs to the user account (recorded in the security log as "identity bound")
    // The identity provider has just proven who owns this e-mail. A password already on the account was
    // never proven to be theirs (e.g. set through an invitation link someone else opened first), so it
    // stops working: from now on the account is signed into through single sign-on only.
    await db.$transaction([
      db.userIdentity.create({ data: { userId: user.id, issuer: iss, subject: sub }, select: { id: true } }),
      db.user.update({ where: { id: user.id }, data: { passwordHash: null }, select: { id: true } }),
    ]);
  } catch (error) {
    // a concurrent first sign-in bound it: resolve again through the binding
    const mapped = mapPrismaError(error);
    if ((mapped as { code?: string }).code !== "CONFLICT") throw error;
    const again = await db.userIdentity.findUnique({ where: { issuer_subject: { issuer: iss, subject: sub } }, select: { user: { select } } });
    return again && again.user.id === user.id ? { ok: true, user: again.user, bound: false } : { ok: false, reason: "bound_to_other_subject" };
  }
  return { ok: true, user: { id: user.id, email: user.email, name: user.name }, bound: true };
}
