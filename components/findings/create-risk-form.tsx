"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/web/action-state";
import { SelectField, TextField } from "@/components/ui/form-fields";

const RATINGS = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) }));

/**
 * Create a risk from the finding: its ATLAS techniques and OWASP items are filled in and the finding is linked.
 * Title and ratings are optional: left blank, the finding's title, a likelihood from its attack success rate and
 * an impact from its severity are used.
 */
export function CreateRiskForm({
  action,
  version,
  defaultTitle,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  version: number;
  defaultTitle: string;
}) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  const values = (state.values ?? {}) as Record<string, string | undefined>;
  return (
    <form action={formAction} className="space-y-3" noValidate data-testid="create-risk-form">
      <input type="hidden" name="version" value={version} />
      {state.status === "error" && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </p>
      )}
      <TextField id="risk-title" name="title" label="Risk title" defaultValue={values.title ?? defaultTitle} error={state.fieldErrors?.title} />
      <div className="grid grid-cols-2 gap-3">
        <SelectField
          name="inherentLikelihood"
          label="Likelihood (1–5)"
          emptyLabel="From the attack success rate"
          defaultValue={values.inherentLikelihood ?? ""}
          error={state.fieldErrors?.inherentLikelihood}
          options={RATINGS}
        />
        <SelectField
          name="inherentImpact"
          label="Impact (1–5)"
          emptyLabel="From the severity"
          defaultValue={values.inherentImpact ?? ""}
          error={state.fieldErrors?.inherentImpact}
          options={RATINGS}
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "Creating…" : "Create a risk from this finding"}
      </button>
    </form>
  );
}
