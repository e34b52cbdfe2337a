"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/web/action-state";
import type { RiskDetail } from "@/lib/risks/schemas";
import { formatControlLines } from "@/lib/web/forms/risk-form-input";
import { CheckboxGroup, SelectField, TextAreaField, TextField } from "@/components/ui/form-fields";
import { RISK_CATEGORY_LABELS, RISK_STATUS_LABELS, RISK_TREATMENT_LABELS, ratingOptions, toOptions } from "@/components/labels";

export type RiskFormOptions = {
  members: { id: string; name: string }[];
  owasp: { id: string; title: string }[];
  frameworks: { id: string; name: string }[];
  likelihoodLabels: readonly string[];
  impactLabels: readonly string[];
};

type Props = {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  /** The risk being edited; omitted for a new risk. */
  risk?: RiskDetail;
  /** Pre-filled values of a new risk (e.g. from an ATLAS technique). */
  initial?: { title?: string; category?: string; techniqueIds?: string[]; description?: string };
  options: RiskFormOptions;
  submitLabel: string;
};

function show(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === "string")) return value.join(", ");
    return formatControlLines(value as { framework: string; controlId: string }[]);
  }
  return String(value);
}

/** Create or edit a risk; after a refused submit it keeps what was typed and shows each error beside its field. */
export function RiskForm({ action, risk, initial, options, submitLabel }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  const v = (state.values ?? risk ?? initial ?? {}) as Record<string, unknown>;
  const str = (k: string) => show(v[k]);
  // errors of list items ("techniqueIds.1", "controls.0.controlId") are shown beside their field
  const err = (k: string) => {
    const messages = Object.entries(state.fieldErrors ?? {})
      .filter(([path]) => path === k || path.startsWith(`${k}.`))
      .map(([, m]) => m);
    return messages.length ? [...new Set(messages)].join("; ") : undefined;
  };
  const accepted = risk?.status === "accepted";
  const statusOptions = toOptions(RISK_STATUS_LABELS).filter((o) => o.value !== "accepted" || accepted);
  const treatmentOptions = toOptions(RISK_TREATMENT_LABELS).filter((o) => o.value !== "accept" || risk?.treatment === "accept");
  return (
    <form action={formAction} className="space-y-6" noValidate data-testid="risk-form">
      {risk && <input type="hidden" name="version" value={risk.version} />}
      {state.status === "error" && (
        <div data-testid="form-error" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          {state.message}
        </div>
      )}
      {state.status === "success" && (
        <div data-testid="form-success" className="rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          {state.message}
        </div>
      )}
      <Section title="The risk">
        <TextField name="title" label="Title" required defaultValue={str("title")} error={err("title")} />
        <SelectField
          name="category"
          label="Category"
          defaultValue={str("category") ?? "security"}
          error={err("category")}
          options={toOptions(RISK_CATEGORY_LABELS)}
        />
        <div className="md:col-span-2">
          <TextAreaField name="description" label="Description" defaultValue={str("description")} error={err("description")} />
        </div>
        <TextField
          name="techniqueIds"
          label="MITRE ATLAS techniques"
          defaultValue={str("techniqueIds")}
          error={err("techniqueIds")}
          hint="Technique ids separated by commas, e.g. AML.T0051, AML.T0054"
        />
        <SelectField
          name="ownerId"
          label="Risk owner"
          emptyLabel="Unassigned"
          defaultValue={str("ownerId") ?? ""}
          error={err("ownerId")}
          options={options.members.map((m) => ({ value: m.id, label: m.name }))}
        />
        <div className="md:col-span-2">
          <CheckboxGroup
            name="owaspIds"
            label="OWASP Top 10 (LLM 2025, Agentic 2026)"
            error={err("owaspIds")}
            defaultValues={(v.owaspIds as string[] | undefined) ?? []}
            options={options.owasp.map((o) => ({ value: o.id, label: `${o.id} ${o.title}` }))}
          />
        </div>
      </Section>
      <Section title="Inherent rating (before treatment)">
        <SelectField
          name="inherentLikelihood"
          label="Likelihood"
          emptyLabel="Choose…"
          defaultValue={str("inherentLikelihood") ?? ""}
          error={err("inherentLikelihood")}
          options={ratingOptions(options.likelihoodLabels)}
        />
        <SelectField
          name="inherentImpact"
          label="Impact"
          emptyLabel="Choose…"
          defaultValue={str("inherentImpact") ?? ""}
          error={err("inherentImpact")}
          options={ratingOptions(options.impactLabels)}
        />
      </Section>
      <Section title="Treatment">
        <SelectField
          name="treatment"
          label="Treatment"
          defaultValue={str("treatment") ?? "mitigate"}
          error={err("treatment")}
          options={treatmentOptions}
          hint={accepted ? "Changing the treatment withdraws the acceptance." : "To accept a risk, save it and use Accept risk (named approver and reason)."}
        />
        <SelectField name="status" label="Status" defaultValue={str("status") ?? "open"} error={err("status")} options={statusOptions} />
        <div className="md:col-span-2">
          <TextAreaField name="treatmentPlan" label="Treatment plan" defaultValue={str("treatmentPlan")} error={err("treatmentPlan")} />
        </div>
        <TextField name="dueDate" label="Due date" type="date" defaultValue={str("dueDate")} error={err("dueDate")} />
        <TextAreaField
          name="controls"
          label="Linked controls"
          defaultValue={str("controls")}
          error={err("controls")}
          rows={3}
          hint={`One per line: framework and control id, e.g. "iso42001 A.6.2.4". Frameworks: ${options.frameworks.map((f) => f.id).join(", ")}`}
        />
      </Section>
      <Section title="Residual rating (after treatment)">
        <SelectField
          name="residualLikelihood"
          label="Likelihood"
          emptyLabel="Not assessed"
          defaultValue={str("residualLikelihood") ?? ""}
          error={err("residualLikelihood")}
          options={ratingOptions(options.likelihoodLabels)}
        />
        <SelectField
          name="residualImpact"
          label="Impact"
          emptyLabel="Not assessed"
          defaultValue={str("residualImpact") ?? ""}
          error={err("residualImpact")}
          options={ratingOptions(options.impactLabels)}
        />
      </Section>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "Saving…" : submitLabel}
      </button>
    </form>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <fieldset className="rounded-xl border border-slate-200 bg-white p-5">
      <legend className="px-1 text-sm font-semibold text-slate-700">{title}</legend>
      <div className="grid gap-4 md:grid-cols-2">{children}</div>
    </fieldset>
  );
}
