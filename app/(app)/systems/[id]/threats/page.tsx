import type { Metadata } from "next";
import Link from "next/link";
import { requirePageSession } from "@/lib/web/page-session";
import { loadOrNotFound } from "@/lib/web/load-or-not-found";
import { getSystemThreatsPage } from "@/lib/threats/get-system-threats-page";
import { PageHeader } from "@/components/ui/page-header";
import { SystemTabs } from "@/components/systems/system-tabs";
import { AtlasSourceLine } from "@/components/threats/atlas-source-line";
import { CatalogSection } from "@/components/threats/catalog-section";
import { ThreatProfileTable } from "@/components/threats/threat-profile-table";
import { SuggestionsForm } from "@/components/threats/suggestions-form";
import { ManualThreatForm } from "@/components/threats/manual-threat-form";
import { LayerImportForm } from "@/components/threats/layer-import-form";
import { addManualThreatAction, addSuggestedThreatsAction, importLayerAction, removeThreatAction } from "./actions";

export const metadata: Metadata = { title: "Threat profile" };

export default async function SystemThreatsPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requirePageSession();
  const { id } = await params;
  const { ctx } = session;
  const page = await loadOrNotFound(getSystemThreatsPage({ ctx, input: { systemId: id } }));
  const { profile } = page;
  const { canWriteThreats: canEdit, canWriteRisks: canAddRisk } = page.viewer;
  const encoded = encodeURIComponent(id);
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "Inventory", href: "/systems" }, { label: profile.system.name, href: `/systems/${encoded}` }, { label: "Threat profile" }]}
        title={`Threat profile: ${profile.system.name}`}
        description={
          <>
            MITRE ATLAS techniques this AI system is exposed to, each with the reason.{" "}
            {profile.system.archived && <span className="rounded bg-slate-200 px-2 text-xs">Archived: read-only</span>}
          </>
        }
        actions={
          <>
            <Link href={`/threats?system=${encoded}`} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50">
              Show on the ATLAS matrix
            </Link>
            <a
              href={`/systems/${encoded}/threats/layer`}
              download
              className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50"
              data-testid="export-layer"
            >
              Export Navigator layer
            </a>
          </>
        }
      />
      <SystemTabs systemId={id} current="threats" />
      <div className="space-y-6">
        <CatalogSection id="profile-h" title={`Threat profile (${profile.entries.length})`} testId="threat-profile">
          <ThreatProfileTable
            systemId={id}
            profile={profile}
            canEdit={canEdit}
            canAddRisk={canAddRisk}
            removeActions={canEdit ? Object.fromEntries(profile.entries.map((e) => [e.techniqueId, removeThreatAction.bind(null, id, e.techniqueId)])) : {}}
          />
        </CatalogSection>
        <CatalogSection id="suggestions-h" title="Suggested techniques" testId="threat-suggestions">
          <p className="text-slate-600">
            Proposed from the system&apos;s recorded attributes (model type, foundation model, deployment context, components, data categories, autonomy).
            Review each reason before adding it.
          </p>
          <SuggestionsForm suggestions={page.suggestions} action={addSuggestedThreatsAction.bind(null, id)} canEdit={canEdit} />
        </CatalogSection>
        {canEdit && (
          <div className="grid gap-6 xl:grid-cols-2">
            <CatalogSection id="manual-h" title="Add a technique by hand">
              <ManualThreatForm options={page.techniqueOptions} action={addManualThreatAction.bind(null, id)} />
            </CatalogSection>
            <CatalogSection id="import-h" title="Import an ATLAS Navigator layer">
              <LayerImportForm action={importLayerAction.bind(null, id)} />
            </CatalogSection>
          </div>
        )}
        <AtlasSourceLine source={page.source} />
      </div>
    </>
  );
}
