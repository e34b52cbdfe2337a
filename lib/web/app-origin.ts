import { headers } from "next/headers";

/**
 * The app's origin for links handed out (invitation links). NEXTAUTH_URL when set: only then is the
 * origin `trusted` enough to put into an e-mail (a forged Host header cannot redirect invitees).
 * Otherwise the request's own Host, good enough for a link shown to the admin who made the request.
 */
export async function appOrigin(): Promise<{ origin: string; trusted: boolean }> {
  const configured = process.env.NEXTAUTH_URL?.trim();
  if (configured) {
    try {
      return { origin: new URL(configured).origin, trusted: true };
    } catch {
      // malformed: fall through to the request
    }
  }
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") === "https" ? "https" : "http";
  return { origin: `${proto}://${host}`, trusted: false };
}
