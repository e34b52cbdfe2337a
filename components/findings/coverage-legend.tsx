import { coverageLabel } from "@/components/threats/atlas-matrix";

const SAMPLES = [
  { inProfile: true, tested: true, failing: true, openFindings: 2 },
  { inProfile: true, tested: true, failing: false, openFindings: 0 },
  { inProfile: true, tested: false, failing: false, openFindings: 0 },
];

/** How the matrix marks a technique in "Findings coverage" mode: a symbol and words in each cell, the fill only repeats them. */
export function CoverageLegend() {
  return (
    <ul className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-700" aria-label="Legend" data-testid="coverage-legend">
      {SAMPLES.map((mark) => {
        const label = coverageLabel(mark);
        return (
          <li key={label.symbol} className="flex items-center gap-1.5">
            <span className={`inline-flex h-4 min-w-5 items-center justify-center rounded-sm px-1 font-semibold ${label.className}`} aria-hidden="true">
              {label.symbol}
              {mark.failing ? " n" : ""}
            </span>
            {mark.failing ? "Failing: n open findings (open or triaged)" : label.text}
          </li>
        );
      })}
      <li className="flex items-center gap-1.5">
        <span className="inline-block h-3 w-5 rounded-sm outline outline-2 outline-slate-900" aria-hidden /> In the threat profile
      </li>
      <li className="text-slate-500">Tested: an imported scanner test mapped to the technique (or a sub-technique) evaluated outputs.</li>
    </ul>
  );
}
