"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/web/action-state";

type Option = { value: string; label: string };

/**
 * Map one scanner test (tool × test id) to ATLAS techniques and OWASP LLM Top 10 (2025) items for the organisation.
 * Techniques are typed as ids (the schema checks each: AML.T0051 or AML.T0051.000); OWASP items are ticked.
 * Field ids carry `idPrefix`: the page shows one form per test.
 */
export function MappingForm({
  action,
  idPrefix,
  tool,
  testId,
  techniqueIds = [],
  owaspIds = [],
  note = "",
  owaspOptions,
  submitLabel = "Save mapping",
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  idPrefix: string;
  tool: string;
  testId: string;
  techniqueIds?: readonly string[];
  owaspIds?: readonly string[];
  note?: string;
  owaspOptions: readonly Option[];
  submitLabel?: string;
}) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  const values = (state.status === "error" ? state.values : undefined) as Record<string, string> | undefined;
  const errorFor = (field: string) => Object.entries(state.fieldErrors ?? {}).find(([path]) => path === field || path.startsWith(`${field}.`))?.[1];
  const techniqueError = errorFor("techniqueIds");
  const owaspError = errorFor("owaspIds");
  const chosenOwasp = values ? values.owaspIds.split(/[\s,;]+/) : owaspIds;
  return (
    <form action={formAction} className="space-y-2" noValidate data-testid="mapping-form">
      <input type="hidden" name="tool" value={tool} />
      <input type="hidden" name="testId" value={testId} />
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
        <label htmlFor={`${idPrefix}-techniques`} className="block text-xs font-medium text-slate-800">
          ATLAS techniques
        </label>
        <input
          id={`${idPrefix}-techniques`}
          name="techniqueIds"
          defaultValue={values?.techniqueIds ?? techniqueIds.join(", ")}
          placeholder="AML.T0051, AML.T0054"
          aria-invalid={Boolean(techniqueError)}
          aria-describedby={`${idPrefix}-techniques-${techniqueError ? "error" : "hint"}`}
          className={`mt-1 w-full rounded-md border bg-white px-2 py-1.5 font-mono text-sm ${techniqueError ? "border-red-500" : "border-slate-300"}`}
        />
        {techniqueError ? (
          <p id={`${idPrefix}-techniques-error`} className="mt-1 text-xs font-medium text-red-700">
            {techniqueError}
          </p>
        ) : (
          <p id={`${idPrefix}-techniques-hint`} className="mt-1 text-xs text-slate-600">
            Technique ids separated by commas, as on the ATLAS matrix (sub-techniques as AML.T0051.000).
          </p>
        )}
      </div>
      <fieldset>
        <legend className="text-xs font-medium text-slate-800">OWASP LLM Top 10 (2025)</legend>
        <div className="mt-1 grid gap-x-3 gap-y-0.5 sm:grid-cols-2">
          {owaspOptions.map((o) => (
            <label key={o.value} className="flex items-center gap-1.5 text-xs">
              <input type="checkbox" name="owaspIds" value={o.value} defaultChecked={chosenOwasp.includes(o.value)} /> {o.label}
            </label>
          ))}
        </div>
        {owaspError && <p className="mt-1 text-xs font-medium text-red-700">{owaspError}</p>}
      </fieldset>
      <div>
        <label htmlFor={`${idPrefix}-note`} className="block text-xs font-medium text-slate-800">
          Note (why this mapping)
        </label>
        <input
          id={`${idPrefix}-note`}
          name="note"
          defaultValue={values?.note ?? note}
          className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
        />
      </div>
      <button type="submit" disabled={pending} className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
        {pending ? "Saving…" : submitLabel}
      </button>
    </form>
  );
}
