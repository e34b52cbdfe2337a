import Link from "next/link";
import { catalogItemHref } from "@/lib/catalogs/catalog-item-href";
import { summarizeOverlayByTactic, type AtlasMatrix, type MatrixOverlay, type MatrixTechnique } from "@/lib/threats/build-atlas-matrix";

// The ATLAS matrix as ATLAS Navigator shows it: a column per tactic, a cell per technique, sub-techniques
// behind a <details> toggle (native, keyboard-accessible, no JavaScript). A server component: the whole
// matrix (about 110 cells and 70 sub-techniques) is plain HTML.

/** Fill tinted with the level colour (text stays dark for contrast), a solid bar in the full colour. */
function overlayStyle(overlay: MatrixOverlay): React.CSSProperties | undefined {
  if (!overlay.risk) return undefined;
  return { backgroundColor: `${overlay.risk.level.color}26`, borderLeftColor: overlay.risk.level.color };
}

function describeOverlay(overlay: MatrixOverlay): string {
  const parts: string[] = [];
  if (overlay.risk)
    parts.push(`risk ${overlay.risk.level.label}, score ${overlay.risk.maxScore}, ${overlay.risk.riskCount} risk${overlay.risk.riskCount === 1 ? "" : "s"}`);
  if (overlay.inProfile) parts.push("in the threat profile");
  return parts.join("; ");
}

/** A technique's findings coverage for one system (the matrix's "Findings coverage" mode, lib/findings getAtlasCoverage). */
export type CoverageMark = { inProfile: boolean; tested: boolean; failing: boolean; openFindings: number };
export type CoverageMarks = Readonly<Record<string, CoverageMark>>;

/** Coverage in words, shown in the cell (text and a symbol, not colour alone). */
export function coverageLabel(mark: CoverageMark): { symbol: string; text: string; className: string } {
  if (mark.failing)
    return { symbol: "✕", text: `Failing, ${mark.openFindings} open finding${mark.openFindings === 1 ? "" : "s"}`, className: "bg-red-100 text-red-900" };
  if (mark.tested) return { symbol: "✓", text: "Tested, no open findings", className: "bg-emerald-100 text-emerald-900" };
  return { symbol: "?", text: "Profiled, never tested", className: "bg-amber-100 text-amber-900" };
}

function TechniqueLink({ technique, small, coverage }: { technique: MatrixTechnique; small?: boolean; coverage?: CoverageMarks }) {
  const mark = coverage?.[technique.id];
  const covered = mark ? coverageLabel(mark) : null;
  const note = coverage
    ? [covered?.text, technique.overlay.inProfile ? "in the threat profile" : ""].filter(Boolean).join("; ")
    : describeOverlay(technique.overlay);
  return (
    <Link
      href={catalogItemHref({ framework: "atlas_technique", id: technique.id })}
      title={`${technique.id} ${technique.name}${note ? ` (${note})` : ""}`}
      data-technique={technique.id}
      data-in-profile={technique.overlay.inProfile || undefined}
      data-level={coverage ? undefined : technique.overlay.risk?.level.key}
      data-coverage={mark ? (mark.failing ? "failing" : mark.tested ? "tested" : "untested") : undefined}
      style={coverage ? undefined : overlayStyle(technique.overlay)}
      className={`block rounded border-l-4 px-1.5 py-1 hover:underline ${technique.overlay.risk && !coverage ? "" : "border-l-transparent"} ${technique.overlay.inProfile ? "outline outline-2 outline-slate-900" : ""} ${covered ? covered.className : ""} ${small ? "text-[11px]" : "text-xs font-medium"}`}
    >
      <span className="block leading-snug text-slate-900">{technique.name}</span>
      <span className="flex items-center justify-between gap-1 font-mono text-[10px] text-slate-700">
        {technique.id}
        {!coverage && technique.overlay.risk && (
          <span className="rounded bg-white/80 px-1 font-sans font-semibold text-slate-800">{technique.overlay.risk.maxScore}</span>
        )}
        {covered && (
          <span className="rounded bg-white/80 px-1 font-sans font-semibold text-slate-900" aria-hidden="true">
            {covered.symbol}
            {mark!.failing ? ` ${mark!.openFindings}` : ""}
          </span>
        )}
      </span>
      {note && <span className="sr-only">: {note}</span>}
    </Link>
  );
}

export function AtlasMatrixGrid({ matrix, coverage }: { matrix: AtlasMatrix; coverage?: CoverageMarks }) {
  return (
    // only this box scrolls sideways (the grid is min-w-max); max-w-full and the shell's min-w-0 keep the page from widening
    <div className="relative max-w-full overflow-x-auto rounded-xl border border-slate-200 bg-white p-3" data-testid="atlas-matrix">
      <div className="grid min-w-max grid-flow-col auto-cols-[10rem] gap-2">
        {matrix.columns.map(({ tactic, cells }) => (
          <section key={tactic.id} aria-labelledby={`tactic-${tactic.id}`} className="flex flex-col gap-1">
            <h2 id={`tactic-${tactic.id}`} className="rounded bg-slate-800 px-2 py-1.5 text-xs font-semibold text-white">
              {tactic.name}
              <span className="block text-[10px] font-normal text-slate-300">
                {tactic.id} · {cells.length} techniques
              </span>
            </h2>
            <ul className="flex flex-col gap-1">
              {cells.map((cell) => (
                <li key={cell.id} className="rounded border border-slate-200 bg-white">
                  <TechniqueLink technique={cell} coverage={coverage} />
                  {cell.subtechniques.length > 0 && (
                    <details
                      open={cell.hasMarkedSubtechnique || cell.subtechniques.some((sub) => coverage?.[sub.id])}
                      className="border-t border-slate-100 px-1.5 pb-1 text-[11px]"
                    >
                      <summary className="cursor-pointer py-0.5 text-slate-600">
                        {cell.subtechniques.length} sub-technique{cell.subtechniques.length === 1 ? "" : "s"}
                        {cell.hasMarkedSubtechnique && (
                          <span className="ml-1 inline-block h-1.5 w-1.5 rounded-full bg-slate-800 align-middle" aria-label="(some marked)" />
                        )}
                      </summary>
                      <ul className="mt-0.5 flex flex-col gap-0.5">
                        {cell.subtechniques.map((sub) => (
                          <li key={sub.id}>
                            <TechniqueLink technique={sub} small coverage={coverage} />
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}

/** Jump links to the tactic columns the overlay marks: the matrix is wider than the screen. */
export function OverlayTacticLinks({ matrix, coverage }: { matrix: AtlasMatrix; coverage?: CoverageMarks }) {
  // in "Findings coverage" mode the links count the techniques the coverage marks, not the profile and risks
  const summary = coverage
    ? matrix.columns
        .map((column) => ({
          tactic: column.tactic,
          marked: column.cells.reduce((n, cell) => n + (coverage[cell.id] ? 1 : 0) + cell.subtechniques.filter((sub) => coverage[sub.id]).length, 0),
        }))
        .filter((s) => s.marked > 0)
    : summarizeOverlayByTactic(matrix);
  if (summary.length === 0) return null;
  return (
    <nav aria-label="Marked techniques by tactic" className="flex flex-wrap items-center gap-1.5 text-xs" data-testid="overlay-tactics">
      <span className="text-slate-600">Marked in:</span>
      {summary.map(({ tactic, marked }) => (
        <a key={tactic.id} href={`#tactic-${tactic.id}`} className="rounded-full border border-slate-300 bg-white px-2 py-0.5 hover:bg-slate-50">
          {tactic.name} <span className="font-semibold">{marked}</span>
        </a>
      ))}
    </nav>
  );
}
