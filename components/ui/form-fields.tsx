import type { ReactNode } from "react";

const control = "mt-1 w-full rounded-md border px-3 py-2 text-sm bg-white disabled:bg-slate-100";

function FieldShell({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint && !error && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} data-testid={`error-${id}`} className="mt-1 text-xs font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

type Common = { name: string; label: string; hint?: string; error?: string; defaultValue?: string; required?: boolean };

function describedBy(name: string, hint?: string, error?: string) {
  return error ? `${name}-error` : hint ? `${name}-hint` : undefined;
}

/** `id` defaults to `name`; pass one when two forms on a page share a field name (ids must be unique). */
export function TextField({ id, name, label, hint, error, defaultValue, required, type = "text" }: Common & { id?: string; type?: string }) {
  const fieldId = id ?? name;
  return (
    <FieldShell id={fieldId} label={label} hint={hint} error={error}>
      <input
        id={fieldId}
        name={name}
        type={type}
        defaultValue={defaultValue}
        required={required}
        aria-invalid={Boolean(error)}
        aria-describedby={describedBy(fieldId, hint, error)}
        className={`${control} ${error ? "border-red-500" : "border-slate-300"}`}
      />
    </FieldShell>
  );
}

export function TextAreaField({ name, label, hint, error, defaultValue, rows = 3 }: Common & { rows?: number }) {
  return (
    <FieldShell id={name} label={label} hint={hint} error={error}>
      <textarea
        id={name}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        aria-invalid={Boolean(error)}
        aria-describedby={describedBy(name, hint, error)}
        className={`${control} ${error ? "border-red-500" : "border-slate-300"}`}
      />
    </FieldShell>
  );
}

export function SelectField({
  name,
  label,
  hint,
  error,
  defaultValue,
  options,
  emptyLabel,
}: Common & { options: readonly { value: string; label: string }[]; emptyLabel?: string }) {
  return (
    <FieldShell id={name} label={label} hint={hint} error={error}>
      {/* keyed on the default: React applies a select's defaultValue only on mount, and resets the form
          after a refused submit, which would otherwise drop the user's choice back to the initial option */}
      <select
        key={defaultValue}
        id={name}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={Boolean(error)}
        aria-describedby={describedBy(name, hint, error)}
        className={`${control} ${error ? "border-red-500" : "border-slate-300"}`}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxGroup({
  name,
  label,
  error,
  options,
  defaultValues,
}: {
  name: string;
  label: string;
  error?: string;
  options: readonly { value: string; label: string }[];
  defaultValues: string[];
}) {
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-800">{label}</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-1.5 text-sm">
            <input type="checkbox" name={name} value={o.value} defaultChecked={defaultValues.includes(o.value)} /> {o.label}
          </label>
        ))}
      </div>
      {error && (
        <p data-testid={`error-${name}`} className="mt-1 text-xs font-medium text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
