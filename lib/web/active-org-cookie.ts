import { cookies } from "next/headers";
import { ACTIVE_ORG_COOKIE } from "@/lib/auth/get-session-context";

/**
 * Makes `orgId` the organisation the session acts in (read back by getSessionContext, which only
 * honours it for an organisation the user is a member of).
 */
export async function setActiveOrgCookie(orgId: string): Promise<void> {
  (await cookies()).set(ACTIVE_ORG_COOKIE, orgId, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: process.env.NODE_ENV === "production" && process.env.NEXTAUTH_URL?.startsWith("https") === true,
  });
}
