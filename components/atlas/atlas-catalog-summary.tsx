import type { AtlasView } from "@/lib/atlas/schemas";
import { formatDateTime } from "@/lib/utils/format-date";
import { Card } from "@/components/ui/card";

/** Which catalog the organisation sees (built-in or an imported release), what it holds, per tactic. */
export function AtlasCatalogSummary({ view }: { view: AtlasView }) {
  const techniques = view.techniques.filter((t) => t.parentId === null);
  const subtechniques = view.techniques.length - techniques.length;
  const perTactic = new Map<string, number>();
  for (const t of techniques) for (const id of t.tacticIds) perTactic.set(id, (perTactic.get(id) ?? 0) + 1);
  return (
    <Card as="section" aria-labelledby="atlas-source-h" data-testid="atlas-catalog-source">
      <h2 id="atlas-source-h" className="text-base font-semibold">
        Current catalog: MITRE ATLAS {view.source.version}
      </h2>
      <p className="text-sm text-slate-600">
        {view.source.kind === "imported" ? (
          <>Imported release, {formatDateTime(view.source.importedAt)}, with descriptions, mitigations&apos; uses and case-study procedures.</>
        ) : (
          <>
            Built-in catalog shipped with the product: identifiers and names only. An admin can import the official release for descriptions and case studies.
          </>
        )}
      </p>
      <p className="mt-2 text-sm text-slate-800" data-testid="atlas-counts">
        {view.tactics.length} tactics · {techniques.length} techniques · {subtechniques} sub-techniques · {view.mitigations.length} mitigations ·{" "}
        {view.caseStudies.length} case studies
      </p>
      <ol className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-4">
        {view.tactics.map((t) => (
          <li key={t.id} className="flex justify-between gap-2 border-b border-slate-100 py-1">
            <span>
              <span className="font-mono text-xs text-slate-500">{t.id}</span> {t.name}
            </span>
            <span className="text-slate-500" title="techniques">
              {perTactic.get(t.id) ?? 0}
            </span>
          </li>
        ))}
      </ol>
    </Card>
  );
}
