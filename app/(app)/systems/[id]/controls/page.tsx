import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requirePageSession } from "@/lib/web/page-session";
import { loadOrNotFound } from "@/lib/web/load-or-not-found";
import { FRAMEWORK_INFO } from "@/lib/catalogs/frameworks";
import { getSystemControlsPage } from "@/lib/controls/get-system-controls-page";
import { CONTROL_FRAMEWORK_IDS, CONTROL_FRAMEWORK_SHORT_NAMES, CONTROL_STATUSES, CONTROL_STATUS_LABELS } from "@/lib/controls/schemas";
import { MAX_EVIDENCE_FILE_BYTES, MAX_EVIDENCE_FILE_LABEL } from "@/lib/evidence/schemas";
import { PageHeader } from "@/components/ui/page-header";
import { SystemTabs } from "@/components/systems/system-tabs";
import { TierBadge } from "@/components/ui/tier-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { AutoSubmitSelect } from "@/components/ui/auto-submit-select";
import { EU_ROLE_LABELS, LIFECYCLE_LABELS } from "@/components/labels";
import { PostureBars } from "@/components/controls/posture-bars";
import { SystemControls } from "@/components/controls/system-controls";
import { toControlRows } from "@/components/controls/control-rows";
import { ControlEditingProvider } from "@/components/controls/control-editing";
import { EvidencePanel } from "@/components/controls/evidence-panel";
import { deleteEvidenceAction, linkEvidenceAction, updateControlAction } from "./actions";

export const metadata: Metadata = { title: "Controls of an AI system" };

// URL state of the filters; a bad value falls back to "all"
const filtersSchema = z.object({
  framework: z.enum(CONTROL_FRAMEWORK_IDS).optional().catch(undefined),
  status: z.enum(CONTROL_STATUSES).optional().catch(undefined),
  // set by the upload route when the form was posted without JavaScript
  evidence: z.enum(["added", "failed"]).optional().catch(undefined),
});

export default async function SystemControlsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requirePageSession();
  const { id } = await params;
  const { ctx } = session;
  const filters = filtersSchema.parse(await searchParams);
  const { list, posture, evidence, members, viewer } = await loadOrNotFound(getSystemControlsPage({ ctx, input: { systemId: id } }));
  const { system } = list;
  const canEdit = viewer.canWriteControls;
  const shown = list.controls.filter((c) => (!filters.framework || c.framework === filters.framework) && (!filters.status || c.status === filters.status));
  const controlOptions = list.controls.map((c) => ({
    value: `${c.framework}|${c.controlId}`,
    label: `${c.controlId} ${c.title}`.slice(0, 120),
    group: FRAMEWORK_INFO[c.framework].name,
  }));
  // the owner picker's members, the attachable evidence and the actions go to the page once (control-editing.tsx)
  const wrapForEditing = (sections: React.ReactNode) =>
    canEdit ? (
      <ControlEditingProvider
        members={members}
        evidence={evidence.map((e) => ({ id: e.id, title: e.title }))}
        updateAction={updateControlAction.bind(null, id)}
        linkAction={linkEvidenceAction.bind(null, id)}
      >
        {sections}
      </ControlEditingProvider>
    ) : (
      sections
    );
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "Inventory", href: "/systems" }, { label: system.name, href: `/systems/${id}` }, { label: "Controls" }]}
        title={`Controls: ${system.name}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <TierBadge tier={system.riskTier} />
            <span>
              {EU_ROLE_LABELS[system.euAiActRole]} · {LIFECYCLE_LABELS[system.lifecycleStage]}
            </span>
            {system.archived && <span className="rounded bg-slate-200 px-2 text-xs">Archived</span>}
          </span>
        }
        actions={
          <Link href="/controls" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
            Organisation posture
          </Link>
        }
      />
      <SystemTabs systemId={id} current="controls" />
      {list.controls.length === 0 ? (
        <EmptyState title="No applicable controls">
          {system.archived
            ? "Archived systems are out of scope."
            : system.lifecycleStage === "retired"
              ? "Retired systems are out of scope."
              : "Nothing applies to this system."}{" "}
          Controls apply to active AI systems; statuses saved earlier are kept.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          <PostureBars posture={posture} hrefFor={(framework) => `/systems/${id}/controls?framework=${framework}`} />
          <p className="text-sm text-slate-600">
            Which controls apply follows from the risk tier, the EU AI Act role and the lifecycle stage
            {list.classification ? ", refined by the latest decided classification" : " (classify the system to refine the EU AI Act obligations)"}. Each
            control says why it applies. Percent = implemented / (applicable − not applicable).
          </p>
          {filters.evidence === "added" && (
            <p className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800" role="status">
              Evidence added.
            </p>
          )}
          {filters.evidence === "failed" && (
            <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" role="alert">
              The evidence could not be added: check the file (at most {MAX_EVIDENCE_FILE_LABEL}), the URL and the controls, or enable JavaScript to see why.
            </p>
          )}
          <EvidencePanel
            systemId={id}
            evidence={evidence}
            controls={controlOptions}
            canEdit={canEdit}
            uploadUrl={`/systems/${encodeURIComponent(id)}/controls/evidence`}
            deleteActions={Object.fromEntries(evidence.map((e) => [e.id, deleteEvidenceAction.bind(null, id, e.id)]))}
            maxBytes={MAX_EVIDENCE_FILE_BYTES}
            maxLabel={MAX_EVIDENCE_FILE_LABEL}
          />
          <form method="get" className="flex flex-wrap items-end gap-3 text-sm" aria-label="Filter controls">
            <label className="block">
              <span className="block text-xs font-medium text-slate-700">Framework</span>
              <AutoSubmitSelect
                name="framework"
                defaultValue={filters.framework ?? ""}
                className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5"
              >
                <option value="">All frameworks</option>
                {CONTROL_FRAMEWORK_IDS.map((f) => (
                  <option key={f} value={f}>
                    {FRAMEWORK_INFO[f].name}
                  </option>
                ))}
              </AutoSubmitSelect>
            </label>
            <label className="block">
              <span className="block text-xs font-medium text-slate-700">Status</span>
              <AutoSubmitSelect name="status" defaultValue={filters.status ?? ""} className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5">
                <option value="">All statuses</option>
                {CONTROL_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {CONTROL_STATUS_LABELS[s]}
                  </option>
                ))}
              </AutoSubmitSelect>
            </label>
            <noscript>
              <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5">
                Filter
              </button>
            </noscript>
            <span className="text-slate-500">
              {shown.length} of {list.controls.length} controls
            </span>
          </form>
          {wrapForEditing(
            CONTROL_FRAMEWORK_IDS.map((framework) => {
              const controls = shown.filter((c) => c.framework === framework);
              if (controls.length === 0) return null;
              return (
                <SystemControls
                  key={framework}
                  systemId={id}
                  frameworkName={FRAMEWORK_INFO[framework].name}
                  shortNames={CONTROL_FRAMEWORK_SHORT_NAMES}
                  controls={toControlRows(controls)}
                />
              );
            }),
          )}
        </div>
      )}
    </>
  );
}
