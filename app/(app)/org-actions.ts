"use server";

import { redirect } from "next/navigation";
import { setActiveOrgCookie } from "@/lib/web/active-org-cookie";
import { requirePageSession } from "@/lib/web/page-session";

/** Switches the active organisation; only to one the user is a member of (checked against the DB). */
export async function switchOrganizationAction(formData: FormData) {
  const session = await requirePageSession();
  const orgId = String(formData.get("orgId") ?? "");
  if (session.memberships.some((m) => m.orgId === orgId)) {
    await setActiveOrgCookie(orgId);
  }
  redirect("/");
}
