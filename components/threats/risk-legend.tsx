import type { RiskLevel } from "@/lib/risks/risk-matrix";

/** The organisation's risk-matrix levels as score bands, plus how the profile outline looks. */
export function RiskLegend({ levels, showProfile }: { levels: RiskLevel[]; showProfile: boolean }) {
  return (
    <ul className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-700" aria-label="Legend" data-testid="risk-legend">
      {levels.map((level, i) => (
        <li key={level.key} className="flex items-center gap-1.5">
          <span
            className="inline-block h-3 w-5 rounded-sm border-l-4"
            style={{ backgroundColor: `${level.color}26`, borderLeftColor: level.color }}
            aria-hidden
          />
          {level.label} ({level.minScore}–{(levels[i + 1]?.minScore ?? 26) - 1})
        </li>
      ))}
      {showProfile && (
        <li className="flex items-center gap-1.5">
          <span className="inline-block h-3 w-5 rounded-sm outline outline-2 outline-slate-900" aria-hidden /> In the threat profile
        </li>
      )}
      <li className="text-slate-500">Score = highest likelihood × impact of the risks naming the technique (residual when assessed).</li>
    </ul>
  );
}
