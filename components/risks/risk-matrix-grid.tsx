import type { RiskMatrixResponse } from "@/lib/risks/schemas";
import { readableTextOn } from "@/lib/utils/contrast";
import { Card } from "@/components/ui/card";

/** The 25 cells of the matrix, each with its score and level as scoreRisk computes them. */
export function RiskMatrixGrid({ matrix }: { matrix: RiskMatrixResponse }) {
  const cell = (l: number, i: number) => matrix.cells.find((c) => c.likelihood === l && c.impact === i)!;
  return (
    <Card as="section" aria-labelledby="matrix-h" data-testid="risk-matrix-grid">
      <h2 id="matrix-h" className="text-base font-semibold">
        Matrix
      </h2>
      <p className="text-xs text-slate-500">Score = likelihood × impact; a level applies from its minimum score up to the next level&apos;s.</p>
      <table className="mt-3 border-separate border-spacing-1 text-xs">
        <thead>
          <tr>
            <th scope="col" className="px-1 text-left font-medium text-slate-500">
              Likelihood ↓ / Impact →
            </th>
            {matrix.impactLabels.map((label, i) => (
              <th key={i} scope="col" className="w-20 px-1 text-center font-medium text-slate-600">
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
                {l} <span className="font-normal">{matrix.likelihoodLabels[l - 1]}</span>
              </th>
              {[1, 2, 3, 4, 5].map((i) => {
                const c = cell(l, i);
                return (
                  <td
                    key={i}
                    className="h-12 w-20 rounded text-center"
                    style={{ backgroundColor: c.level.color, color: readableTextOn(c.level.color) }}
                    data-cell={`${l}/${i}`}
                    data-level={c.level.key}
                  >
                    <span className="block font-mono text-sm font-semibold">{c.score}</span>
                    <span className="block">{c.level.label}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="mt-3 flex flex-wrap gap-3 text-xs">
        {matrix.levels.map((level, i) => (
          <li key={level.key} className="flex items-center gap-1.5">
            <span className="inline-block h-3 w-3 rounded" style={{ backgroundColor: level.color }} aria-hidden />
            {level.label} ({level.minScore}–{(matrix.levels[i + 1]?.minScore ?? 26) - 1})
          </li>
        ))}
      </ul>
    </Card>
  );
}
