import type { SystemFilters } from "@/lib/systems/schemas";
import { LIFECYCLE_LABELS, RISK_TIER_LABELS, toOptions } from "@/components/labels";
import { FilterBar, FILTER_CONTROL as select } from "@/components/ui/filter-bar";

type Options = { businessUnits: string[]; owners: { id: string; name: string }[] };

/** A plain GET form: the URL holds the filter state, so filtered views can be bookmarked and shared. */
export function InventoryFilters({ filters, options }: { filters: SystemFilters; options: Options }) {
  return (
    <FilterBar action="/systems" stateKey={JSON.stringify(filters)} resetHref="/systems">
      <div className="min-w-48 flex-1">
        <label htmlFor="q" className="block text-xs font-medium text-slate-700">
          Search
        </label>
        <input id="q" name="q" defaultValue={filters.q ?? ""} placeholder="Name, description, purpose, vendor" className={`${select} mt-1 w-full`} />
      </div>
      <Filter id="tier" label="Risk tier" value={filters.tier} options={toOptions(RISK_TIER_LABELS)} />
      <Filter id="stage" label="Lifecycle stage" value={filters.stage} options={toOptions(LIFECYCLE_LABELS)} />
      <Filter id="businessUnit" label="Business unit" value={filters.businessUnit} options={options.businessUnits.map((u) => ({ value: u, label: u }))} />
      <Filter id="ownerId" label="Owner" value={filters.ownerId} options={options.owners.map((o) => ({ value: o.id, label: o.name }))} />
      <div>
        <label htmlFor="status" className="block text-xs font-medium text-slate-700">
          Status
        </label>
        <select id="status" name="status" defaultValue={filters.status} className={`${select} mt-1`}>
          <option value="active">Active</option>
          <option value="archived">Archived</option>
          <option value="all">All</option>
        </select>
      </div>
      <input type="hidden" name="sort" value={filters.sort} />
      <input type="hidden" name="dir" value={filters.dir} />
    </FilterBar>
  );
}

function Filter({ id, label, value, options }: { id: string; label: string; value?: string; options: { value: string; label: string }[] }) {
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      <select id={id} name={id} defaultValue={value ?? ""} className={`${select} mt-1 max-w-48`}>
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
