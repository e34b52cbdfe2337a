import Link from "next/link";
import type { SystemFilters, SystemList } from "@/lib/systems/schemas";
import { filtersToQuery } from "@/lib/systems/filters-to-query";
import { EU_ROLE_LABELS, LIFECYCLE_LABELS } from "@/components/labels";
import { TierBadge } from "@/components/ui/tier-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/lib/utils/format-date";

const COLUMNS = [
  { key: "name", label: "Name" },
  { key: "businessUnit", label: "Business unit" },
  { key: null, label: "Owner" },
  { key: "lifecycleStage", label: "Stage" },
  { key: "riskTier", label: "EU AI Act tier" },
  { key: null, label: "Role" },
  { key: "updatedAt", label: "Updated" },
] as const;

export function InventoryTable({ list, filters }: { list: SystemList; filters: SystemFilters }) {
  if (list.total === 0) {
    return (
      <EmptyState title="No AI systems match">
        {filters.q || filters.tier || filters.stage || filters.businessUnit || filters.ownerId || filters.status !== "active" ? (
          <Link className="underline" href="/systems">
            Clear the filters
          </Link>
        ) : (
          "Add the first AI system to start the inventory."
        )}
      </EmptyState>
    );
  }
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="inventory-table">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            {COLUMNS.map((c) => {
              if (!c.key)
                return (
                  <th key={c.label} scope="col" className="px-4 py-2">
                    {c.label}
                  </th>
                );
              const active = filters.sort === c.key;
              const dir = active && filters.dir === "asc" ? "desc" : "asc";
              return (
                <th key={c.label} scope="col" className="px-4 py-2" aria-sort={active ? (filters.dir === "asc" ? "ascending" : "descending") : undefined}>
                  <Link href={`/systems${filtersToQuery(filters, { sort: c.key, dir, page: 1 })}`} className="hover:underline">
                    {c.label}
                    {active ? (filters.dir === "asc" ? " ▲" : " ▼") : ""}
                  </Link>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {list.items.map((s) => (
            <tr key={s.id} className="hover:bg-slate-50">
              <td className="px-4 py-2 font-medium">
                <Link href={`/systems/${s.id}`} className="text-brand-700 hover:underline">
                  {s.name}
                </Link>
                {s.archivedAt && <span className="ml-2 rounded bg-slate-200 px-1.5 text-xs text-slate-700">archived</span>}
              </td>
              <td className="px-4 py-2">{s.businessUnit || "—"}</td>
              <td className="px-4 py-2">{s.owner?.name ?? <span className="text-slate-500">Unassigned</span>}</td>
              <td className="px-4 py-2">{LIFECYCLE_LABELS[s.lifecycleStage]}</td>
              <td className="px-4 py-2">
                <TierBadge tier={s.riskTier} />
              </td>
              <td className="px-4 py-2">{EU_ROLE_LABELS[s.euAiActRole]}</td>
              <td className="whitespace-nowrap px-4 py-2 text-slate-600">{formatDate(s.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
