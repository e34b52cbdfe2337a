"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/web/action-state";
import type { ImportBomResult } from "@/lib/components/import-bom";
import { COMPONENT_KIND_LABELS } from "@/components/labels";

const IDLE: ActionState = { status: "idle" };

/** Import a CycloneDX BOM (JSON) into the system's components, then list what changed. */
export function BomImportForm({ action }: { action: (prev: ActionState, form: FormData) => Promise<ActionState> }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const result = state.status === "success" && state.data?.result ? (JSON.parse(state.data.result) as ImportBomResult) : null;
  const kind = (k: string) => COMPONENT_KIND_LABELS[k as keyof typeof COMPONENT_KIND_LABELS] ?? k;
  return (
    <div>
      <form action={formAction} className="grid gap-3" noValidate>
        <div>
          <label htmlFor="bom-file" className="block text-sm font-medium text-slate-800">
            CycloneDX JSON file (1.4–1.6, up to 1 MB here; larger over the API)
          </label>
          <input id="bom-file" name="file" type="file" accept=".json,application/json" className="mt-1 block w-full text-sm" />
        </div>
        <div>
          <button type="submit" disabled={pending} className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white">
            {pending ? "Importing…" : "Import BOM"}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {state.status === "error" && (
          <div className="mt-3 text-sm text-red-700">
            <p>{state.message}</p>
            {state.fieldErrors && (
              <ul className="list-disc pl-5">
                {Object.entries(state.fieldErrors).map(([path, message]) => (
                  <li key={path}>
                    {path}: {message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {result && (
          <div className="mt-4 rounded-md border border-slate-200 p-3 text-sm" data-testid="bom-import-result">
            <p className="font-medium text-emerald-800">{state.message}</p>
            <ul className="mt-2 list-disc pl-5">
              {result.created.map((c) => (
                <li key={c.id}>
                  Created {kind(c.kind).toLowerCase()} “{c.name}”
                </li>
              ))}
              {result.updated.map((c) => (
                <li key={c.id}>
                  Updated “{c.name}”: {Object.keys(c.changes).join(", ")}
                </li>
              ))}
              {result.skipped.map((c, i) => (
                <li key={`${c.name}-${i}`}>
                  Skipped “{c.name}” ({c.type || "no type"}: not a model, dataset or service)
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </div>
  );
}
