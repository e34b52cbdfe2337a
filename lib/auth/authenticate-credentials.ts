import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { verifyPassword } from "./hash-password";
import { UNKNOWN_IP } from "./client-ip";

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(1000),
});

/**
 * Back-off, not lockout: after `threshold` failures the next attempt must wait BACKOFF_BASE_MS, and
 * each further failure doubles the wait (capped at BACKOFF_MAX_MS). A stranger can slow an account
 * down but never lock its owner out for longer than the cap. Per e-mail address the count starts
 * again after a successful sign-in (or after a day); per client address it covers the last 15 minutes
 * and is only applied when the address is known (TRUST_PROXY, lib/auth/client-ip.ts).
 */
export const EMAIL_THROTTLE = { threshold: 5, lookbackMs: 24 * 60 * 60_000, resetOnSuccess: true } as const;
export const IP_THROTTLE = { threshold: 30, lookbackMs: 15 * 60_000, resetOnSuccess: false } as const;
export const BACKOFF_BASE_MS = 15_000;
export const BACKOFF_MAX_MS = 15 * 60_000;

// A real bcrypt hash (of a random string) compared when the account does not exist, so the
// response time does not reveal whether an e-mail address has an account.
const DUMMY_HASH = "$2b$12$xr/eZGoIu96N8jlghylNPO7P918jS9IRYPWwRSsUbVhLTURFRjihG";

/** The wait after `failures` failures: 0 below the threshold, then base, 2×base, 4×base… up to the cap. */
export function backoffDelayMs(failures: number, threshold: number): number {
  if (failures < threshold) return 0;
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.min(failures - threshold, 20), BACKOFF_MAX_MS);
}

type Rule = { threshold: number; lookbackMs: number; resetOnSuccess: boolean };

/** Milliseconds until the next attempt for this e-mail or address is allowed (0 = now). Pending attempts count as failures. */
async function retryAfterMs(tx: Prisma.TransactionClient, key: { email: string } | { ip: string }, rule: Rule, now: Date): Promise<number> {
  let since = new Date(now.getTime() - rule.lookbackMs);
  if (rule.resetOnSuccess) {
    const lastSuccess = await tx.loginAttempt.findFirst({
      where: { ...key, outcome: "success", createdAt: { gt: since } },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    });
    if (lastSuccess) since = lastSuccess.createdAt;
  }
  const agg = await tx.loginAttempt.aggregate({
    where: { ...key, outcome: { in: ["pending", "failure"] }, createdAt: { gt: since } },
    _count: { _all: true },
    _max: { createdAt: true },
  });
  const delay = backoffDelayMs(agg._count._all, rule.threshold);
  if (delay === 0 || !agg._max.createdAt) return 0;
  return Math.max(0, agg._max.createdAt.getTime() + delay - now.getTime());
}

function waitText(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}

/**
 * Checks e-mail + password. Returns the user or null, never saying which part was wrong.
 *
 * The attempt is recorded (as "pending") BEFORE the password is checked, under a per-address and
 * per-IP advisory lock, so parallel guesses are counted one after another and cannot race past the
 * limit. Throws RATE_LIMITED while a back-off is in force; that attempt is logged as "throttled"
 * and does not extend the back-off. Every attempt stays in LoginAttempt, the security log.
 */
export async function authenticateCredentials(raw: unknown, ip: string): Promise<{ id: string; email: string; name: string } | null> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true } });

  // @no-audit: sign-in attempts belong to no organisation's audit chain; LoginAttempt is the security log
  const reservation = await db.$transaction(
    async (tx) => {
      // always e-mail first, then IP: one lock order, no deadlocks between concurrent attempts
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`login:email:${email}`}, 0))`;
      if (ip !== UNKNOWN_IP) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`login:ip:${ip}`}, 0))`;
      const now = new Date();
      const wait = Math.max(await retryAfterMs(tx, { email }, EMAIL_THROTTLE, now), ip === UNKNOWN_IP ? 0 : await retryAfterMs(tx, { ip }, IP_THROTTLE, now));
      const outcome = wait > 0 ? ("throttled" as const) : ("pending" as const);
      const row = await tx.loginAttempt.create({ data: { email, ip, userId: user?.id ?? null, outcome, createdAt: now }, select: { id: true } });
      return { id: row.id, wait };
    },
    { maxWait: 15_000, timeout: 15_000 },
  );
  if (reservation.wait > 0) {
    throw new AppError("RATE_LIMITED", `Too many failed sign-in attempts. Try again in ${waitText(reservation.wait)}.`);
  }

  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  const success = ok && Boolean(user?.passwordHash);
  // @no-audit: the attempt's outcome completes its LoginAttempt row, the security log (no organisation's chain)
  await db.loginAttempt.update({ where: { id: reservation.id }, data: { outcome: success ? "success" : "failure" }, select: { id: true } });
  return success && user ? { id: user.id, email: user.email, name: user.name } : null;
}
