"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/web/action-state";

/** Attach a piece of the system's existing evidence to this control too. */
export function LinkEvidenceForm({
  action,
  framework,
  controlId,
  options,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  framework: string;
  controlId: string;
  options: readonly { id: string; title: string }[];
}) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  if (options.length === 0) return null;
  const id = `link-${framework}-${controlId}`.replace(/[^A-Za-z0-9_-]/g, "_");
  return (
    <form action={formAction} className="mt-2 flex flex-wrap items-end gap-2">
      <input type="hidden" name="framework" value={framework} />
      <input type="hidden" name="controlId" value={controlId} />
      <div>
        <label htmlFor={id} className="block text-xs font-medium text-slate-700">
          Attach existing evidence
        </label>
        <select id={id} name="evidenceId" className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.title}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={pending} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm">
        Attach
      </button>
      {state.status === "error" && (
        <span className="text-xs text-red-700" role="alert">
          {state.message}
        </span>
      )}
    </form>
  );
}
