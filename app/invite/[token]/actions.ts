"use server";

import { redirect } from "next/navigation";
import { toActionState, type ActionState } from "@/lib/web/action-state";
import { getSignedInUser } from "@/lib/auth/get-signed-in-user";
import { setActiveOrgCookie } from "@/lib/web/active-org-cookie";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";

/**
 * Accepts the invitation of `token`. Signed in: as that account (the verb checks it is the invited
 * e-mail's), then into the organisation. Signed out: creates the account with the password chosen
 * here (typed twice), then the person signs in.
 */
export async function acceptInvitationAction(token: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const name = form.get("name");
  const password = form.get("password");
  const values = { name: typeof name === "string" ? name : "" };
  let orgId: string;
  try {
    const me = await getSignedInUser();
    if (!me && password !== form.get("confirm")) {
      return { status: "error", message: "The passwords do not match.", fieldErrors: { confirm: "Must be the same as the password" }, values };
    }
    const input = me ? { token } : { token, name: values.name || undefined, password: typeof password === "string" ? password : "" };
    const result = await acceptInvitation({ input, signedInUserId: me?.id ?? null });
    if (result.accountCreated) {
      return { status: "success", message: `Your account ${result.email} is ready. Sign in with the password you chose.` };
    }
    orgId = result.orgId;
  } catch (error) {
    return toActionState(error, values);
  }
  await setActiveOrgCookie(orgId);
  redirect("/");
}
