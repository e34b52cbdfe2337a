"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/web/action-state";
import type { SystemDetail } from "@/lib/systems/schemas";
import { CheckboxGroup, SelectField, TextAreaField, TextField } from "@/components/ui/form-fields";
import { AUTONOMY_LABELS, DATA_CATEGORY_LABELS, EU_ROLE_LABELS, HOSTING_LABELS, LIFECYCLE_LABELS, RISK_TIER_LABELS, toOptions } from "@/components/labels";

type Props = {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  system?: SystemDetail;
  owners: { id: string; name: string }[];
  canChangeOwner: boolean;
  submitLabel: string;
};

export function SystemForm({ action, system, owners, canChangeOwner, submitLabel }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  // after a refused submit, show what the user typed rather than the stored values
  const v = (state.values ?? system ?? {}) as Record<string, unknown>;
  const str = (k: string) => (v[k] == null ? undefined : String(v[k]));
  const err = (k: string) => state.fieldErrors?.[k];
  return (
    <form action={formAction} className="space-y-8" noValidate>
      {system && <input type="hidden" name="version" value={system.version} />}
      {state.status === "error" && (
        <div data-testid="form-error" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          {state.message}
        </div>
      )}
      <Section title="Identity and purpose">
        <TextField name="name" label="Name" required defaultValue={str("name")} error={err("name")} />
        <TextField name="businessUnit" label="Business unit" defaultValue={str("businessUnit")} error={err("businessUnit")} />
        <TextAreaField name="description" label="Description" defaultValue={str("description")} error={err("description")} />
        <TextAreaField
          name="purpose"
          label="Purpose / intended use"
          defaultValue={str("purpose")}
          error={err("purpose")}
          hint="What it is for, and what it must not be used for."
        />
        {canChangeOwner ? (
          <SelectField
            name="ownerId"
            label="Owner"
            emptyLabel="Unassigned"
            defaultValue={str("ownerId") ?? ""}
            error={err("ownerId")}
            options={owners.map((o) => ({ value: o.id, label: o.name }))}
          />
        ) : (
          <p className="text-sm text-slate-600">
            Owner: {owners.find((o) => o.id === system?.ownerId)?.name ?? "Unassigned"} (only a compliance officer or admin can change it)
          </p>
        )}
        <SelectField
          name="lifecycleStage"
          label="Lifecycle stage"
          defaultValue={str("lifecycleStage") ?? "idea"}
          error={err("lifecycleStage")}
          options={toOptions(LIFECYCLE_LABELS)}
        />
      </Section>
      <Section title="EU AI Act">
        <SelectField
          name="euAiActRole"
          label="Our role under the EU AI Act"
          defaultValue={str("euAiActRole") ?? "deployer"}
          error={err("euAiActRole")}
          options={toOptions(EU_ROLE_LABELS)}
        />
        {system ? (
          // the tier changes only through classification (the questionnaire on the system page), never by an edit
          <p className="text-sm text-slate-600" data-testid="risk-tier-readonly">
            Risk tier: {RISK_TIER_LABELS[system.riskTier]}
            {system.riskTierBasis ? ` (${system.riskTierBasis})` : ""}. Change it with the classification questionnaire on the system page.
          </p>
        ) : (
          <>
            <SelectField
              name="riskTier"
              label="Risk tier"
              defaultValue={str("riskTier") ?? "unclassified"}
              error={err("riskTier")}
              options={toOptions(RISK_TIER_LABELS)}
              hint="Use the classification questionnaire on the system page for a guided proposal."
            />
            <TextField
              name="riskTierBasis"
              label="Legal basis"
              defaultValue={str("riskTierBasis")}
              error={err("riskTierBasis")}
              hint="e.g. Art 6(2), Annex III point 4(a)"
            />
            <TextAreaField name="riskTierRationale" label="Rationale" defaultValue={str("riskTierRationale")} error={err("riskTierRationale")} />
          </>
        )}
      </Section>
      <Section title="Technology and deployment">
        <TextField
          name="modelType"
          label="Model type"
          defaultValue={str("modelType")}
          error={err("modelType")}
          hint="e.g. gradient-boosted trees, fine-tuned LLM, CNN"
        />
        <TextField name="foundationModel" label="Foundation model" defaultValue={str("foundationModel")} error={err("foundationModel")} />
        <TextField name="vendor" label="Vendor" defaultValue={str("vendor")} error={err("vendor")} />
        <SelectField
          name="hosting"
          label="Hosting"
          emptyLabel="Not recorded"
          defaultValue={str("hosting") ?? ""}
          error={err("hosting")}
          options={toOptions(HOSTING_LABELS)}
        />
        <TextAreaField
          name="deploymentContext"
          label="Deployment context"
          defaultValue={str("deploymentContext")}
          error={err("deploymentContext")}
          hint="Where and how it runs, who uses it, which countries."
        />
        <SelectField
          name="autonomyLevel"
          label="Autonomy level"
          defaultValue={str("autonomyLevel") ?? "human_in_the_loop"}
          error={err("autonomyLevel")}
          options={toOptions(AUTONOMY_LABELS)}
        />
      </Section>
      <Section title="People and data">
        <CheckboxGroup
          name="dataCategories"
          label="Data categories"
          error={err("dataCategories")}
          options={toOptions(DATA_CATEGORY_LABELS)}
          defaultValues={(v.dataCategories as string[] | undefined) ?? []}
        />
        <TextAreaField name="affectedPersons" label="Affected persons" defaultValue={str("affectedPersons")} error={err("affectedPersons")} />
        <TextAreaField name="humanOversight" label="Human-oversight measures" defaultValue={str("humanOversight")} error={err("humanOversight")} />
      </Section>
      <div className="flex gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? "Saving…" : submitLabel}
        </button>
      </div>
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
