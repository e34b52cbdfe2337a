"use server";

import { revalidatePath } from "next/cache";
import { requireActionSession } from "@/lib/web/action-session";
import { toActionState, type ActionState } from "@/lib/web/action-state";
import { appOrigin } from "@/lib/web/app-origin";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { revokeInvitation } from "@/lib/invitations/revoke-invitation";
import { invitationPath } from "@/lib/invitations/invitation-token";
import { invitationMail } from "@/lib/invitations/invitation-mail";
import { isMailConfigured, sendMail } from "@/lib/mail/send-mail";
import { formatDate } from "@/lib/utils/format-date";

export async function inviteMemberAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = { email: String(form.get("email") ?? ""), name: String(form.get("name") ?? ""), role: String(form.get("role") ?? "") };
  try {
    const session = await requireActionSession();
    const invite = await createInvitation({ ctx: session.ctx, input });
    const { origin, trusted } = await appOrigin();
    const link = origin + invitationPath(invite.token);
    let mailed: "sent" | "failed" | "off" = "off";
    if (isMailConfigured() && trusted) {
      try {
        await sendMail(
          invitationMail({
            to: invite.email,
            name: input.name.trim(),
            orgName: session.active.orgName,
            role: invite.role,
            link,
            expiresAt: invite.expiresAt,
          }),
        );
        mailed = "sent";
      } catch (error) {
        console.error("[invitation-mail]", error);
        mailed = "failed";
      }
    }
    revalidatePath("/settings");
    const expires = formatDate(invite.expiresAt);
    const message =
      mailed === "sent"
        ? `Invitation e-mailed to ${invite.email}. The link below works once and expires on ${expires}; it is not shown again.`
        : `Invitation created for ${invite.email}${mailed === "failed" ? " (the e-mail could not be sent)" : ""}. Send them this link: it works once, expires on ${expires} and is not shown again.`;
    return { status: "success", message, data: { link } };
  } catch (error) {
    return toActionState(error, input);
  }
}

export async function revokeInvitationAction(id: string, _prev: ActionState): Promise<ActionState> {
  try {
    const session = await requireActionSession();
    await revokeInvitation({ ctx: session.ctx, input: { id } });
    revalidatePath("/settings");
    return { status: "success", message: "Invitation revoked." };
  } catch (error) {
    return toActionState(error);
  }
}
