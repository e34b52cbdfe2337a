import type { Metadata } from "next";
import Link from "next/link";
import { requirePageSession } from "@/lib/web/page-session";
import { getRiskPage } from "@/lib/risks/get-risk-page";
import { loadOrNotFound } from "@/lib/web/load-or-not-found";
import { formatDate, formatDateTime } from "@/lib/utils/format-date";
import { PageHeader } from "@/components/ui/page-header";
import { ScoreChip } from "@/components/risks/level-chip";
import { RiskForm } from "@/components/risks/risk-form";
import { AcceptRiskForm } from "@/components/risks/accept-risk-form";
import { DeleteRiskButton } from "@/components/risks/delete-risk-button";
import { HistoryList } from "@/components/audit/history-list";
import { RISK_CATEGORY_LABELS, RISK_STATUS_LABELS, RISK_TREATMENT_LABELS } from "@/components/labels";
import { acceptRiskAction, deleteRiskAction, updateRiskAction } from "../actions";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Risk" };

export default async function RiskPage({ params }: { params: Promise<{ riskId: string }> }) {
  const session = await requirePageSession();
  const { ctx } = session;
  const { riskId } = await params;
  const { risk, system, history, names, formOptions, approvers, viewer } = await loadOrNotFound(getRiskPage({ ctx, input: { id: riskId } }));
  const canWrite = viewer.canEdit;
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "Risk register", href: "/risks" }, { label: system.name, href: `/systems/${system.id}/risks` }, { label: risk.title }]}
        title={risk.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            Inherent <ScoreChip score={risk.inherent} testId="inherent" /> Residual <ScoreChip score={risk.residual} testId="residual" /> ·{" "}
            {RISK_STATUS_LABELS[risk.status]} · version {risk.version}
          </span>
        }
        actions={canWrite && <DeleteRiskButton action={deleteRiskAction.bind(null, riskId)} />}
      />
      <div className="grid gap-6 xl:grid-cols-3">
        <div className="space-y-6 xl:col-span-2">
          <Card as="section" className="text-sm" data-testid="risk-overview">
            <dl className="grid gap-x-6 gap-y-3 md:grid-cols-2">
              <Item term="AI system">
                <Link href={`/systems/${system.id}`} className="text-brand-700 hover:underline">
                  {system.name}
                </Link>
              </Item>
              <Item term="Category">{RISK_CATEGORY_LABELS[risk.category]}</Item>
              <Item term="Treatment">{RISK_TREATMENT_LABELS[risk.treatment]}</Item>
              <Item term="Owner">{risk.owner?.name ?? "Unassigned"}</Item>
              <Item term="Due">{risk.dueDate ? formatDate(risk.dueDate) : "—"}</Item>
              <Item term="MITRE ATLAS">
                {risk.techniqueIds.length
                  ? risk.techniqueIds.map((t) => (
                      <span key={t} className="mr-2 inline-block">
                        <span className="font-mono">{t}</span> {names.techniques[t]}
                      </span>
                    ))
                  : "—"}
              </Item>
              <Item term="OWASP">
                {risk.owaspIds.length
                  ? risk.owaspIds.map((o) => (
                      <span key={o} className="mr-2 inline-block">
                        <span className="font-mono">{o}</span> {names.owasp[o]}
                      </span>
                    ))
                  : "—"}
              </Item>
              <Item term="Linked controls">
                {risk.controls.length ? (
                  <ul>
                    {risk.controls.map((c) => (
                      <li key={`${c.framework}:${c.controlId}`}>
                        <span className="font-mono">{c.controlId}</span> {c.title} <span className="text-xs text-slate-500">({c.framework})</span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  "—"
                )}
              </Item>
            </dl>
            {risk.description && <p className="mt-4 whitespace-pre-wrap">{risk.description}</p>}
            {risk.treatmentPlan && (
              <>
                <h3 className="mt-4 font-medium">Treatment plan</h3>
                <p className="whitespace-pre-wrap">{risk.treatmentPlan}</p>
              </>
            )}
          </Card>

          <Card as="section" aria-labelledby="acceptance-h" data-testid="acceptance">
            <h2 id="acceptance-h" className="text-base font-semibold">
              Acceptance
            </h2>
            {risk.acceptance ? (
              <p className="mt-2 text-sm">
                Accepted by <strong>{risk.acceptance.approver.name}</strong> on {formatDateTime(risk.acceptance.acceptedAt)}: <q>{risk.acceptance.reason}</q>
              </p>
            ) : canWrite ? (
              <div className="mt-2">
                <AcceptRiskForm action={acceptRiskAction.bind(null, riskId)} approvers={approvers} version={risk.version} />
              </div>
            ) : (
              <p className="mt-2 text-sm text-slate-600">Not accepted.</p>
            )}
          </Card>

          {canWrite && (
            <details>
              <summary className="cursor-pointer text-base font-semibold text-brand-700">Edit the risk</summary>
              <div className="mt-3">
                <RiskForm action={updateRiskAction.bind(null, riskId)} risk={risk} options={formOptions} submitLabel="Save changes" />
              </div>
            </details>
          )}
        </div>
        <HistoryList entity="risk" entries={history} testId="risk-history" headingId="risk-history-h" />
      </div>
    </>
  );
}

function Item({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{term}</dt>
      <dd className="mt-0.5">{children}</dd>
    </div>
  );
}
