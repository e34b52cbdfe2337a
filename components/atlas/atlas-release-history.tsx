import type { AtlasReleaseSummary } from "@/lib/atlas/schemas";
import { formatDateTime } from "@/lib/utils/format-date";
import { AtlasChanges, countsLine } from "./atlas-changes";
import { Card } from "@/components/ui/card";

/** The organisation's imported releases, newest first, each with its counts and what it changed. */
export function AtlasReleaseHistory({ releases, tacticNames }: { releases: AtlasReleaseSummary[]; tacticNames: Record<string, string> }) {
  return (
    <Card as="section" aria-labelledby="atlas-history-h" data-testid="atlas-release-history">
      <h2 id="atlas-history-h" className="text-base font-semibold">
        Release history
      </h2>
      {releases.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">No release imported yet: the organisation uses the built-in catalog (identifiers and names only).</p>
      ) : (
        <ol className="mt-3 space-y-4">
          {releases.map((r) => {
            const { added, removed, renamed, moved } = r.changes;
            const changed = added.length + removed.length + renamed.length + moved.length;
            return (
              <li key={r.id} className="border-l-2 border-slate-200 pl-3" data-testid="atlas-release">
                <p className="text-sm font-medium">
                  MITRE ATLAS {r.version}
                  {r.isCurrent && <span className="ml-2 rounded bg-emerald-50 px-1.5 py-0.5 text-xs font-medium text-emerald-800">current</span>}
                </p>
                <p className="text-xs text-slate-500">
                  Imported by {r.importedBy.name} · {formatDateTime(r.importedAt)} · sha256{" "}
                  <span className="font-mono" title={r.sha256}>
                    {r.sha256.slice(0, 12)}…
                  </span>
                </p>
                <p className="mt-1 text-sm text-slate-700">{countsLine(r.counts)}</p>
                <details className="mt-1">
                  <summary className="cursor-pointer text-sm text-slate-700">
                    What changed:{" "}
                    {changed === 0 ? "nothing" : `${added.length} added, ${removed.length} removed, ${renamed.length} renamed, ${moved.length} moved`}
                  </summary>
                  <div className="mt-2">
                    <AtlasChanges changes={r.changes} tacticNames={tacticNames} />
                  </div>
                </details>
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
