import Link from "next/link";
import type { FindingList } from "@/lib/findings/schemas";
import { formatDate } from "@/lib/utils/format-date";
import { FindingStatusBadge, SeverityBadge } from "./finding-badges";
import { percent } from "./charts/chart-figure";

/** The findings list: one row per finding (system × tool × test × detector), newest activity first. */
export function FindingsTable({ list, showSystem }: { list: FindingList; showSystem: boolean }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="findings-table">
        <caption className="sr-only">Findings</caption>
        <thead className="bg-slate-50 text-xs text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Finding
            </th>
            {showSystem && (
              <th scope="col" className="px-3 py-2 font-medium">
                AI system
              </th>
            )}
            <th scope="col" className="px-3 py-2 font-medium">
              Severity
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Status
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              ATLAS / OWASP
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Attack success
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Last seen
            </th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((f) => (
            <tr key={f.id} className="border-t border-slate-100 align-top">
              <td className="px-3 py-2">
                <Link href={`/findings/${encodeURIComponent(f.id)}`} className="font-medium text-brand-700 hover:underline">
                  {f.title}
                </Link>
                <span className="block font-mono text-xs text-slate-600">
                  {f.tool} · {f.testId}
                  {f.detector ? ` · ${f.detector}` : ""}
                </span>
                {f.notReproducedImportId && <span className="mt-0.5 block text-xs text-sky-800">Not reproduced in a later run</span>}
                {f.riskId && <span className="mt-0.5 block text-xs text-slate-600">Linked to a risk</span>}
              </td>
              {showSystem && (
                <td className="px-3 py-2">
                  <Link href={`/systems/${encodeURIComponent(f.systemId)}/findings`} className="hover:underline">
                    {f.systemName}
                  </Link>
                </td>
              )}
              <td className="px-3 py-2">
                <SeverityBadge severity={f.severity} />
              </td>
              <td className="px-3 py-2">
                <FindingStatusBadge status={f.status} />
              </td>
              <td className="px-3 py-2 font-mono text-xs">
                {[...f.techniqueIds, ...f.owaspIds].join(", ") || <span className="font-sans text-slate-500">Not mapped</span>}
              </td>
              <td className="px-3 py-2 tabular-nums">
                {f.lastAttackSuccessRate === null ? "–" : `${percent(f.lastAttackSuccessRate)} (${f.lastFailed}/${f.lastEvaluated})`}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{formatDate(f.lastSeenAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Previous / next links that keep the filters in the URL. */
export function FindingsPagination({ list, basePath, query }: { list: FindingList; basePath: string; query: Record<string, string | number | undefined> }) {
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const from = list.total === 0 ? 0 : (list.page - 1) * list.pageSize + 1;
  const to = Math.min(list.total, list.page * list.pageSize);
  const href = (page: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...query, page }) as [string, string | number | undefined][])
      if (value !== undefined && value !== "" && !(key === "page" && Number(value) === 1)) params.set(key, String(value));
    const search = params.toString();
    return `${basePath}${search ? `?${search}` : ""}`;
  };
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50";
  return (
    <nav aria-label="Pagination" className="mt-3 flex items-center justify-between text-sm text-slate-600">
      <p data-testid="result-count">
        {from}–{to} of {list.total}
      </p>
      <div className="flex gap-2">
        {list.page > 1 && (
          <Link className={link} href={href(list.page - 1)}>
            Previous
          </Link>
        )}
        <span className="px-2 py-1.5">
          Page {list.page} of {pages}
        </span>
        {list.page < pages && (
          <Link className={link} href={href(list.page + 1)}>
            Next
          </Link>
        )}
      </div>
    </nav>
  );
}
