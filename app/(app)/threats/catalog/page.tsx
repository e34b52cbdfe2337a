import type { Metadata } from "next";
import { requirePageSession } from "@/lib/web/page-session";
import { getAtlasCatalogPage } from "@/lib/atlas/get-atlas-catalog-page";
import { ATLAS_MAX_BYTES } from "@/lib/atlas/schemas";
import { PageHeader } from "@/components/ui/page-header";
import { AtlasCatalogSummary } from "@/components/atlas/atlas-catalog-summary";
import { AtlasReleaseHistory } from "@/components/atlas/atlas-release-history";
import { AtlasImportForm } from "@/components/atlas/atlas-import-form";
import { AtlasAttribution } from "@/components/atlas/atlas-attribution";

export const metadata: Metadata = { title: "ATLAS catalog" };

export default async function AtlasCatalogPage({ searchParams }: { searchParams: Promise<{ import?: string }> }) {
  const session = await requirePageSession();
  // the upload route redirects a post made without JavaScript back here with the outcome
  const outcome = (await searchParams).import;
  const { ctx } = session;
  const { view, releases, tacticNames, viewer } = await getAtlasCatalogPage({ ctx });
  return (
    <>
      <PageHeader
        title="MITRE ATLAS catalog"
        description="The adversarial AI tactics, techniques, mitigations and case studies your threat profiles refer to."
      />
      <div className="space-y-6">
        {outcome === "done" && (
          <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
            The release file was processed; the release history below shows the current release.
          </p>
        )}
        {outcome === "failed" && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            The release file was refused and nothing was imported. With JavaScript on, the form lists each problem.
          </p>
        )}
        <AtlasCatalogSummary view={view} />
        {viewer.canImport && <AtlasImportForm uploadUrl="/threats/catalog/import" maxBytes={ATLAS_MAX_BYTES} tacticNames={tacticNames} />}
        <AtlasReleaseHistory releases={releases} tacticNames={tacticNames} />
        <AtlasAttribution version={view.source.version} />
      </div>
    </>
  );
}
