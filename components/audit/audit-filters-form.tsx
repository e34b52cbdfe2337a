import { AUDIT_ACTIONS } from "@/lib/audit/audit-actions";
import type { AuditFilters } from "@/lib/audit/schemas";
import { FilterBar, FILTER_CONTROL } from "@/components/ui/filter-bar";

const input = `mt-1 ${FILTER_CONTROL}`;

export function AuditFiltersForm({ filters }: { filters: AuditFilters }) {
  return (
    <FilterBar action="/audit" stateKey={JSON.stringify(filters)} resetHref="/audit" label="Filter the audit trail">
      <div>
        <label htmlFor="action" className="block text-xs font-medium text-slate-700">
          Action
        </label>
        <select id="action" name="action" defaultValue={filters.action ?? ""} className={input}>
          <option value="">All</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="entityType" className="block text-xs font-medium text-slate-700">
          Entity
        </label>
        <select id="entityType" name="entityType" defaultValue={filters.entityType ?? ""} className={input}>
          <option value="">All</option>
          {["system", "component", "classification", "member", "api_token", "organization"].map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="actor" className="block text-xs font-medium text-slate-700">
          Actor
        </label>
        <input id="actor" name="actor" defaultValue={filters.actor ?? ""} className={input} placeholder="name, e-mail or token" />
      </div>
      <div>
        <label htmlFor="from" className="block text-xs font-medium text-slate-700">
          From
        </label>
        <input id="from" name="from" type="date" defaultValue={filters.from ?? ""} className={input} />
      </div>
      <div>
        <label htmlFor="to" className="block text-xs font-medium text-slate-700">
          To
        </label>
        <input id="to" name="to" type="date" defaultValue={filters.to ?? ""} className={input} />
      </div>
    </FilterBar>
  );
}
