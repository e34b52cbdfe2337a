import Link from "next/link";
import { AutoSubmitSelect } from "@/components/ui/auto-submit-select";
import type { ThreatMatrixPage } from "@/lib/threats/get-threat-matrix";

/** Overlay choice as URL state (GET form and links): none, the whole organisation, or one system. */
export function OverlayPicker({
  systems,
  overlay,
  coverage = false,
}: {
  systems: ThreatMatrixPage["systems"];
  overlay: ThreatMatrixPage["overlay"];
  /** The "Findings coverage" mode is on: choosing another system keeps it. */
  coverage?: boolean;
}) {
  const pill = (active: boolean) =>
    `rounded-full px-3 py-1 text-sm ${active ? "bg-slate-800 text-white" : "border border-slate-300 bg-white hover:bg-slate-50"}`;
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="overlay-picker">
      <span className="text-sm font-medium text-slate-700">Overlay:</span>
      <Link href="/threats" className={pill(overlay.kind === "none")} aria-current={overlay.kind === "none" ? "page" : undefined}>
        None
      </Link>
      <Link href="/threats?overlay=org" className={pill(overlay.kind === "org")} aria-current={overlay.kind === "org" ? "page" : undefined}>
        Whole organisation
      </Link>
      <form method="get" action="/threats" className="flex min-w-0 max-w-full items-center gap-2">
        {coverage && <input type="hidden" name="coverage" value="findings" />}
        <label htmlFor="overlay-system" className="sr-only">
          AI system
        </label>
        <AutoSubmitSelect
          id="overlay-system"
          name="system"
          defaultValue={overlay.kind === "system" ? overlay.systemId : ""}
          className="min-w-0 max-w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm sm:max-w-md"
        >
          <option value="" disabled>
            One AI system…
          </option>
          {systems.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} ({s.entryCount} in profile)
            </option>
          ))}
        </AutoSubmitSelect>
        <noscript>
          <button type="submit" className="rounded-md border border-slate-300 px-2 py-1 text-sm">
            Show
          </button>
        </noscript>
      </form>
    </div>
  );
}
