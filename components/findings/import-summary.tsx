import type { ImportSummary } from "@/lib/findings/schemas";
import { formatBytes } from "@/lib/findings/schemas";
import { IMPORT_STATUS_LABELS } from "@/components/labels";

/** What one import did, in words: used right after an upload and in the system's imports list. */
export function ImportSummaryView({ summary, fileName }: { summary: ImportSummary; fileName?: string }) {
  const { findings } = summary;
  const what = [summary.tool, summary.toolVersion].filter(Boolean).join(" ");
  return (
    <div className="space-y-2 text-sm" data-testid="import-summary">
      <p className="font-medium text-slate-900">
        {fileName ? `${fileName}: ` : ""}
        {summary.duplicate
          ? "Already imported: a byte-identical file was imported on this system before. Nothing new was stored."
          : summary.status === "rejected"
            ? "Rejected: nothing was stored."
            : `${IMPORT_STATUS_LABELS[summary.status]}.`}
      </p>
      <p className="text-slate-600">
        {what || "Unknown tool"}
        {summary.target ? ` against ${summary.target}` : ""} · {formatBytes(summary.bytes)} · {summary.records.toLocaleString("en")} records read
      </p>
      {summary.status !== "rejected" && (
        <dl className="grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-3 lg:grid-cols-6">
          <Figure label="Results recorded" value={summary.results} />
          <Figure label="Findings opened" value={findings.opened} />
          <Figure label="Findings updated" value={findings.updated} />
          <Figure label="Findings reopened" value={findings.reopened} />
          <Figure label="Not reproduced" value={findings.notReproduced} />
          <Figure label="Duplicate file" value={summary.duplicate ? "Yes" : "No"} />
        </dl>
      )}
      {summary.rejected.length > 0 && (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-red-800">
          <p className="font-medium">Why the file was rejected</p>
          <ul className="mt-1 list-disc pl-5">
            {summary.rejected.map((r, i) => (
              <li key={i}>
                <span className="font-mono">{r.location}</span>: {r.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function Figure({ label, value }: { label: string; value: number | string }) {
  return (
    <div>
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="text-lg font-semibold text-slate-900">{typeof value === "number" ? value.toLocaleString("en") : value}</dd>
    </div>
  );
}
