import type { Metadata } from "next";
import Link from "next/link";
import { requirePageSession } from "@/lib/web/page-session";
import { catalogItemHref } from "@/lib/catalogs/catalog-item-href";
import { loadOrNotFound } from "@/lib/web/load-or-not-found";
import { getAtlasMitigation } from "@/lib/atlas/get-atlas-mitigation";
import { relatedItems } from "@/lib/crosswalk/related-items";
import { PageHeader } from "@/components/ui/page-header";
import { CatalogSection, CatalogText } from "@/components/threats/catalog-section";
import { RelatedItemsList } from "@/components/threats/related-items-list";

export const metadata: Metadata = { title: "ATLAS mitigation" };

export default async function MitigationPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requirePageSession();
  const { id } = await params;
  const detail = await loadOrNotFound(getAtlasMitigation({ ctx: session.ctx, input: { id } }));
  const m = detail.mitigation;
  // techniques are listed by ATLAS; the other frameworks come from the crosswalk
  const related = relatedItems({ framework: "atlas_mitigation", id: m.id }).filter((group) => group.framework !== "atlas_technique");
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "Threats", href: "/threats" }, { label: m.id }]}
        title={m.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-mono">{m.id}</span> MITRE ATLAS mitigation
            {m.category.map((c) => (
              <span key={c} className="rounded bg-slate-100 px-2 text-xs">
                {c}
              </span>
            ))}
            {m.mlLifecycle.map((c) => (
              <span key={c} className="rounded bg-sky-50 px-2 text-xs text-sky-800">
                {c}
              </span>
            ))}
          </span>
        }
      />
      {!detail.inCurrentRelease && (
        <p role="status" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Not in the organisation&apos;s current ATLAS release; shown as last seen in ATLAS {detail.lastSeenIn?.version ?? detail.releaseVersion}.
        </p>
      )}
      <div className="grid gap-6 xl:grid-cols-3">
        <div className="space-y-6 xl:col-span-2">
          <CatalogSection id="description-h" title="Description">
            <CatalogText
              text={m.description}
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
          <CatalogSection id="techniques-h" title={`Techniques it addresses (${detail.techniques.length})`} testId="mitigation-techniques">
            <ul className="space-y-2">
              {detail.techniques.map((t) => (
                <li key={t.id}>
                  <Link href={catalogItemHref({ framework: "atlas_technique", id: t.id })} className="text-brand-700 hover:underline">
                    <span className="font-mono text-xs">{t.id}</span> {t.name}
                  </Link>
                  {t.use && <CatalogText text={t.use} missing="" />}
                </li>
              ))}
            </ul>
          </CatalogSection>
        </div>
        <CatalogSection id="crosswalk-h" title="Related controls in other frameworks">
          <RelatedItemsList groups={related} />
        </CatalogSection>
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
