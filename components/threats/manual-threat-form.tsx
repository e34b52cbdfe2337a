"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/web/action-state";
import { TextAreaField } from "@/components/ui/form-fields";

export type TechniqueOption = { id: string; label: string; group: string };

/** Add one technique by hand: a picker over the organisation's current ATLAS release, and a rationale. */
export function ManualThreatForm({ options, action }: { options: TechniqueOption[]; action: (prev: ActionState, form: FormData) => Promise<ActionState> }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  const v = (k: string) => (state.status === "error" ? String(state.values?.[k] ?? "") : "");
  const err = (k: string) => state.fieldErrors?.[k];
  const groups = [...new Set(options.map((o) => o.group))];
  return (
    <form action={formAction} className="mt-3 grid gap-3" data-testid="manual-threat-form" noValidate>
      {state.status === "error" && (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      )}
      {state.status === "success" && (
        <p role="status" className="text-sm text-emerald-700">
          {state.message}
        </p>
      )}
      <div>
        <label htmlFor="techniqueId" className="block text-sm font-medium text-slate-800">
          Technique
        </label>
        <select
          key={v("techniqueId")}
          id="techniqueId"
          name="techniqueId"
          defaultValue={v("techniqueId")}
          aria-invalid={Boolean(err("techniqueId"))}
          aria-describedby={err("techniqueId") ? "techniqueId-error" : undefined}
          className={`mt-1 w-full rounded-md border bg-white px-3 py-2 text-sm ${err("techniqueId") ? "border-red-500" : "border-slate-300"}`}
        >
          <option value="">Choose a technique…</option>
          {groups.map((group) => (
            <optgroup key={group} label={group}>
              {options
                .filter((o) => o.group === group)
                .map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.label}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
        {err("techniqueId") && (
          <p id="techniqueId-error" className="mt-1 text-xs font-medium text-red-700">
            {err("techniqueId")}
          </p>
        )}
      </div>
      <TextAreaField
        name="rationale"
        label="Rationale"
        hint="Why this technique applies to this system (10–2000 characters)."
        defaultValue={v("rationale")}
        error={err("rationale")}
      />
      <div>
        <button type="submit" disabled={pending} className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white">
          Add technique
        </button>
      </div>
    </form>
  );
}
