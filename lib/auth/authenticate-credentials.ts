import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { verifyPassword } from "./hash-password";

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(1000),
});

// Failed attempts allowed per window, per e-mail address and per client IP.
export const LOGIN_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 30;
const PRUNE_PROBABILITY = 0.01;
// A real bcrypt hash (of a random string) compared when the account does not exist, so the
// response time does not reveal whether an e-mail address has an account.
const DUMMY_HASH = "$2b$12$xr/eZGoIu96N8jlghylNPO7P918jS9IRYPWwRSsUbVhLTURFRjihG";

/**
 * Checks e-mail + password. Returns the user or null, never saying which part was wrong.
 * Throws RATE_LIMITED after too many failures for the address or the IP within the window.
 */
export async function authenticateCredentials(raw: unknown, ip: string): Promise<{ id: string; email: string; name: string } | null> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const since = new Date(Date.now() - LOGIN_WINDOW_MS);
  const [byEmail, byIp] = await Promise.all([
    db.loginAttempt.count({ where: { email, success: false, createdAt: { gte: since } } }),
    db.loginAttempt.count({ where: { ip, success: false, createdAt: { gte: since } } }),
  ]);
  if (byEmail >= MAX_FAILURES_PER_EMAIL || byIp >= MAX_FAILURES_PER_IP) {
    throw new AppError("RATE_LIMITED", "Too many failed sign-in attempts. Wait 15 minutes and try again.");
  }
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true } });
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  const success = ok && Boolean(user?.passwordHash);
  await db.loginAttempt.create({ data: { email, ip, success }, select: { id: true } });
  // Attempts only matter inside the window; prune now and then so the table stays small.
  if (Math.random() < PRUNE_PROBABILITY) await db.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - 24 * 60 * 60_000) } } });
  return success && user ? { id: user.id, email: user.email, name: user.name } : null;
}
