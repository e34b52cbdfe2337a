"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/web/action-state";

/** Upload an ATLAS Navigator layer (.json); refused layers list each offending entry. */
export function LayerImportForm({ action }: { action: (prev: ActionState, form: FormData) => Promise<ActionState> }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  const issues = Object.entries(state.fieldErrors ?? {}).filter(([path]) => path !== "layer" && path !== "rationale");
  return (
    <form action={formAction} className="mt-3 grid gap-3" data-testid="layer-import-form" noValidate>
      {state.status === "error" && (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      )}
      {issues.length > 0 && (
        <ul className="list-disc pl-5 text-xs text-red-700" data-testid="layer-issues">
          {issues.map(([path, message]) => (
            <li key={path}>
              <span className="font-mono">{path}</span>: {message}
            </li>
          ))}
        </ul>
      )}
      {state.status === "success" && (
        <p role="status" className="text-sm text-emerald-700">
          {state.message}
        </p>
      )}
      <div>
        <label htmlFor="layer" className="block text-sm font-medium text-slate-800">
          Layer file
        </label>
        <input
          id="layer"
          name="layer"
          type="file"
          accept=".json,application/json"
          aria-invalid={Boolean(state.fieldErrors?.layer)}
          className="mt-1 block text-sm"
        />
        {state.fieldErrors?.layer && <p className="mt-1 text-xs font-medium text-red-700">{state.fieldErrors.layer}</p>}
        <p className="mt-1 text-xs text-slate-500">
          Techniques with a score above 0, a colour or a comment are added; the comment becomes the rationale. A layer naming a technique this ATLAS release
          does not have is refused as a whole.
        </p>
      </div>
      <div>
        <label htmlFor="layer-rationale" className="block text-sm font-medium text-slate-800">
          Rationale for techniques without a comment (optional)
        </label>
        <input
          id="layer-rationale"
          name="rationale"
          type="text"
          defaultValue={state.status === "error" ? String(state.values?.rationale ?? "") : ""}
          aria-invalid={Boolean(state.fieldErrors?.rationale)}
          className={`mt-1 w-full rounded-md border px-3 py-2 text-sm ${state.fieldErrors?.rationale ? "border-red-500" : "border-slate-300"}`}
        />
        {state.fieldErrors?.rationale && <p className="mt-1 text-xs font-medium text-red-700">{state.fieldErrors.rationale}</p>}
      </div>
      <div>
        <button type="submit" disabled={pending} className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white">
          Import layer
        </button>
      </div>
    </form>
  );
}
