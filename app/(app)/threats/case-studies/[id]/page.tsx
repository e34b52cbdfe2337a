import type { Metadata } from "next";
import Link from "next/link";
import { requirePageSession } from "@/lib/web/page-session";
import { catalogItemHref } from "@/lib/catalogs/catalog-item-href";
import { loadOrNotFound } from "@/lib/web/load-or-not-found";
import { getAtlasCaseStudy } from "@/lib/atlas/get-atlas-case-study";
import { PageHeader } from "@/components/ui/page-header";
import { CatalogSection, CatalogText } from "@/components/threats/catalog-section";

export const metadata: Metadata = { title: "ATLAS case study" };

export default async function CaseStudyPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requirePageSession();
  const { id } = await params;
  const detail = await loadOrNotFound(getAtlasCaseStudy({ ctx: session.ctx, input: { id } }));
  const c = detail.caseStudy;
  const facts: [string, string | null][] = [
    [
      "Incident date",
      c.incidentDate ? `${c.incidentDate.slice(0, 10)}${c.incidentDateGranularity ? ` (${c.incidentDateGranularity.toLowerCase()})` : ""}` : null,
    ],
    ["Type", c.type],
    ["Target", c.target],
    ["Actor", c.actor],
    ["Reporter", c.reporter],
  ];
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "Threats", href: "/threats" }, { label: c.id }]}
        title={c.name}
        description={
          <>
            <span className="font-mono">{c.id}</span> MITRE ATLAS case study
          </>
        }
      />
      {!detail.inCurrentRelease && (
        <p role="status" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Not in the organisation&apos;s current ATLAS release; shown as last seen in ATLAS {detail.lastSeenIn?.version ?? detail.releaseVersion}.
        </p>
      )}
      <div className="grid gap-6 xl:grid-cols-3">
        <div className="space-y-6 xl:col-span-2">
          <CatalogSection id="summary-h" title="Summary">
            <CatalogText
              text={c.summary}
              missing={
                <>
                  Summaries and procedures come with the official release:{" "}
                  <Link href="/threats/catalog" className="text-brand-700 underline">
                    import the official release to see them
                  </Link>
                  .
                </>
              }
            />
          </CatalogSection>
          {c.procedure.length > 0 && (
            <CatalogSection id="procedure-h" title="Procedure" testId="case-study-procedure">
              <ol className="space-y-3">
                {c.procedure.map((step, i) => (
                  <li key={i} className="border-l-2 border-slate-200 pl-3">
                    <p className="text-xs text-slate-500">
                      {i + 1}. {step.tacticName ?? step.tacticId}
                    </p>
                    <Link href={catalogItemHref({ framework: "atlas_technique", id: step.techniqueId })} className="font-medium text-brand-700 hover:underline">
                      <span className="font-mono text-xs">{step.techniqueId}</span> {step.techniqueName ?? ""}
                    </Link>
                    <CatalogText text={step.description} missing="" />
                  </li>
                ))}
              </ol>
            </CatalogSection>
          )}
        </div>
        <div className="space-y-6">
          <CatalogSection id="facts-h" title="Facts">
            {facts.every(([, v]) => !v) ? (
              <p className="text-slate-500">Not in the built-in catalog.</p>
            ) : (
              <dl className="space-y-1">
                {facts
                  .filter(([, v]) => v)
                  .map(([label, value]) => (
                    <div key={label}>
                      <dt className="text-xs text-slate-500">{label}</dt>
                      <dd>{value}</dd>
                    </div>
                  ))}
              </dl>
            )}
          </CatalogSection>
          {c.references.length > 0 && (
            <CatalogSection id="refs-h" title="References">
              <ul className="space-y-1">
                {c.references.map((r, i) => (
                  <li key={i}>
                    {r.url && /^https?:\/\//i.test(r.url) ? (
                      <a href={r.url} className="text-brand-700 underline" rel="noreferrer noopener" target="_blank">
                        {r.title ?? r.url}
                      </a>
                    ) : (
                      (r.title ?? r.url)
                    )}
                  </li>
                ))}
              </ul>
            </CatalogSection>
          )}
        </div>
      </div>
      <p className="mt-6 text-xs text-slate-600">
        Source: MITRE ATLAS {detail.releaseVersion}, © MITRE, licensed under the Apache License 2.0.{" "}
        <Link href="/threats/catalog" className="underline">
          Catalog and release history
        </Link>
      </p>
    </>
  );
}
