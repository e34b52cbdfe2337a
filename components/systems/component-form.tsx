"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/web/action-state";
import { COMPONENT_KIND_LABELS, toOptions } from "@/components/labels";
import { SelectField, TextField } from "@/components/ui/form-fields";

type Values = { kind: string; name: string; version: string; sourceUrl: string; licence: string; sha256: string };

/** Add or edit one component; after a refused submit it keeps what was typed and shows errors beside the fields. */
export function ComponentForm({
  action,
  initial,
  submitLabel,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  initial?: Values;
  submitLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  const v = (k: keyof Values) => String(state.status === "error" ? (state.values?.[k] ?? "") : (initial?.[k] ?? ""));
  const err = (k: string) => state.fieldErrors?.[k];
  return (
    <form action={formAction} className="mt-3 grid gap-3 md:grid-cols-3" noValidate>
      {state.status === "error" && (
        <p data-testid="component-error" className="text-sm text-red-700 md:col-span-3">
          {state.message}
        </p>
      )}
      {state.status === "success" && <p className="text-sm text-emerald-700 md:col-span-3">{state.message}</p>}
      <SelectField name="kind" label="Kind" defaultValue={v("kind") || "model"} options={toOptions(COMPONENT_KIND_LABELS)} error={err("kind")} />
      <TextField name="name" label="Name" defaultValue={v("name")} error={err("name")} />
      <TextField name="version" label="Version" defaultValue={v("version")} error={err("version")} />
      <TextField name="sourceUrl" label="Source URL" defaultValue={v("sourceUrl")} error={err("sourceUrl")} />
      <TextField name="licence" label="Licence (SPDX id)" defaultValue={v("licence")} error={err("licence")} />
      <TextField name="sha256" label="Artifact SHA-256" defaultValue={v("sha256")} error={err("sha256")} />
      <div className="md:col-span-3">
        <button type="submit" disabled={pending} className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white">
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
