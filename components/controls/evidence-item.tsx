import type { ControlEvidence, EvidenceSummary } from "@/lib/controls/schemas";
import { evidenceDownloadHref, formatBytes } from "@/components/labels";

/** One piece of evidence: a file (download, size, SHA-256) or a link; `via` when it counts through the crosswalk. */
export function EvidenceItem({ systemId, evidence }: { systemId: string; evidence: EvidenceSummary | ControlEvidence }) {
  const via = "via" in evidence ? evidence.via : null;
  return (
    <div className="min-w-0 text-sm" data-testid="evidence-item">
      {evidence.kind === "file" ? (
        <>
          <a href={evidenceDownloadHref(systemId, evidence.id)} className="font-medium text-brand-700 underline" download>
            {evidence.title}
          </a>
          <span className="ml-2 text-xs text-slate-500">
            {evidence.fileName} · {formatBytes(evidence.size)}
          </span>
          <span className="block break-all font-mono text-[11px] text-slate-500" title="SHA-256 of the stored bytes">
            SHA-256 {evidence.sha256}
          </span>
        </>
      ) : (
        <>
          <a href={evidence.url} className="font-medium text-brand-700 underline" rel="noreferrer noopener" target="_blank">
            {evidence.title}
          </a>
          <span className="ml-2 break-all text-xs text-slate-500">{evidence.url}</span>
        </>
      )}
      {via && (
        <span
          className="ml-2 rounded bg-sky-50 px-1.5 py-0.5 text-xs text-sky-800"
          title="Attached to a crosswalked control; it counts here as available evidence"
        >
          {via.label}
        </span>
      )}
    </div>
  );
}
