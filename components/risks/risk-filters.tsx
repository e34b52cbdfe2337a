import type { RiskFilters as Filters } from "@/lib/risks/schemas";
import type { RiskLevel } from "@/lib/risks/risk-matrix";
import { RISK_CATEGORY_LABELS, RISK_STATUS_LABELS, SCORE_BASIS_LABELS, toOptions } from "@/components/labels";
import { FilterBar, FILTER_CONTROL as select } from "@/components/ui/filter-bar";

type Props = {
  filters: Filters;
  levels: readonly RiskLevel[];
  members: { id: string; name: string }[];
  /** Offered on the organisation register; the system's register is scoped by its path. */
  systems?: { id: string; name: string }[];
  action: string;
};

/**
 * A plain GET form: the URL holds the filter state, so filtered views can be bookmarked and shared.
 * Its field ids are prefixed ("filter-…"): a system's risk page also shows the new-risk form, whose
 * fields are named alike (category, status, ownerId), and a duplicate id ties that form's labels to these selects.
 */
export function RiskFilters({ filters, levels, members, systems, action }: Props) {
  return (
    <FilterBar action={action} stateKey={JSON.stringify(filters)} resetHref={action} testId="risk-filters">
      <div className="min-w-48 flex-1">
        <label htmlFor="filter-q" className="block text-xs font-medium text-slate-700">
          Search
        </label>
        <input id="filter-q" name="q" defaultValue={filters.q ?? ""} placeholder="Title or description" className={`${select} mt-1 w-full`} />
      </div>
      {systems && <Filter name="systemId" label="AI system" value={filters.systemId} options={systems.map((s) => ({ value: s.id, label: s.name }))} />}
      <Filter name="category" label="Category" value={filters.category} options={toOptions(RISK_CATEGORY_LABELS)} />
      <Filter name="status" label="Status" value={filters.status} options={toOptions(RISK_STATUS_LABELS)} />
      <Filter name="level" label="Level" value={filters.level} options={levels.map((l) => ({ value: l.key, label: l.label }))} />
      <div>
        <label htmlFor="filter-basis" className="block text-xs font-medium text-slate-700">
          Scored on
        </label>
        <select id="filter-basis" name="basis" defaultValue={filters.basis} className={`${select} mt-1`}>
          {toOptions(SCORE_BASIS_LABELS).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <Filter name="ownerId" label="Owner" value={filters.ownerId} options={members.map((m) => ({ value: m.id, label: m.name }))} />
      <div>
        <label htmlFor="filter-techniqueId" className="block text-xs font-medium text-slate-700">
          ATLAS technique
        </label>
        <input id="filter-techniqueId" name="techniqueId" defaultValue={filters.techniqueId ?? ""} placeholder="AML.T0051" className={`${select} mt-1 w-28`} />
      </div>
      {filters.likelihood && <input type="hidden" name="likelihood" value={filters.likelihood} />}
      {filters.impact && <input type="hidden" name="impact" value={filters.impact} />}
      <input type="hidden" name="sort" value={filters.sort} />
      <input type="hidden" name="dir" value={filters.dir} />
    </FilterBar>
  );
}

function Filter({ name, label, value, options }: { name: string; label: string; value?: string; options: { value: string; label: string }[] }) {
  const id = `filter-${name}`;
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={`${select} mt-1 max-w-48`}>
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
