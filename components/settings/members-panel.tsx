"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/web/action-state";
import type { MemberRow } from "@/lib/members/list-members";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { formatDate } from "@/lib/utils/format-date";
import { Card } from "@/components/ui/card";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;
type Props = {
  members: MemberRow[];
  currentUserId: string;
  canManage: boolean;
  roleActions: Record<string, Action>;
  removeActions: Record<string, (prev: ActionState) => Promise<ActionState>>;
};
const ROLE_OPTIONS = Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }));

/** The organisation's members; people are added through invitations (components/settings/invitations-panel.tsx). */
export function MembersPanel({ members, currentUserId, canManage, roleActions, removeActions }: Props) {
  return (
    <Card as="section" aria-labelledby="members-h">
      <h2 id="members-h" className="text-base font-semibold">
        Members
      </h2>
      <table className="mt-3 min-w-full text-sm" data-testid="members-table">
        <thead className="text-left text-xs uppercase text-slate-500">
          <tr>
            <th className="py-1">Name</th>
            <th>E-mail</th>
            <th>Role</th>
            <th>Joined</th>
            <th />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {members.map((m) => (
            <tr key={m.userId}>
              <td className="py-1.5">
                {m.name}
                {m.userId === currentUserId && <span className="ml-1 text-xs text-slate-500">(you)</span>}
              </td>
              <td>{m.email}</td>
              <td>{canManage ? <RoleSelect action={roleActions[m.userId]} role={m.role} label={`Role of ${m.name}`} /> : ROLE_LABELS[m.role]}</td>
              <td>{formatDate(m.joinedAt)}</td>
              <td>{canManage && <RemoveButton action={removeActions[m.userId]} name={m.name} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

function RoleSelect({ action, role, label }: { action: Action; role: string; label: string }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  return (
    <form action={formAction} className="flex items-center gap-2">
      <select name="role" defaultValue={role} aria-label={label} className="rounded border border-slate-300 px-1.5 py-1 text-sm">
        {ROLE_OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <button type="submit" disabled={pending} className="text-xs text-brand-700 hover:underline">
        Save
      </button>
      {state.status === "error" && <span className="text-xs text-red-700">{state.message}</span>}
    </form>
  );
}

function RemoveButton({ action, name }: { action: (prev: ActionState) => Promise<ActionState>; name: string }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (!confirm(`Remove ${name} from the organisation?`)) e.preventDefault();
      }}
    >
      <button type="submit" disabled={pending} className="text-xs text-red-700 hover:underline">
        Remove
      </button>
      {state.status === "error" && <span className="ml-2 text-xs text-red-700">{state.message}</span>}
    </form>
  );
}
