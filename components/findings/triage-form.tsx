"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/web/action-state";
import { CLOSING_STATUSES, type FindingStatus } from "@/lib/findings/schemas";
import { FINDING_STATUS_LABELS, toOptions } from "@/components/labels";
import { SelectField, TextAreaField } from "@/components/ui/form-fields";

/** Triage: open → triaged → mitigated / false positive / accepted, with the reason (required to close) kept in the audit trail. */
export function TriageForm({
  action,
  status,
  version,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  status: FindingStatus;
  version: number;
}) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  const values = (state.values ?? {}) as Record<string, string | undefined>;
  return (
    <form action={formAction} className="space-y-3" noValidate data-testid="triage-form">
      <input type="hidden" name="version" value={version} />
      {state.status === "error" && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </p>
      )}
      {state.status === "success" && (
        <p role="status" className="text-sm text-emerald-700">
          {state.message}
        </p>
      )}
      <SelectField
        name="status"
        label="Status"
        defaultValue={values.status ?? status}
        error={state.fieldErrors?.status}
        options={toOptions(FINDING_STATUS_LABELS)}
      />
      <TextAreaField
        name="reason"
        label="Reason"
        defaultValue={values.reason}
        error={state.fieldErrors?.reason}
        hint={`Required for ${CLOSING_STATUSES.map((s) => FINDING_STATUS_LABELS[s].toLowerCase()).join(", ")}: kept in the audit trail.`}
      />
      <button type="submit" disabled={pending} className="rounded-md bg-slate-800 px-3 py-2 text-sm font-medium text-white disabled:opacity-60">
        {pending ? "Saving…" : "Save status"}
      </button>
    </form>
  );
}
