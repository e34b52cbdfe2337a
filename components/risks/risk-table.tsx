import Link from "next/link";
import type { RiskFilters, RiskList } from "@/lib/risks/schemas";
import { riskFiltersToQuery } from "@/lib/risks/risk-filters-to-query";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/lib/utils/format-date";
import { ScoreChip } from "./level-chip";
import { RISK_CATEGORY_LABELS, RISK_STATUS_LABELS, RISK_TREATMENT_LABELS } from "@/components/labels";

type Props = {
  list: RiskList;
  filters: RiskFilters;
  basePath: string;
  omit?: (keyof RiskFilters)[];
  /** Hide the AI-system column on a system's own register. */
  showSystem?: boolean;
};

const COLUMNS = [
  { key: "title", label: "Risk" },
  { key: null, label: "AI system" },
  { key: null, label: "Category" },
  { key: "score", label: "Inherent", basis: "inherent" },
  { key: "score", label: "Residual", basis: "residual" },
  { key: null, label: "Treatment" },
  { key: null, label: "Status" },
  { key: null, label: "Owner" },
  { key: "dueDate", label: "Due" },
] as const;

export function RiskTable({ list, filters, basePath, omit = [], showSystem = true }: Props) {
  if (list.total === 0) {
    const filtered = Boolean(riskFiltersToQuery(filters, {}, [...omit, "sort", "dir", "basis"]));
    if (filtered)
      return (
        <EmptyState title="No risks match">
          <Link className="underline" href={basePath}>
            Clear the filters
          </Link>
        </EmptyState>
      );
    return (
      <EmptyState title="No risks recorded yet">
        {showSystem
          ? "Risks are recorded on an AI system's Risks tab, or from a technique in its threat profile."
          : "This AI system has no risks in the register yet."}
      </EmptyState>
    );
  }
  const columns = COLUMNS.filter((c) => showSystem || c.label !== "AI system");
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="risk-table">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            {columns.map((c) => {
              if (!c.key)
                return (
                  <th key={c.label} scope="col" className="px-4 py-2">
                    {c.label}
                  </th>
                );
              const basis = "basis" in c ? c.basis : filters.basis;
              const active = filters.sort === c.key && (c.key !== "score" || filters.basis === basis);
              const dir = active ? (filters.dir === "asc" ? "desc" : "asc") : c.key === "title" ? "asc" : "desc";
              return (
                <th key={c.label} scope="col" className="px-4 py-2" aria-sort={active ? (filters.dir === "asc" ? "ascending" : "descending") : undefined}>
                  <Link href={`${basePath}${riskFiltersToQuery(filters, { sort: c.key, dir, basis, page: 1 }, omit)}`} className="hover:underline">
                    {c.label}
                    {active ? (filters.dir === "asc" ? " ▲" : " ▼") : ""}
                  </Link>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {list.items.map((r) => (
            <tr key={r.id} className="hover:bg-slate-50" data-risk-id={r.id}>
              <td className="px-4 py-2 font-medium">
                <Link href={`/risks/${r.id}`} className="text-brand-700 hover:underline">
                  {r.title}
                </Link>
                {r.techniqueIds.length > 0 && <p className="font-mono text-xs font-normal text-slate-500">{r.techniqueIds.join(" ")}</p>}
              </td>
              {showSystem && (
                <td className="px-4 py-2">
                  <Link href={`/systems/${r.system.id}/risks`} className="hover:underline">
                    {r.system.name}
                  </Link>
                </td>
              )}
              <td className="px-4 py-2">{RISK_CATEGORY_LABELS[r.category]}</td>
              <td className="px-4 py-2">
                <ScoreChip score={r.inherent} testId="inherent" />
              </td>
              <td className="px-4 py-2">
                <ScoreChip score={r.residual} testId="residual" />
              </td>
              <td className="px-4 py-2">{RISK_TREATMENT_LABELS[r.treatment]}</td>
              <td className="px-4 py-2">{RISK_STATUS_LABELS[r.status]}</td>
              <td className="px-4 py-2">{r.owner?.name ?? <span className="text-slate-500">Unassigned</span>}</td>
              <td className="whitespace-nowrap px-4 py-2 text-slate-600">{r.dueDate ? formatDate(r.dueDate) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RiskPagination({
  list,
  filters,
  basePath,
  omit = [],
}: {
  list: RiskList;
  filters: RiskFilters;
  basePath: string;
  omit?: (keyof RiskFilters)[];
}) {
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const from = list.total === 0 ? 0 : (list.page - 1) * list.pageSize + 1;
  const to = Math.min(list.total, list.page * list.pageSize);
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50";
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm text-slate-600">
      <p data-testid="result-count">
        {from}–{to} of {list.total}
      </p>
      <div className="flex gap-2">
        {list.page > 1 && (
          <Link className={link} href={`${basePath}${riskFiltersToQuery(filters, { page: list.page - 1 }, omit)}`}>
            Previous
          </Link>
        )}
        <span className="px-2 py-1.5">
          Page {list.page} of {pages}
        </span>
        {list.page < pages && (
          <Link className={link} href={`${basePath}${riskFiltersToQuery(filters, { page: list.page + 1 }, omit)}`}>
            Next
          </Link>
        )}
      </div>
    </nav>
  );
}

/** The active cell filter from a heatmap link, with a way back to the whole register. */
export function CellFilterNote({ filters, basePath, omit = [] }: { filters: RiskFilters; basePath: string; omit?: (keyof RiskFilters)[] }) {
  if (!filters.likelihood && !filters.impact) return null;
  return (
    <p className="mb-3 text-sm text-slate-600" data-testid="cell-filter">
      Showing {filters.basis} likelihood {filters.likelihood ?? "any"} × impact {filters.impact ?? "any"}.{" "}
      <Link className="underline" href={`${basePath}${riskFiltersToQuery(filters, { likelihood: undefined, impact: undefined, page: 1 }, omit)}`}>
        Show all cells
      </Link>
    </p>
  );
}
