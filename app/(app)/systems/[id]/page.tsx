import type { Metadata } from "next";
import Link from "next/link";
import { requirePageSession } from "@/lib/web/page-session";
import { getSystemPage } from "@/lib/systems/get-system-page";
import { loadOrNotFound } from "@/lib/web/load-or-not-found";
import { PageHeader } from "@/components/ui/page-header";
import { SystemTabs } from "@/components/systems/system-tabs";
import { TierBadge } from "@/components/ui/tier-badge";
import { SystemOverview } from "@/components/systems/system-overview";
import { ComponentsPanel } from "@/components/systems/components-panel";
import { HistoryList } from "@/components/audit/history-list";
import { ArchiveButton } from "@/components/systems/archive-button";
import { ClassificationPanel } from "@/components/classification/classification-panel";
import { createComponentAction, deleteComponentAction, setArchivedAction } from "../actions";
import { decideClassificationAction, proposeClassificationAction } from "./classification-actions";

export const metadata: Metadata = { title: "AI system" };

export default async function SystemPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requirePageSession();
  const { id } = await params;
  const { ctx } = session;
  const { system, classification, history, viewer } = await loadOrNotFound(getSystemPage({ ctx, input: { id } }));
  const isArchived = Boolean(system.archivedAt);
  const { canEdit, canClassify, canArchive } = viewer;
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "Inventory", href: "/systems" }, { label: system.name }]}
        title={system.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <TierBadge tier={system.riskTier} />
            {system.riskTierBasis && <span>{system.riskTierBasis}</span>}
            {isArchived && <span className="rounded bg-slate-200 px-2 text-xs">Archived</span>}
            {system.isDemo && <span className="rounded bg-amber-100 px-2 text-xs text-amber-800">Demo data</span>}
          </span>
        }
        actions={
          <>
            {canEdit && (
              <Link href={`/systems/${id}/edit`} className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700">
                Edit
              </Link>
            )}
            {canArchive && <ArchiveButton action={setArchivedAction.bind(null, id, !isArchived)} archived={isArchived} />}
          </>
        }
      />
      <SystemTabs systemId={id} current="overview" />
      <div className="grid gap-6 xl:grid-cols-3">
        <div className="space-y-6 xl:col-span-2">
          <SystemOverview system={system} />
          <ClassificationPanel
            classification={classification}
            canClassify={canClassify}
            proposeAction={proposeClassificationAction.bind(null, id)}
            decideAction={decideClassificationAction.bind(null, id)}
          />
          <ComponentsPanel
            systemId={id}
            components={system.components}
            canEdit={canEdit}
            addAction={createComponentAction.bind(null, id)}
            deleteActions={Object.fromEntries(system.components.map((c) => [c.id, deleteComponentAction.bind(null, id, c.id)]))}
          />
        </div>
        <HistoryList entity="system" entries={history} />
      </div>
    </>
  );
}
