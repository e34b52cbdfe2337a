import Link from "next/link";
import { AUDIT_ACTIONS } from "@/lib/audit/audit-actions";
import type { AuditFilters } from "@/lib/audit/schemas";

const input = "mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

export function AuditFiltersForm({ filters }: { filters: AuditFilters }) {
  return (
    // keyed on the filters so "Reset" (a client-side navigation) also resets the selects
    <form
      key={JSON.stringify(filters)}
      method="get"
      action="/audit"
      className="mb-4 flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-3"
    >
      <div>
        <label htmlFor="action" className="block text-xs font-medium text-slate-600">
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
        <label htmlFor="entityType" className="block text-xs font-medium text-slate-600">
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
        <label htmlFor="actor" className="block text-xs font-medium text-slate-600">
          Actor
        </label>
        <input id="actor" name="actor" defaultValue={filters.actor ?? ""} className={input} placeholder="name, e-mail or token" />
      </div>
      <div>
        <label htmlFor="from" className="block text-xs font-medium text-slate-600">
          From
        </label>
        <input id="from" name="from" type="date" defaultValue={filters.from ?? ""} className={input} />
      </div>
      <div>
        <label htmlFor="to" className="block text-xs font-medium text-slate-600">
          To
        </label>
        <input id="to" name="to" type="date" defaultValue={filters.to ?? ""} className={input} />
      </div>
      <button type="submit" className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white">
        Apply
      </button>
      <Link href="/audit" className="px-1 py-1.5 text-sm text-slate-600 underline">
        Reset
      </Link>
    </form>
  );
}
