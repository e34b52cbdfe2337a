import Link from "next/link";
import type { RiskFilters, RiskHeatmap as Heatmap } from "@/lib/risks/schemas";
import { riskFiltersToQuery } from "@/lib/risks/risk-filters-to-query";
import { readableTextOn, tintOnWhite } from "@/lib/utils/contrast";
import { SCORE_BASIS_LABELS } from "@/components/labels";
import { Card } from "@/components/ui/card";

type Props = {
  heatmap: Heatmap;
  likelihoodLabels: readonly string[];
  impactLabels: readonly string[];
  /** Where a cell links to (the register page), and the filters kept in that link (scope, search …). */
  basePath: string;
  filters: Partial<RiskFilters>;
  omit?: (keyof RiskFilters)[];
};

/**
 * 5×5 heatmap: likelihood rows (highest at the top) × impact columns, each cell coloured with its level
 * (scored by scoreRisk in the domain) and linking to the register filtered to that cell.
 */
export function RiskHeatmap({ heatmap, likelihoodLabels, impactLabels, basePath, filters, omit = [] }: Props) {
  const cell = (l: number, i: number) => heatmap.cells.find((c) => c.likelihood === l && c.impact === i)!;
  const href = (l: number, i: number) =>
    `${basePath}${riskFiltersToQuery({ ...filters, level: undefined, page: 1 }, { basis: heatmap.basis, likelihood: l, impact: i }, omit)}`;
  return (
    <Card as="section" aria-labelledby="heatmap-h" data-testid="risk-heatmap">
      <h2 id="heatmap-h" className="text-base font-semibold">
        {SCORE_BASIS_LABELS[heatmap.basis]} risk heatmap
      </h2>
      <p className="text-xs text-slate-500">
        {heatmap.total} risk{heatmap.total === 1 ? "" : "s"} placed
        {heatmap.unassessed > 0 && <> · {heatmap.unassessed} without a residual rating</>}
      </p>
      <table className="mt-3 border-separate border-spacing-1 text-xs">
        <caption className="sr-only">Risks by likelihood (rows) and impact (columns)</caption>
        <thead>
          <tr>
            <th scope="col" className="px-1 text-left font-medium text-slate-500">
              Likelihood ↓ / Impact →
            </th>
            {impactLabels.map((label, i) => (
              <th key={label + i} scope="col" className="w-16 px-1 text-center font-medium text-slate-600">
                {i + 1}
                <br />
                <span className="font-normal">{label}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[5, 4, 3, 2, 1].map((l) => (
            <tr key={l}>
              <th scope="row" className="pr-2 text-right font-medium text-slate-600">
                {l} <span className="font-normal">{likelihoodLabels[l - 1]}</span>
              </th>
              {[1, 2, 3, 4, 5].map((i) => {
                const c = cell(l, i);
                const label = `Likelihood ${l} × impact ${i}: score ${c.score}, ${c.level.label}, ${c.count} risk${c.count === 1 ? "" : "s"}`;
                // an empty cell is the level colour faded (laid over white, not made transparent, so that its text keeps its contrast)
                const fill = c.count === 0 ? tintOnWhite(c.level.color, 0.45) : c.level.color;
                const style = { backgroundColor: fill, color: readableTextOn(fill) };
                return (
                  <td
                    key={i}
                    className="h-12 w-16 rounded text-center align-middle"
                    style={style}
                    data-cell={`${l}/${i}`}
                    data-level={c.level.key}
                    data-count={c.count}
                  >
                    {c.count > 0 ? (
                      <Link
                        href={href(l, i)}
                        aria-label={label}
                        title={label}
                        className="block h-full w-full py-3 text-sm font-semibold underline-offset-2 hover:underline"
                      >
                        {c.count}
                      </Link>
                    ) : (
                      <span aria-label={label} title={label} className="block py-3">
                        ·
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
