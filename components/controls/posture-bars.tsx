import Link from "next/link";
import type { CompliancePosture, PostureCounts } from "@/lib/controls/schemas";

function Bar({ counts }: { counts: PostureCounts }) {
  const denominator = counts.applicable - counts.notApplicable;
  const pct = (n: number) => (denominator > 0 ? (n / denominator) * 100 : 0);
  return (
    <div className="mt-2 flex h-3 w-full overflow-hidden rounded bg-slate-100" aria-hidden>
      <span className="bg-emerald-600" style={{ width: `${pct(counts.implemented)}%` }} />
      <span className="bg-amber-400" style={{ width: `${pct(counts.inProgress)}%` }} />
    </div>
  );
}

function Figures({ counts }: { counts: PostureCounts }) {
  return (
    <p className="mt-2 text-xs text-slate-600">
      {counts.implemented} implemented · {counts.inProgress} in progress · {counts.notStarted} not started · {counts.notApplicable} not applicable
      {" · "}
      <span title="Controls with evidence attached directly or via a crosswalked control; evidence does not change a status">
        {counts.evidenced} with evidence
      </span>
    </p>
  );
}

/**
 * Posture per framework and overall: percent implemented of what is left after not-applicable controls
 * (green: implemented, amber: in progress). `hrefFor` links each framework (e.g. to its page or a filter).
 */
export function PostureBars({ posture, hrefFor }: { posture: CompliancePosture; hrefFor?: (framework: string) => string }) {
  const cards = [
    ...posture.frameworks.map((f) => ({ key: f.framework, name: f.name, counts: f as PostureCounts })),
    { key: "overall", name: "Overall", counts: posture.overall },
  ];
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4" data-testid="posture">
      {cards.map(({ key, name, counts }) => {
        const title =
          hrefFor && key !== "overall" ? (
            <Link href={hrefFor(key)} className="hover:underline">
              {name}
            </Link>
          ) : (
            name
          );
        return (
          <section key={key} className="rounded-xl border border-slate-200 bg-white p-4" aria-label={`${name} posture`} data-framework={key}>
            <h3 className="text-sm font-medium text-slate-800">{title}</h3>
            <p className="mt-1 text-3xl font-semibold text-slate-900" data-testid={`posture-percent-${key}`}>
              {counts.percent === null ? "—" : `${counts.percent}%`}
            </p>
            <p className="text-xs text-slate-500">
              {counts.applicable === 0
                ? "No applicable controls"
                : `${counts.implemented} of ${counts.applicable - counts.notApplicable} implemented (${counts.applicable} applicable)`}
            </p>
            <Bar counts={counts} />
            <Figures counts={counts} />
          </section>
        );
      })}
    </div>
  );
}
