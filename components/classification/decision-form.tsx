"use client";

import { useActionState, useState } from "react";
import type { ActionState } from "@/lib/web/action-state";
import { RISK_TIER_LABELS } from "@/components/labels";

export function DecisionForm({
  action,
  assessmentId,
  proposedTier,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  assessmentId: string;
  proposedTier: string;
}) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  const [overriding, setOverriding] = useState(false);
  return (
    <div className="mt-4 border-t border-slate-200 pt-3">
      {state.status === "error" && (
        <p className="mb-2 text-sm text-red-700" data-testid="decision-error">
          {state.message}
        </p>
      )}
      {!overriding ? (
        <div className="flex flex-wrap gap-2">
          <form action={formAction}>
            <input type="hidden" name="assessmentId" value={assessmentId} />
            <input type="hidden" name="decision" value="accepted" />
            <button type="submit" disabled={pending} className="rounded-md bg-emerald-700 px-3 py-1.5 text-sm font-medium text-white">
              Accept proposal
            </button>
          </form>
          <button type="button" onClick={() => setOverriding(true)} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm">
            Override…
          </button>
        </div>
      ) : (
        <form action={formAction} className="space-y-2">
          <input type="hidden" name="assessmentId" value={assessmentId} />
          <input type="hidden" name="decision" value="overridden" />
          <label htmlFor="override-tier" className="block text-sm font-medium">
            Tier instead
          </label>
          <select id="override-tier" name="tier" defaultValue={proposedTier} className="rounded-md border border-slate-300 px-2 py-1.5 text-sm">
            {Object.entries(RISK_TIER_LABELS).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
          <label htmlFor="reason" className="block text-sm font-medium">
            Reason (kept with the decision)
          </label>
          <textarea
            id="reason"
            name="reason"
            rows={3}
            className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
            aria-invalid={Boolean(state.fieldErrors?.reason)}
          />
          {state.fieldErrors?.reason && (
            <p className="text-xs text-red-700" data-testid="error-reason">
              {state.fieldErrors.reason}
            </p>
          )}
          <div className="flex gap-2">
            <button type="submit" disabled={pending} className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white">
              Record override
            </button>
            <button type="button" onClick={() => setOverriding(false)} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
