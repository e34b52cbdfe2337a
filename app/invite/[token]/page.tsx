import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getInvitation } from "@/lib/invitations/get-invitation";
import { invitationPath } from "@/lib/invitations/invitation-token";
import { getSignedInUser } from "@/lib/auth/get-signed-in-user";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { formatDate } from "@/lib/utils/format-date";
import { AcceptInvitationForm } from "@/components/invitations/accept-invitation-form";
import { acceptInvitationAction } from "./actions";

// The token is in the path: never send it on to another site in a Referer header.
export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer", robots: { index: false } };

const STATUS_TEXT = {
  expired: "This invitation has expired. Ask an admin of the organisation for a new one.",
  accepted: "This invitation has already been used.",
  revoked: "This invitation was revoked. Ask an admin of the organisation for a new one.",
} as const;

function Card({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-8 shadow-sm" data-testid="invitation">
        {children}
      </div>
    </main>
  );
}

/** Public: the invitation link. Outside the (app) group, let through signed out by proxy.ts. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, me] = await Promise.all([getInvitation({ input: { token } }), getSignedInUser()]);
  if (!invitation) {
    return (
      <Card>
        <h1 className="text-xl font-semibold">Invitation not found</h1>
        <p className="mt-2 text-sm text-slate-600">This invitation link is not valid. Check that you copied all of it.</p>
      </Card>
    );
  }
  const heading = (
    <>
      <h1 className="text-xl font-semibold">Join {invitation.orgName}</h1>
      <p className="mt-1 text-sm text-slate-600">
        {invitation.name} ({invitation.email}) is invited as <strong>{ROLE_LABELS[invitation.role]}</strong>.
        {invitation.status === "pending" && ` The link works once, until ${formatDate(invitation.expiresAt)}.`}
      </p>
    </>
  );
  if (invitation.status !== "pending") {
    return (
      <Card>
        {heading}
        <p data-testid="invitation-error" className="mt-6 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {STATUS_TEXT[invitation.status]}
        </p>
      </Card>
    );
  }
  const action = acceptInvitationAction.bind(null, token);
  const here = invitationPath(token);
  if (me && me.email !== invitation.email) {
    return (
      <Card>
        {heading}
        <p data-testid="invitation-error" className="mt-6 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          You are signed in as {me.email}, but this invitation is for {invitation.email}.{" "}
          <Link href={`/api/auth/signout?callbackUrl=${encodeURIComponent(here)}`} className="font-medium underline">
            Sign out
          </Link>{" "}
          and open the link again.
        </p>
      </Card>
    );
  }
  if (!me && invitation.accountExists) {
    return (
      <Card>
        {heading}
        <p className="mt-6 text-sm text-slate-700">An account with this e-mail exists. Sign in as {invitation.email} to accept the invitation.</p>
        <Link
          href={`/login?callbackUrl=${encodeURIComponent(here)}`}
          className="mt-4 block rounded-md bg-brand-600 px-3 py-2 text-center text-sm font-medium text-white hover:bg-brand-700"
        >
          Sign in to accept
        </Link>
      </Card>
    );
  }
  return (
    <Card>
      {heading}
      <AcceptInvitationForm action={action} newAccount={me ? null : { email: invitation.email, name: invitation.name }} />
    </Card>
  );
}
