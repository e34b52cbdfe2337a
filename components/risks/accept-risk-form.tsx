"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/web/action-state";
import { ROLE_LABELS, type Role } from "@/lib/auth/roles";
import { SelectField, TextAreaField } from "@/components/ui/form-fields";

type Props = {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  approvers: { id: string; name: string; role: Role }[];
  version: number;
};

/** Accepting a risk: a named approver whose role may approve, and the reason, recorded in the audit trail. */
export function AcceptRiskForm({ action, approvers, version }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  const values = (state.values ?? {}) as Record<string, string | undefined>;
  return (
    <form action={formAction} className="space-y-3" noValidate data-testid="accept-form">
      <input type="hidden" name="version" value={version} />
      {state.status === "error" && (
        <p data-testid="accept-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </p>
      )}
      <SelectField
        name="approverId"
        label="Approver"
        emptyLabel="Choose the approver…"
        defaultValue={values.approverId ?? ""}
        error={state.fieldErrors?.approverId}
        options={approvers.map((a) => ({ value: a.id, label: `${a.name} (${ROLE_LABELS[a.role]})` }))}
        hint="Admins, compliance officers and executives may approve."
      />
      <TextAreaField
        name="reason"
        label="Reason for accepting"
        defaultValue={values.reason}
        error={state.fieldErrors?.reason}
        hint="At least 10 characters: why the remaining risk is tolerable."
      />
      <button type="submit" disabled={pending} className="rounded-md bg-slate-800 px-3 py-2 text-sm font-medium text-white disabled:opacity-60">
        {pending ? "Recording…" : "Accept risk"}
      </button>
    </form>
  );
}
