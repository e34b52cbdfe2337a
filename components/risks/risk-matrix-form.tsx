"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/web/action-state";
import type { RiskMatrixResponse } from "@/lib/risks/schemas";
import { MAX_MATRIX_LEVELS } from "@/lib/web/forms/risk-matrix-form-input";

type Props = { action: (prev: ActionState, form: FormData) => Promise<ActionState>; matrix: RiskMatrixResponse };
const input = "mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** The admin's editor for axis labels and levels (key, label, minimum score, colour); empty level rows are dropped. */
export function RiskMatrixForm({ action, matrix }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  const values = (state.values ?? matrix) as Partial<RiskMatrixResponse>;
  const err = (path: string) => state.fieldErrors?.[path];
  const levels = values.levels ?? [];
  const rows = Array.from({ length: MAX_MATRIX_LEVELS }, (_, i) => levels[i]);
  return (
    <form action={formAction} className="space-y-5 rounded-xl border border-slate-200 bg-white p-5" noValidate data-testid="risk-matrix-form">
      <input type="hidden" name="version" value={matrix.version} />
      <h2 className="text-base font-semibold">Edit the matrix</h2>
      {state.status === "error" && (
        <p data-testid="form-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
          {err("levels") && <> {err("levels")}</>}
        </p>
      )}
      {state.status === "success" && (
        <p data-testid="form-success" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {state.message}
        </p>
      )}
      {(["likelihoodLabels", "impactLabels"] as const).map((axis) => (
        <fieldset key={axis}>
          <legend className="text-sm font-medium">{axis === "likelihoodLabels" ? "Likelihood labels (1 → 5)" : "Impact labels (1 → 5)"}</legend>
          <div className="mt-1 grid gap-2 sm:grid-cols-5">
            {[0, 1, 2, 3, 4].map((i) => (
              <div key={i}>
                <label htmlFor={`${axis}.${i}`} className="text-xs text-slate-600">
                  {i + 1}
                </label>
                <input
                  id={`${axis}.${i}`}
                  name={`${axis}.${i}`}
                  defaultValue={values[axis]?.[i] ?? ""}
                  className={input}
                  aria-invalid={Boolean(err(`${axis}.${i}`))}
                />
                {err(`${axis}.${i}`) && <p className="text-xs text-red-700">{err(`${axis}.${i}`)}</p>}
              </div>
            ))}
          </div>
          {err(axis) && <p className="text-xs text-red-700">{err(axis)}</p>}
        </fieldset>
      ))}
      <fieldset>
        <legend className="text-sm font-medium">Levels, lowest first (2 to {MAX_MATRIX_LEVELS}; leave a row empty to drop it)</legend>
        <table className="mt-1 text-sm">
          <thead className="text-left text-xs text-slate-500">
            <tr>
              <th className="pr-2">Key</th>
              <th className="pr-2">Label</th>
              <th className="pr-2">From score</th>
              <th>Colour</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((level, i) => (
              <tr key={i} className="align-top">
                {(["key", "label", "minScore"] as const).map((field) => (
                  <td key={field} className="pr-2">
                    <input
                      aria-label={`Level ${i + 1} ${field}`}
                      name={`levels.${i}.${field}`}
                      defaultValue={level?.[field] ?? ""}
                      type={field === "minScore" ? "number" : "text"}
                      min={field === "minScore" ? 1 : undefined}
                      max={field === "minScore" ? 25 : undefined}
                      className={input}
                    />
                    {err(`levels.${i}.${field}`) && <p className="text-xs text-red-700">{err(`levels.${i}.${field}`)}</p>}
                  </td>
                ))}
                <td>
                  <input
                    aria-label={`Level ${i + 1} colour`}
                    name={`levels.${i}.color`}
                    type="color"
                    defaultValue={level?.color ?? "#94a3b8"}
                    className="mt-1 h-9 w-14 rounded border border-slate-300"
                  />
                  {err(`levels.${i}.color`) && <p className="text-xs text-red-700">{err(`levels.${i}.color`)}</p>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "Saving…" : "Save matrix"}
      </button>
    </form>
  );
}
