"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/web/action-state";
import type { InvitationRow } from "@/lib/invitations/list-invitations";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { SelectField, TextField } from "@/components/ui/form-fields";
import { formatDate } from "@/lib/utils/format-date";
import { Card } from "@/components/ui/card";

type Props = {
  invitations: InvitationRow[];
  inviteAction: (prev: ActionState, form: FormData) => Promise<ActionState>;
  revokeActions: Record<string, (prev: ActionState) => Promise<ActionState>>;
};
const ROLE_OPTIONS = Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }));

/** Invite people (a single-use link, e-mailed when SMTP is configured) and revoke pending invitations. */
export function InvitationsPanel({ invitations, inviteAction, revokeActions }: Props) {
  const [state, formAction, pending] = useActionState(inviteAction, { status: "idle" } as ActionState);
  return (
    <Card as="section" aria-labelledby="invitations-h">
      <h2 id="invitations-h" className="text-base font-semibold">
        Invitations
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        People join through a link that works once and expires after 7 days. They choose their own password, or accept signed in if they already have an
        account.
      </p>
      <form action={formAction} className="mt-4 grid gap-3 md:grid-cols-4" noValidate>
        <TextField
          id="invite-name"
          name="name"
          label="Name"
          defaultValue={state.status === "error" ? String(state.values?.name ?? "") : ""}
          error={state.fieldErrors?.name}
        />
        <TextField
          id="invite-email"
          name="email"
          label="E-mail"
          type="email"
          defaultValue={state.status === "error" ? String(state.values?.email ?? "") : ""}
          error={state.fieldErrors?.email}
        />
        <SelectField name="role" label="Role" defaultValue="executive" options={ROLE_OPTIONS} error={state.fieldErrors?.role} />
        <div className="flex items-end">
          <button type="submit" disabled={pending} className="rounded-md bg-slate-800 px-3 py-2 text-sm font-medium text-white">
            Invite
          </button>
        </div>
        {state.message && (
          <div
            data-testid="invitation-result"
            role="status"
            className={`rounded-md px-3 py-2 text-sm md:col-span-4 ${state.status === "error" ? "bg-red-50 text-red-800" : "bg-emerald-50 text-emerald-900"}`}
          >
            {state.message}
            {state.data?.link && (
              <code data-testid="invitation-link" className="mt-1 block break-all rounded bg-white px-2 py-0.5 font-mono">
                {state.data.link}
              </code>
            )}
          </div>
        )}
      </form>
      {invitations.length > 0 && (
        <table className="mt-5 min-w-full text-sm" data-testid="invitations-table">
          <caption className="sr-only">Pending invitations</caption>
          <thead className="text-left text-xs uppercase text-slate-500">
            <tr>
              <th className="py-1">Name</th>
              <th>E-mail</th>
              <th>Role</th>
              <th>Expires</th>
              <th />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {invitations.map((i) => (
              <tr key={i.id}>
                <td className="py-1.5">{i.name}</td>
                <td>{i.email}</td>
                <td>{ROLE_LABELS[i.role]}</td>
                <td>{i.status === "expired" ? <span className="text-amber-800">expired</span> : formatDate(i.expiresAt)}</td>
                <td>
                  <RevokeButton action={revokeActions[i.id]} email={i.email} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

function RevokeButton({ action, email }: { action: (prev: ActionState) => Promise<ActionState>; email: string }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  return (
    <form action={formAction}>
      <button type="submit" disabled={pending} className="text-xs text-red-700 hover:underline" aria-label={`Revoke the invitation of ${email}`}>
        Revoke
      </button>
      {state.status === "error" && <span className="ml-2 text-xs text-red-700">{state.message}</span>}
    </form>
  );
}
