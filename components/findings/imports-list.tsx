import Link from "next/link";
import type { ImportSummary } from "@/lib/findings/schemas";
import { formatDateTime } from "@/lib/utils/format-date";
import { IMPORT_STATUS_LABELS } from "@/components/labels";
import { ImportSummaryView } from "./import-summary";

export type ImportRow = ImportSummary & { id: string; fileName: string; uploadedByLabel: string; createdAt: string };

/** A system's (or the organisation's) imports, newest first, each with its summary behind a disclosure. */
export function ImportsList({ imports, findingsHref }: { imports: readonly ImportRow[]; findingsHref: (importId: string) => string }) {
  return (
    <ul className="divide-y divide-slate-100" data-testid="imports-list">
      {imports.map((row) => (
        <li key={row.id} className="py-2 text-sm">
          <details>
            <summary className="cursor-pointer">
              <span className="font-medium">{row.fileName || "Unnamed file"}</span>{" "}
              <span className="text-slate-600">
                · {formatDateTime(row.createdAt)} · {row.uploadedByLabel} · {row.duplicate ? "Duplicate" : IMPORT_STATUS_LABELS[row.status]}
                {row.status === "completed" &&
                  ` · ${row.results} results, ${row.findings.opened} opened, ${row.findings.updated} updated, ${row.findings.reopened} reopened, ${row.findings.notReproduced} not reproduced`}
              </span>
            </summary>
            <div className="mt-2 rounded-md bg-slate-50 p-3">
              <ImportSummaryView summary={row} />
              {row.status === "completed" && (
                <Link href={findingsHref(row.id)} className="mt-2 inline-block text-brand-700 underline">
                  Findings touched by this import
                </Link>
              )}
            </div>
          </details>
        </li>
      ))}
    </ul>
  );
}
