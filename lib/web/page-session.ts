import { redirect } from "next/navigation";
import { getSessionContext, type SessionContext } from "@/lib/auth/get-session-context";

// Pages and layouts (app/**/page.tsx, layout.tsx): the one way to get the signed-in member.
// proxy.ts already redirects signed-out visitors; this covers a session that ends mid-request
// (member removed, user deleted) and gives the page a typed, non-null session.

/** The signed-in member's session (cached per request), or a redirect to /login. */
export async function requirePageSession(): Promise<SessionContext> {
  const session = await getSessionContext();
  if (!session) redirect("/login");
  return session;
}
