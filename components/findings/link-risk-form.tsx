"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/web/action-state";
import { SelectField } from "@/components/ui/form-fields";

/** Link the finding to one of its system's risks (or unlink it). */
export function LinkRiskForm({
  action,
  risks,
  riskId,
  version,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  risks: readonly { id: string; title: string }[];
  riskId: string | null;
  version: number;
}) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  return (
    <form action={formAction} className="space-y-3" noValidate data-testid="link-risk-form">
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
        name="riskId"
        label="Risk of this AI system"
        emptyLabel="No linked risk"
        defaultValue={riskId ?? ""}
        error={state.fieldErrors?.riskId}
        options={risks.map((r) => ({ value: r.id, label: r.title }))}
      />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50 disabled:opacity-60"
      >
        {pending ? "Saving…" : "Save link"}
      </button>
    </form>
  );
}
