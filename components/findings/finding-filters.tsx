import type { FINDING_FILTER_KEYS } from "./search-params";
import { FINDING_STATUS_LABELS, SEVERITY_LABELS, toOptions } from "@/components/labels";
import { FilterBar, FILTER_CONTROL as control } from "@/components/ui/filter-bar";

type Option = { value: string; label: string };

/**
 * The findings filters as a GET form (the URL holds them: filtered views can be bookmarked and shared). Field ids
 * are prefixed ("ff-…") so they never collide with a form's fields on the same page.
 */
export function FindingFilters({
  action,
  filters,
  systems,
  tools,
  imports,
  owaspItems,
}: {
  action: string;
  /** The URL's filter values (strings as typed; the loader validates them). */
  filters: Partial<Record<(typeof FINDING_FILTER_KEYS)[number], string | undefined>>;
  /** Offered organisation-wide; a system's page is scoped by its path. */
  systems?: Option[];
  tools: string[];
  imports: Option[];
  owaspItems: Option[];
}) {
  return (
    <FilterBar action={action} stateKey={JSON.stringify(filters)} resetHref={action} label="Filter findings" testId="finding-filters">
      {systems && <Select name="systemId" label="AI system" value={filters.systemId} options={systems} />}
      <Select name="tool" label="Tool" value={filters.tool} options={tools.map((t) => ({ value: t, label: t }))} />
      <Select name="severity" label="Severity" value={filters.severity} options={toOptions(SEVERITY_LABELS)} />
      <Select name="status" label="Status" value={filters.status} options={toOptions(FINDING_STATUS_LABELS)} />
      <div>
        <label htmlFor="ff-technique" className="block text-xs font-medium text-slate-700">
          ATLAS technique
        </label>
        <input
          id="ff-technique"
          name="technique"
          defaultValue={filters.technique ?? ""}
          placeholder="AML.T0051"
          pattern="AML\.T\d{4}(\.\d{3})?"
          title="An ATLAS technique id such as AML.T0051"
          className={`${control} mt-1 w-32`}
        />
      </div>
      <Select name="owasp" label="OWASP item" value={filters.owasp} options={owaspItems} />
      <Select name="importId" label="Import" value={filters.importId} options={imports} />
    </FilterBar>
  );
}

function Select({ name, label, value, options }: { name: string; label: string; value?: string; options: Option[] }) {
  const id = `ff-${name}`;
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={`${control} mt-1 max-w-56`}>
        <option value="">All</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
