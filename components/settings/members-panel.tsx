"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/web/action-state";
import type { MemberRow } from "@/lib/members/list-members";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { SelectField, TextField } from "@/components/ui/form-fields";
import { formatDate } from "@/lib/utils/format-date";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;
type Props = {
  members: MemberRow[];
  currentUserId: string;
  canManage: boolean;
  addAction: Action;
  roleActions: Record<string, Action>;
  removeActions: Record<string, (prev: ActionState) => Promise<ActionState>>;
};
const ROLE_OPTIONS = Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }));

export function MembersPanel({ members, currentUserId, canManage, addAction, roleActions, removeActions }: Props) {
  const [state, formAction, pending] = useActionState(addAction, { status: "idle" } as ActionState);
  return (
    <section aria-labelledby="members-h" className="rounded-xl border border-slate-200 bg-white p-5">
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
      {canManage && (
        <form action={formAction} className="mt-5 grid gap-3 border-t border-slate-100 pt-4 md:grid-cols-4" noValidate>
          <h3 className="text-sm font-semibold md:col-span-4">Add a member</h3>
          <TextField name="name" label="Name" defaultValue={state.status === "error" ? String(state.values?.name ?? "") : ""} error={state.fieldErrors?.name} />
          <TextField
            name="email"
            label="E-mail"
            type="email"
            defaultValue={state.status === "error" ? String(state.values?.email ?? "") : ""}
            error={state.fieldErrors?.email}
          />
          <SelectField name="role" label="Role" defaultValue="executive" options={ROLE_OPTIONS} error={state.fieldErrors?.role} />
          <div className="flex items-end">
            <button type="submit" disabled={pending} className="rounded-md bg-slate-800 px-3 py-2 text-sm font-medium text-white">
              Add member
            </button>
          </div>
          {state.message && (
            <div
              data-testid="member-result"
              className={`rounded-md px-3 py-2 text-sm md:col-span-4 ${state.status === "error" ? "bg-red-50 text-red-800" : "bg-emerald-50 text-emerald-900"}`}
            >
              {state.message}
              {state.data?.password && (
                <code data-testid="one-time-password" className="ml-2 rounded bg-white px-2 py-0.5 font-mono">
                  {state.data.password}
                </code>
              )}
            </div>
          )}
        </form>
      )}
    </section>
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
