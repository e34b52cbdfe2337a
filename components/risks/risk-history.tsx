import type { RiskHistoryEntry } from "@/lib/risks/list-risk-history";
import { formatDateTime } from "@/lib/utils/format-date";

const ACTION_LABELS: Record<string, string> = { "risk.create": "Recorded", "risk.update": "Edited", "risk.accept": "Accepted", "risk.delete": "Deleted" };

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "∅";
  if (Array.isArray(value)) return value.length ? value.join(", ") : "∅";
  return String(value);
}

/** The risk's history from its audit events: who, when, field before → after. */
export function RiskHistory({ entries }: { entries: RiskHistoryEntry[] }) {
  return (
    <section aria-labelledby="risk-history-h" className="self-start rounded-xl border border-slate-200 bg-white p-5" data-testid="risk-history">
      <h2 id="risk-history-h" className="text-base font-semibold">
        History
      </h2>
      <ol className="mt-3 space-y-4">
        {entries.map((e) => (
          <li key={e.seq} className="border-l-2 border-slate-200 pl-3 text-sm">
            <p className="font-medium">{ACTION_LABELS[e.action] ?? e.action}</p>
            <p className="text-xs text-slate-500">
              {e.actorLabel} · {formatDateTime(e.createdAt)} · event #{e.seq}
            </p>
            {e.action !== "risk.create" && Object.keys(e.changes).length > 0 && (
              <ul className="mt-1 space-y-0.5 text-xs">
                {Object.entries(e.changes).map(([field, c]) => (
                  <li key={field} className="break-words">
                    <span className="font-mono text-slate-600">{field}</span>: <del className="text-red-700">{show(c.before)}</del> →{" "}
                    <ins className="text-emerald-700 no-underline">{show(c.after)}</ins>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
