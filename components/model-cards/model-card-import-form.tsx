"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/web/action-state";
import type { ImportModelCardResult } from "@/lib/model-cards/schemas";

const IDLE: ActionState = { status: "idle" };

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="grid grid-cols-3 gap-2 py-1">
      <dt className="text-slate-600">{label}</dt>
      <dd className="col-span-2 break-words">{value || "—"}</dd>
    </div>
  );
}

/** Import a Hugging Face README.md into a model component, then show what was read (as text). */
export function ModelCardImportForm({
  action,
  models,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  models: { id: string; name: string }[];
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const result = state.status === "success" && state.data?.result ? (JSON.parse(state.data.result) as ImportModelCardResult) : null;
  return (
    <div>
      <form action={formAction} className="grid gap-3" noValidate>
        <div>
          <label htmlFor="card-component" className="block text-sm font-medium text-slate-800">
            Into
          </label>
          <select id="card-component" name="componentId" className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm" defaultValue="">
            <option value="">The model component with the card&apos;s name, or a new one</option>
            {models.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="card-file" className="block text-sm font-medium text-slate-800">
            README.md file
          </label>
          <input id="card-file" name="file" type="file" accept=".md,text/markdown,text/plain" className="mt-1 block w-full text-sm" />
        </div>
        <div>
          <label htmlFor="card-text" className="block text-sm font-medium text-slate-800">
            or paste its text
          </label>
          <textarea
            id="card-text"
            name="card"
            rows={4}
            aria-invalid={Boolean(state.fieldErrors?.card)}
            aria-describedby={state.fieldErrors?.card ? "card-text-error" : undefined}
            className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-xs"
          />
          {state.fieldErrors?.card && (
            <p id="card-text-error" className="mt-1 text-xs font-medium text-red-700">
              {state.fieldErrors.card}
            </p>
          )}
        </div>
        <div>
          <button type="submit" disabled={pending} className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white">
            {pending ? "Importing…" : "Import model card"}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {state.status === "error" && <p className="mt-3 text-sm text-red-700">{state.message}</p>}
        {result && (
          <div className="mt-4 rounded-md border border-slate-200 p-3 text-sm" data-testid="card-import-result">
            <p className="font-medium text-emerald-800">{state.message}</p>
            <h3 className="mt-2 text-sm font-semibold">What was read</h3>
            <dl className="mt-1 divide-y divide-slate-100">
              <Row label="Licence" value={result.license ?? ""} />
              <Row label="Base model" value={result.baseModel.join(", ")} />
              <Row label="Languages" value={result.languages.join(", ")} />
              <Row label="Datasets" value={result.datasets.join(", ")} />
              <Row label="Pipeline" value={result.pipelineTag ?? ""} />
              <Row label="Library" value={result.libraryName ?? ""} />
              <Row label="Tags" value={result.tags.join(", ")} />
              <Row
                label="Evaluation results"
                value={
                  result.evalResults === null ? "none read" : result.evalResults.map((r) => `${r.metric} ${r.value} (${r.datasetName ?? r.dataset})`).join("; ")
                }
              />
              <Row label="Other keys kept" value={result.keptKeys.join(", ")} />
              <Row label="Fields changed" value={result.changed.join(", ")} />
            </dl>
            {result.warnings.length > 0 && (
              <ul className="mt-2 list-disc pl-5 text-amber-800">
                {result.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
