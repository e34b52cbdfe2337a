import Link from "next/link";
import type { AuditEventRow } from "@/lib/audit/list-audit-events";
import { formatDateTime } from "@/lib/utils/format-date";
import { EmptyState } from "@/components/ui/empty-state";

type Props = { list: { items: AuditEventRow[]; total: number; page: number; pageSize: number }; params: Record<string, string | undefined> };

function pageHref(params: Props["params"], page: number) {
  const q = new URLSearchParams(Object.entries({ ...params, page: String(page) }).filter(([k, v]) => v && k !== "verify") as [string, string][]);
  return `/audit?${q}`;
}

export function AuditTable({ list, params }: Props) {
  if (list.total === 0) return <EmptyState title="No audit events match these filters" />;
  const pages = Math.ceil(list.total / list.pageSize);
  return (
    <>
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="audit-table">
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase text-slate-600">
            <tr>
              <th className="px-3 py-2">#</th>
              <th className="px-3 py-2">When</th>
              <th className="px-3 py-2">Actor</th>
              <th className="px-3 py-2">Action</th>
              <th className="px-3 py-2">Entity</th>
              <th className="px-3 py-2">Changes</th>
              <th className="px-3 py-2">Hash</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 align-top">
            {list.items.map((e) => (
              <tr key={e.id}>
                <td className="px-3 py-2 font-mono text-xs">{e.seq}</td>
                <td className="whitespace-nowrap px-3 py-2 text-xs">{formatDateTime(e.createdAt)}</td>
                <td className="px-3 py-2 text-xs">{e.actorLabel}</td>
                <td className="px-3 py-2 font-mono text-xs">{e.action}</td>
                <td className="px-3 py-2 text-xs">
                  {e.subjectId ? (
                    <Link className="text-brand-700 underline" href={`/systems/${e.subjectId}`}>
                      {e.entityType}
                    </Link>
                  ) : (
                    e.entityType
                  )}
                </td>
                <td className="px-3 py-2 text-xs">
                  {/* the width cap sits on the line, not the cell: a table cell ignores max-width, so
                      truncated (nowrap) lines used to widen the table and push the Hash column out of view */}
                  {Object.entries(e.changes)
                    .slice(0, 6)
                    .map(([f, c]) => (
                      <div key={f} className="max-w-xs truncate" title={`${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`}>
                        <span className="font-mono">{f}</span>: {JSON.stringify(c.before)} → {JSON.stringify(c.after)}
                      </div>
                    ))}
                  {Object.keys(e.changes).length > 6 && <div className="text-slate-500">+{Object.keys(e.changes).length - 6} more fields</div>}
                </td>
                <td className="px-3 py-2 font-mono text-[10px] text-slate-500" title={e.hash}>
                  {e.hash.slice(0, 10)}…
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm text-slate-600">
        <p>{list.total} events</p>
        <div className="flex gap-2">
          {list.page > 1 && (
            <Link className="rounded-md border border-slate-300 bg-white px-3 py-1.5" href={pageHref(params, list.page - 1)}>
              Previous
            </Link>
          )}
          <span className="px-2 py-1.5">
            Page {list.page} of {pages}
          </span>
          {list.page < pages && (
            <Link className="rounded-md border border-slate-300 bg-white px-3 py-1.5" href={pageHref(params, list.page + 1)}>
              Next
            </Link>
          )}
        </div>
      </nav>
    </>
  );
}
