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

function TechniqueLink({ technique, small }: { technique: MatrixTechnique; small?: boolean }) {
  const note = describeOverlay(technique.overlay);
  return (
    <Link
      href={catalogItemHref({ framework: "atlas_technique", id: technique.id })}
      title={`${technique.id} ${technique.name}${note ? ` (${note})` : ""}`}
      data-technique={technique.id}
      data-in-profile={technique.overlay.inProfile || undefined}
      data-level={technique.overlay.risk?.level.key}
      style={overlayStyle(technique.overlay)}
      className={`block rounded border-l-4 px-1.5 py-1 hover:underline ${technique.overlay.risk ? "" : "border-l-transparent"} ${technique.overlay.inProfile ? "outline outline-2 outline-slate-900" : ""} ${small ? "text-[11px]" : "text-xs font-medium"}`}
    >
      <span className="block leading-snug text-slate-900">{technique.name}</span>
      <span className="flex items-center justify-between gap-1 font-mono text-[10px] text-slate-700">
        {technique.id}
        {technique.overlay.risk && <span className="rounded bg-white/80 px-1 font-sans font-semibold text-slate-800">{technique.overlay.risk.maxScore}</span>}
      </span>
      {note && <span className="sr-only">: {note}</span>}
    </Link>
  );
}

export function AtlasMatrixGrid({ matrix }: { matrix: AtlasMatrix }) {
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
                  <TechniqueLink technique={cell} />
                  {cell.subtechniques.length > 0 && (
                    <details open={cell.hasMarkedSubtechnique} className="border-t border-slate-100 px-1.5 pb-1 text-[11px]">
                      <summary className="cursor-pointer py-0.5 text-slate-600">
                        {cell.subtechniques.length} sub-technique{cell.subtechniques.length === 1 ? "" : "s"}
                        {cell.hasMarkedSubtechnique && (
                          <span className="ml-1 inline-block h-1.5 w-1.5 rounded-full bg-slate-800 align-middle" aria-label="(some marked)" />
                        )}
                      </summary>
                      <ul className="mt-0.5 flex flex-col gap-0.5">
                        {cell.subtechniques.map((sub) => (
                          <li key={sub.id}>
                            <TechniqueLink technique={sub} small />
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
export function OverlayTacticLinks({ matrix }: { matrix: AtlasMatrix }) {
  const summary = summarizeOverlayByTactic(matrix);
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
