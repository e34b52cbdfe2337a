import type { HistoryEntity, HistoryEntry } from "@/lib/audit/list-entity-history";
import { formatDateTime } from "@/lib/utils/format-date";
import { auditActionLabel } from "@/components/labels";
import { Card } from "@/components/ui/card";

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "∅";
  if (Array.isArray(value)) return value.length ? value.join(", ") : "∅";
  return String(value);
}

/**
 * An entity's change history from its audit events (lib/audit/list-entity-history.ts): who, when,
 * field before → after. The entity's own creation lists no changes (everything is new).
 */
export function HistoryList({
  entity,
  entries,
  testId = "history",
  headingId = "history-h",
}: {
  entity: HistoryEntity;
  entries: HistoryEntry[];
  testId?: string;
  headingId?: string;
}) {
  return (
    <Card as="section" aria-labelledby={headingId} className="self-start" data-testid={testId}>
      <h2 id={headingId} className="text-base font-semibold">
        History
      </h2>
      <ol className="mt-3 space-y-4">
        {entries.map((e) => (
          <li key={e.seq} className="border-l-2 border-slate-200 pl-3 text-sm">
            <p className="font-medium">{auditActionLabel(e.action)}</p>
            <p className="text-xs text-slate-600">
              {e.actorLabel} · {formatDateTime(e.createdAt)} · event #{e.seq}
            </p>
            {e.action !== `${entity}.create` && Object.keys(e.changes).length > 0 && (
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
    </Card>
  );
}
