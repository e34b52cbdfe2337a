import type { Metadata } from "next";
import Link from "next/link";
import { requirePageSession } from "@/lib/web/page-session";
import { catalogItemHref } from "@/lib/catalogs/catalog-item-href";
import { loadOrNotFound } from "@/lib/web/load-or-not-found";
import { getThreatTechniquePage } from "@/lib/threats/get-threat-technique-page";
import { PageHeader } from "@/components/ui/page-header";
import { AtlasSourceLine } from "@/components/threats/atlas-source-line";
import { CatalogSection, CatalogText } from "@/components/threats/catalog-section";
import { RelatedItemsList } from "@/components/threats/related-items-list";
import { TechniqueReferencesPanel } from "@/components/threats/technique-references";

export const metadata: Metadata = { title: "ATLAS technique" };

const href = (framework: "atlas_technique" | "atlas_mitigation", id: string) => catalogItemHref({ framework, id });

export default async function TechniquePage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requirePageSession();
  const { id } = await params;
  const { ctx } = session;
  const page = await loadOrNotFound(getThreatTechniquePage({ ctx, input: { id } }));
  const { detail, references } = page;
  const t = detail.technique;
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "Threats", href: "/threats" }, { label: t.id }]}
        title={page.parent ? `${page.parent.name}: ${t.name}` : t.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-mono">{t.id}</span>
            {page.tactics.map((tactic) => (
              <span key={tactic.id} className="rounded bg-slate-800 px-2 text-xs text-white">
                {tactic.name}
              </span>
            ))}
            {page.parent && (
              <span>
                Sub-technique of{" "}
                <Link href={href("atlas_technique", page.parent.id)} className="text-brand-700 underline">
                  {page.parent.id} {page.parent.name}
                </Link>
              </span>
            )}
          </span>
        }
      />
      {!detail.inCurrentRelease && (
        <p role="status" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="not-in-release">
          Not in the organisation&apos;s current ATLAS release; shown as last seen in ATLAS {detail.lastSeenIn?.version ?? detail.releaseVersion}.
        </p>
      )}
      <div className="grid gap-6 xl:grid-cols-3">
        <div className="space-y-6 xl:col-span-2">
          <CatalogSection id="description-h" title="Description">
            <CatalogText
              text={t.description}
              missing={
                <>
                  Descriptions come with the official release:{" "}
                  <Link href="/threats/catalog" className="text-brand-700 underline">
                    import the official release to see descriptions
                  </Link>
                  .
                </>
              }
            />
          </CatalogSection>
          <CatalogSection id="references-h" title="In this organisation" testId="technique-references">
            <TechniqueReferencesPanel techniqueId={t.id} references={references} />
          </CatalogSection>
          <CatalogSection id="crosswalk-h" title="Related items in other frameworks">
            <RelatedItemsList groups={page.related} />
          </CatalogSection>
        </div>
        <div className="space-y-6">
          {t.subtechniques.length > 0 && (
            <CatalogSection id="subs-h" title={`Sub-techniques (${t.subtechniques.length})`}>
              <ul className="space-y-1">
                {t.subtechniques.map((s) => (
                  <li key={s.id}>
                    <Link href={href("atlas_technique", s.id)} className="text-brand-700 hover:underline">
                      <span className="font-mono text-xs">{s.id}</span> {s.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </CatalogSection>
          )}
          <CatalogSection id="mitigations-h" title={`Mitigations (${detail.mitigations.length})`} testId="technique-mitigations">
            {detail.mitigations.length === 0 ? (
              <p className="text-slate-500">ATLAS lists no mitigation for this technique.</p>
            ) : (
              <ul className="space-y-1">
                {detail.mitigations.map((m) => (
                  <li key={m.id}>
                    <Link href={href("atlas_mitigation", m.id)} className="text-brand-700 hover:underline">
                      <span className="font-mono text-xs">{m.id}</span> {m.name}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </CatalogSection>
          <CatalogSection id="cases-h" title={`Case studies (${detail.caseStudies.length})`}>
            {detail.caseStudies.length === 0 ? (
              <p className="text-slate-500">
                {page.source.kind === "builtin"
                  ? "Case study procedures come with the official release."
                  : "No case study of this release uses this technique."}
              </p>
            ) : (
              <ul className="space-y-1">
                {detail.caseStudies.map((c) => (
                  <li key={c.id}>
                    <Link href={`/threats/case-studies/${encodeURIComponent(c.id)}`} className="text-brand-700 hover:underline">
                      <span className="font-mono text-xs">{c.id}</span> {c.name}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </CatalogSection>
        </div>
      </div>
      <div className="mt-6">
        <AtlasSourceLine source={page.source} />
      </div>
    </>
  );
}
