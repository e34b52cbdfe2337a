import type { HistoryEntry } from "@/lib/systems/list-system-history";
import { formatDateTime } from "@/lib/utils/format-date";

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "∅";
  if (Array.isArray(value)) return value.length ? value.join(", ") : "∅";
  return String(value);
}

const ACTION_LABELS: Record<string, string> = {
  "system.create": "Created",
  "system.update": "Edited",
  "system.archive": "Archived",
  "system.restore": "Restored",
  "component.create": "Component added",
  "component.update": "Component edited",
  "component.delete": "Component removed",
  "classification.propose": "Classification proposed",
  "classification.decide": "Classification decided",
  "threat.add": "Threats added to the profile",
  "threat.remove": "Threat removed from the profile",
  "threat.import_layer": "Navigator layer imported",
  "risk.create": "Risk added",
  "risk.update": "Risk edited",
  "risk.accept": "Risk accepted",
  "risk.delete": "Risk deleted",
  "control.update": "Control status changed",
  "evidence.create": "Evidence attached",
  "evidence.link": "Evidence linked to a control",
  "evidence.delete": "Evidence removed",
};

/** The system's change history, from its audit events: who, when, field before → after. */
export function HistoryList({ entries }: { entries: HistoryEntry[] }) {
  return (
    <section aria-labelledby="history-h" className="self-start rounded-xl border border-slate-200 bg-white p-5" data-testid="history">
      <h2 id="history-h" className="text-base font-semibold">
        History
      </h2>
      <ol className="mt-3 space-y-4">
        {entries.map((e) => (
          <li key={e.seq} className="border-l-2 border-slate-200 pl-3 text-sm">
            <p className="font-medium">{ACTION_LABELS[e.action] ?? e.action}</p>
            <p className="text-xs text-slate-500">
              {e.actorLabel} · {formatDateTime(e.createdAt)} · event #{e.seq}
            </p>
            {e.action !== "system.create" && Object.keys(e.changes).length > 0 && (
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
