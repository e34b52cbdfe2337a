import { ROLE_LABELS, type Role } from "@/lib/auth/roles";
import type { Mail } from "@/lib/mail/send-mail";

/** The invitation e-mail: plain text, the link and when it expires; no password, ever. */
export function invitationMail({
  to,
  name,
  orgName,
  role,
  link,
  expiresAt,
}: {
  to: string;
  name: string;
  orgName: string;
  role: Role;
  link: string;
  expiresAt: string;
}): Mail {
  const expires = new Date(expiresAt).toUTCString();
  return {
    to,
    subject: `You are invited to ${orgName} on AI Governance`,
    text: [
      `Hello ${name},`,
      "",
      `you have been invited to join ${orgName} as ${ROLE_LABELS[role]}.`,
      "",
      "Open this link to accept (it works once and expires on " + expires + "):",
      link,
      "",
      "If you have no account yet, you choose your own password there. If you already have one,",
      "sign in as " + to + " to accept. If you did not expect this invitation, ignore this e-mail.",
    ].join("\n"),
  };
}
