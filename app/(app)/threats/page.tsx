import type { Metadata } from "next";
import Link from "next/link";
import { requirePageSession } from "@/lib/web/page-session";
import { getThreatMatrix } from "@/lib/threats/get-threat-matrix";
import { PageHeader } from "@/components/ui/page-header";
import { AtlasMatrixGrid, OverlayTacticLinks } from "@/components/threats/atlas-matrix";
import { AtlasSourceLine } from "@/components/threats/atlas-source-line";
import { OverlayPicker } from "@/components/threats/overlay-picker";
import { RiskLegend } from "@/components/threats/risk-legend";
import { CoverageLegend } from "@/components/findings/coverage-legend";

export const metadata: Metadata = { title: "Threats" };

export default async function ThreatsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requirePageSession();
  const page = await getThreatMatrix({ ctx: session.ctx, input: await searchParams });
  const { overlay, matrix, coverage } = page;
  const coverageMarks = coverage ? Object.fromEntries(coverage.techniques.map((t) => [t.id, t])) : undefined;
  const exportHref = overlay.kind === "system" ? `/systems/${encodeURIComponent(overlay.systemId)}/threats/layer` : "/threats/layer";
  return (
    <>
      <PageHeader
        title="MITRE ATLAS threat matrix"
        description={`${matrix.techniqueCount} techniques and ${matrix.subtechniqueCount} sub-techniques in ${matrix.columns.length} tactics. Overlay a system or the whole organisation to see where its threat profile and risks sit.`}
        actions={
          <a
            href={exportHref}
            download
            className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50"
            data-testid="export-layer"
          >
            {overlay.kind === "system" ? "Export this system's Navigator layer" : "Export organisation Navigator layer"}
          </a>
        }
      />
      <div className="mb-3 space-y-2">
        <OverlayPicker systems={page.systems} overlay={overlay} coverage={coverage !== null} />
        {page.unknownSystem && (
          <p role="status" className="text-sm text-amber-800">
            That AI system was not found among the active systems; no overlay is shown.
          </p>
        )}
        {overlay.kind !== "none" && (
          <nav aria-label="Overlay mode" className="flex flex-wrap items-center gap-2 text-sm" data-testid="overlay-mode">
            <span className="font-medium text-slate-700">Show:</span>
            <Link
              href={overlay.kind === "system" ? `/threats?system=${encodeURIComponent(overlay.systemId)}` : "/threats?overlay=org"}
              aria-current={coverage ? undefined : "page"}
              className={`rounded-full px-3 py-1 ${coverage ? "border border-slate-300 bg-white hover:bg-slate-50" : "bg-slate-800 text-white"}`}
            >
              Risks
            </Link>
            <Link
              href={
                overlay.kind === "system"
                  ? `/threats?system=${encodeURIComponent(overlay.systemId)}&coverage=findings`
                  : "/threats?overlay=org&coverage=findings"
              }
              aria-current={coverage ? "page" : undefined}
              className={`rounded-full px-3 py-1 ${coverage ? "bg-slate-800 text-white" : "border border-slate-300 bg-white hover:bg-slate-50"}`}
            >
              Findings coverage
            </Link>
          </nav>
        )}
        {overlay.kind === "system" && !coverage && (
          <p className="text-sm text-slate-700">
            Showing{" "}
            <Link href={`/systems/${encodeURIComponent(overlay.systemId)}/threats`} className="font-medium text-brand-700 underline">
              {overlay.name}
            </Link>
            : {overlay.entryCount} technique{overlay.entryCount === 1 ? "" : "s"} in its threat profile (outlined), coloured by its risks.
          </p>
        )}
        {overlay.kind === "system" && coverage && (
          <p className="text-sm text-slate-700" data-testid="coverage-sentence">
            Findings coverage of{" "}
            <Link href={`/systems/${encodeURIComponent(overlay.systemId)}/findings`} className="font-medium text-brand-700 underline">
              {overlay.name}
            </Link>
            : {coverage.sentence}
            {coverage.figures.testedOutsideProfile > 0 &&
              ` Imported tests also exercise ${coverage.figures.testedOutsideProfile} technique${coverage.figures.testedOutsideProfile === 1 ? "" : "s"} outside the profile.`}
          </p>
        )}
        {overlay.kind === "org" && coverage && (
          <p className="text-sm text-slate-700" data-testid="coverage-sentence">
            Findings coverage of every active system (open findings counted per technique;{" "}
            <Link href="/findings" className="font-medium text-brand-700 underline">
              see the findings
            </Link>
            ): {coverage.sentence}
          </p>
        )}
        {overlay.kind === "org" && !coverage && (
          <p className="text-sm text-slate-700">
            Showing every active system: techniques in any threat profile are outlined ({overlay.profiledSystems} systems have a profile), coloured by the
            organisation&apos;s highest risk naming them.
          </p>
        )}
        {overlay.kind !== "none" && (coverage ? <CoverageLegend /> : <RiskLegend levels={page.levels} showProfile />)}
        {overlay.kind !== "none" && <OverlayTacticLinks matrix={matrix} coverage={coverageMarks} />}
      </div>
      <AtlasMatrixGrid matrix={matrix} coverage={coverageMarks} />
      <div className="mt-3">
        <AtlasSourceLine source={page.source} />
      </div>
    </>
  );
}
