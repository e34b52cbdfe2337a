"use client";

import Link from "next/link";
import { useActionState } from "react";
import type { ActionState } from "@/lib/web/action-state";
import { SUGGESTION_GROUPS, type TechniqueSuggestion } from "@/lib/threats/suggest-techniques";

/**
 * The suggestions, grouped by the rule that proposed them, each with its reason. Ticking one and
 * keeping (or rewriting) the pre-filled rationale adds it; the reason is a starting point, not a finding.
 */
export function SuggestionsForm({
  suggestions,
  action,
  canEdit,
}: {
  suggestions: TechniqueSuggestion[];
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  canEdit: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  const submitted = state.status === "error" ? state.values : undefined;
  const ticked = new Set((submitted?.techniqueId as string[] | undefined) ?? []);
  const groups = (Object.keys(SUGGESTION_GROUPS) as (keyof typeof SUGGESTION_GROUPS)[])
    .map((g) => [g, suggestions.filter((s) => s.group === g)] as const)
    .filter(([, list]) => list.length > 0);
  if (suggestions.length === 0) {
    return (
      <p className="mt-3 text-sm text-slate-500">
        No suggestions: describe the model type, foundation model, deployment context, components and data categories on the system to get some.
      </p>
    );
  }
  return (
    <form action={formAction} className="mt-3 space-y-4" data-testid="suggestions-form" noValidate>
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
      {groups.map(([group, list]) => (
        <fieldset key={group} className="space-y-2">
          <legend className="text-xs font-semibold uppercase tracking-wide text-slate-500">{SUGGESTION_GROUPS[group]}</legend>
          {list.map((s) => {
            const rationaleId = `rationale-${s.techniqueId}`;
            const error = state.fieldErrors?.[`rationale:${s.techniqueId}`] ?? state.fieldErrors?.[`techniqueId:${s.techniqueId}`];
            return (
              <div
                key={s.techniqueId}
                className={`group rounded-md border p-3 ${s.inProfile ? "border-slate-100 bg-slate-50" : "border-slate-200"}`}
                data-suggestion={s.techniqueId}
              >
                <label className="flex items-start gap-2">
                  <input
                    type="checkbox"
                    name="techniqueId"
                    value={s.techniqueId}
                    disabled={!canEdit || s.inProfile}
                    defaultChecked={ticked.has(s.techniqueId)}
                    className="mt-1"
                    aria-describedby={`why-${s.techniqueId}`}
                  />
                  <span>
                    <Link href={`/threats/techniques/${encodeURIComponent(s.techniqueId)}`} className="font-medium text-brand-700 hover:underline">
                      {s.name}
                    </Link>{" "}
                    <span className="font-mono text-xs text-slate-500">{s.techniqueId}</span>
                    {s.inProfile && <span className="ml-2 rounded bg-emerald-100 px-1.5 text-xs text-emerald-800">In profile</span>}
                    <span id={`why-${s.techniqueId}`} className="block text-sm text-slate-600">
                      Why: {s.why}
                    </span>
                  </span>
                </label>
                {canEdit && !s.inProfile && (
                  // shown once the suggestion is ticked (CSS :has, no JavaScript needed)
                  <div className="mt-2 hidden pl-6 group-has-[input:checked]:block">
                    <label htmlFor={rationaleId} className="block text-xs font-medium text-slate-700">
                      Rationale (kept with the entry)
                    </label>
                    <textarea
                      id={rationaleId}
                      name={`rationale:${s.techniqueId}`}
                      rows={2}
                      defaultValue={String(submitted?.[`rationale:${s.techniqueId}`] ?? s.why)}
                      aria-invalid={Boolean(error)}
                      aria-describedby={error ? `${rationaleId}-error` : undefined}
                      className={`mt-1 w-full rounded-md border px-2 py-1 text-sm ${error ? "border-red-500" : "border-slate-300"}`}
                    />
                    {error && (
                      <p id={`${rationaleId}-error`} className="mt-1 text-xs font-medium text-red-700">
                        {error}
                      </p>
                    )}
                  </div>
                )}
              </div>
            );
          })}
        </fieldset>
      ))}
      {canEdit && (
        <button type="submit" disabled={pending} className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white">
          Add selected
        </button>
      )}
    </form>
  );
}
