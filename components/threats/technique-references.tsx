import Link from "next/link";
import type { TechniqueReferences } from "@/lib/threats/list-technique-references";

const SOURCE_LABELS = { suggested: "from a suggestion", manual: "added by hand", imported: "from a Navigator layer" } as const;

/** Which of the organisation's AI systems have the technique in their profile, and which risks name it. */
export function TechniqueReferencesPanel({
  techniqueId,
  references,
}: {
  techniqueId: string;
  /** Each profile entry says whether the viewer may add a risk to its system (`canAddRisk`, from the loader). */
  references: TechniqueReferences;
}) {
  const { profileEntries, risks } = references;
  return (
    <div className="space-y-4">
      <div>
        <h3 className="text-sm font-semibold">Threat profiles ({profileEntries.length})</h3>
        {profileEntries.length === 0 ? (
          <p className="mt-1 text-slate-500">No AI system of the organisation has this technique in its threat profile.</p>
        ) : (
          <ul className="mt-1 divide-y divide-slate-100" data-testid="technique-systems">
            {profileEntries.map((e) => (
              <li key={e.systemId} className="py-2">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <span>
                    <Link href={`/systems/${encodeURIComponent(e.systemId)}/threats`} className="font-medium text-brand-700 hover:underline">
                      {e.systemName}
                    </Link>
                    {e.archived && <span className="ml-2 rounded bg-slate-200 px-1.5 text-xs">Archived</span>}
                    <span className="ml-2 text-xs text-slate-500">{SOURCE_LABELS[e.source]}</span>
                  </span>
                  {e.canAddRisk && (
                    <Link
                      href={`/systems/${encodeURIComponent(e.systemId)}/risks?technique=${encodeURIComponent(techniqueId)}#new-risk`}
                      className="text-xs font-medium text-brand-700 underline"
                    >
                      Add a risk for this technique
                    </Link>
                  )}
                </div>
                <p className="text-slate-700">{e.rationale}</p>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <h3 className="text-sm font-semibold">Risks naming it ({risks.length})</h3>
        {risks.length === 0 ? (
          <p className="mt-1 text-slate-500">No risk in the register names this technique.</p>
        ) : (
          <table className="mt-1 min-w-full text-sm" data-testid="technique-risks">
            <thead className="text-left text-xs uppercase text-slate-500">
              <tr>
                <th className="py-1 pr-3">Risk</th>
                <th className="pr-3">AI system</th>
                <th className="pr-3">Status</th>
                <th>Score</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {risks.map((r) => (
                <tr key={r.id}>
                  <td className="py-1.5 pr-3">{r.title}</td>
                  <td className="pr-3">
                    <Link href={`/systems/${encodeURIComponent(r.systemId)}/risks`} className="text-brand-700 hover:underline">
                      {r.systemName}
                    </Link>
                  </td>
                  <td className="pr-3">{r.status.replace(/_/g, " ")}</td>
                  <td>
                    <span className="inline-flex items-center gap-1.5">
                      <span className="inline-block h-2.5 w-2.5 rounded-full" style={{ backgroundColor: r.score.level.color }} aria-hidden />
                      {r.score.level.label} {r.score.score} <span className="text-xs text-slate-500">({r.score.basis})</span>
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
