import type { ControlStatus } from "@/lib/controls/schemas";

export { CONTROL_STATUS_LABELS } from "@/lib/controls/schemas";

export const CONTROL_STATUS_STYLES: Record<ControlStatus, string> = {
  not_started: "bg-slate-100 text-slate-700",
  in_progress: "bg-amber-100 text-amber-800",
  implemented: "bg-emerald-100 text-emerald-800",
  not_applicable: "bg-slate-200 text-slate-600 line-through decoration-slate-400",
};

/** "1.2 MB", "830 B". */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}

/** Where a system's evidence file is downloaded with the signed-in session. */
export function evidenceDownloadHref(systemId: string, evidenceId: string): string {
  return `/systems/${encodeURIComponent(systemId)}/controls/evidence/${encodeURIComponent(evidenceId)}`;
}
