import nodemailer, { type Transporter } from "nodemailer";

/**
 * Outgoing mail, only when configured: SMTP_URL (e.g. smtps://user:pass@smtp.example.org:465) and
 * MAIL_FROM (e.g. "AI Governance <no-reply@example.org>"). Without them nothing is sent and callers
 * show the link to the admin instead.
 */
export function isMailConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.SMTP_URL?.trim() && env.MAIL_FROM?.trim());
}

let cached: Transporter | null = null;

function defaultTransport(): Transporter {
  cached ??= nodemailer.createTransport(process.env.SMTP_URL!.trim());
  return cached;
}

export type Mail = { to: string; subject: string; text: string };

export async function sendMail(mail: Mail, transport: Transporter = defaultTransport()): Promise<void> {
  await transport.sendMail({ from: process.env.MAIL_FROM?.trim(), to: mail.to, subject: mail.subject, text: mail.text });
}
