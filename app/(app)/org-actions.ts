"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { ACTIVE_ORG_COOKIE } from "@/lib/auth/get-session-context";
import { requirePageSession } from "@/lib/web/page-session";

/** Switches the active organisation; only to one the user is a member of (checked against the DB). */
export async function switchOrganizationAction(formData: FormData) {
  const session = await requirePageSession();
  const orgId = String(formData.get("orgId") ?? "");
  if (session.memberships.some((m) => m.orgId === orgId)) {
    (await cookies()).set(ACTIVE_ORG_COOKIE, orgId, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: process.env.NODE_ENV === "production" && process.env.NEXTAUTH_URL?.startsWith("https") === true,
    });
  }
  redirect("/");
}
