import Link from "next/link";
import type { SystemFilters } from "@/lib/systems/schemas";
import { filtersToQuery } from "@/lib/systems/filters-to-query";

export function Pagination({
  total,
  page,
  pageSize,
  filters,
  basePath,
}: {
  total: number;
  page: number;
  pageSize: number;
  filters: SystemFilters;
  basePath: string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50";
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm text-slate-600">
      <p data-testid="result-count">
        {from}–{to} of {total}
      </p>
      <div className="flex gap-2">
        {page > 1 && (
          <Link className={link} href={`${basePath}${filtersToQuery(filters, { page: page - 1 })}`}>
            Previous
          </Link>
        )}
        <span className="px-2 py-1.5">
          Page {page} of {pages}
        </span>
        {page < pages && (
          <Link className={link} href={`${basePath}${filtersToQuery(filters, { page: page + 1 })}`}>
            Next
          </Link>
        )}
      </div>
    </nav>
  );
}
