import type { Metadata } from "next";
import Link from "next/link";
import { requirePageSession } from "@/lib/web/page-session";
import { loadOrNotFound } from "@/lib/web/load-or-not-found";
import { getFindingPage } from "@/lib/findings/get-finding-page";
import { catalogItemHref } from "@/lib/catalogs/catalog-item-href";
import { getOwaspCatalog } from "@/lib/catalogs/get-owasp-catalog";
import { formatDate, formatDateTime } from "@/lib/utils/format-date";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { RISK_STATUS_LABELS } from "@/components/labels";
import { FindingStatusBadge, SeverityBadge } from "@/components/findings/finding-badges";
import { EvidenceExcerpts } from "@/components/findings/evidence-excerpts";
import { FindingHistoryChart } from "@/components/findings/charts/finding-history";
import { percent } from "@/components/findings/charts/chart-figure";
import { TriageForm } from "@/components/findings/triage-form";
import { LinkRiskForm } from "@/components/findings/link-risk-form";
import { CreateRiskForm } from "@/components/findings/create-risk-form";
import { createRiskFromFindingAction, linkFindingToRiskAction, updateFindingStatusAction } from "../actions";

export const metadata: Metadata = { title: "Finding" };

export default async function FindingPage({ params }: { params: Promise<{ findingId: string }> }) {
  const session = await requirePageSession();
  const { findingId } = await params;
  const page = await loadOrNotFound(getFindingPage({ ctx: session.ctx, input: { findingId } }));
  const { finding, viewer } = page;
  const systemHref = `/systems/${encodeURIComponent(finding.systemId)}`;
  const owaspTitles = new Map(getOwaspCatalog().llm2025.items.map((item) => [item.id, item.title]));
  const testLabel = [finding.tool, finding.testId, finding.detector].filter(Boolean).join(" · ");
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "Findings", href: "/findings" }, { label: finding.systemName, href: `${systemHref}/findings` }, { label: finding.title }]}
        title={finding.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <SeverityBadge severity={finding.severity} /> <FindingStatusBadge status={finding.status} /> {testLabel}
          </span>
        }
      />
      <div className="grid gap-6 xl:grid-cols-3">
        <div className="min-w-0 space-y-6 xl:col-span-2">
          {page.notReproducedIn && (
            <p role="status" className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900" data-testid="not-reproduced">
              Not reproduced: the run in {page.notReproducedIn.fileName || "an import"} ({formatDate(page.notReproducedIn.createdAt)}) passed this test.
              Consider marking the finding mitigated.
            </p>
          )}
          <Card as="section" aria-labelledby="overview-h" className="text-sm" data-testid="finding-overview">
            <h2 id="overview-h" className="sr-only">
              Overview
            </h2>
            <dl className="grid gap-x-6 gap-y-3 md:grid-cols-2">
              <Item term="AI system">
                <Link href={`${systemHref}/findings`} className="text-brand-700 hover:underline">
                  {finding.systemName}
                </Link>
              </Item>
              <Item term="Scanner test">
                <span className="font-mono">{testLabel}</span>
              </Item>
              <Item term="MITRE ATLAS">
                {finding.techniqueIds.length
                  ? finding.techniqueIds.map((id) => (
                      <Link
                        key={id}
                        href={catalogItemHref({ framework: "atlas_technique", id })}
                        className="mr-2 inline-block font-mono text-brand-700 hover:underline"
                      >
                        {id}
                      </Link>
                    ))
                  : "Not mapped"}
              </Item>
              <Item term="OWASP LLM Top 10 (2025)">
                {finding.owaspIds.length
                  ? finding.owaspIds.map((id) => (
                      <Link key={id} href={catalogItemHref({ framework: "owasp_llm_2025", id })} className="mr-2 inline-block text-brand-700 hover:underline">
                        {id} {owaspTitles.get(id)}
                      </Link>
                    ))
                  : "Not mapped"}
              </Item>
              <Item term="First seen">{formatDateTime(finding.firstSeenAt)}</Item>
              <Item term="Last seen">{formatDateTime(finding.lastSeenAt)}</Item>
              <Item term="Latest attack success rate">
                {finding.lastAttackSuccessRate === null
                  ? "No counts"
                  : `${percent(finding.lastAttackSuccessRate)} (${finding.lastFailed} of ${finding.lastEvaluated})`}
              </Item>
              <Item term="Status reason">{finding.statusReason || "—"}</Item>
            </dl>
            {(finding.techniqueIds.length === 0 || finding.owaspIds.length === 0) && (
              <p className="mt-3 text-xs text-slate-600">
                A test without a mapping can be mapped for the organisation on{" "}
                <Link href="/findings/mappings" className="text-brand-700 underline">
                  Scanner test mappings
                </Link>
                .
              </p>
            )}
            {page.messages.length > 0 && (
              <div className="mt-3">
                <p className="text-xs font-medium text-slate-700">Scanner messages</p>
                <ul className="mt-1 list-disc pl-5 text-slate-700">
                  {page.messages.map((m, i) => (
                    <li key={i} className="break-words">
                      {m}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </Card>
          <Card as="section" aria-labelledby="evidence-h">
            <h2 id="evidence-h" className="mb-3 text-base font-semibold">
              Evidence
            </h2>
            <EvidenceExcerpts evidence={page.evidence} />
          </Card>
          <Card as="section" aria-labelledby="history-h">
            <h2 id="history-h" className="mb-3 text-base font-semibold">
              Attack success history
            </h2>
            <FindingHistoryChart runs={page.runs} testLabel={testLabel} />
            <h3 className="mt-4 text-sm font-semibold">Imports that touched this finding</h3>
            <div className="mt-2 overflow-x-auto">
              <table className="w-full text-left text-sm" data-testid="finding-imports">
                <thead className="text-xs text-slate-600">
                  <tr>
                    <th scope="col" className="py-1 pr-3 font-medium">
                      Imported
                    </th>
                    <th scope="col" className="py-1 pr-3 font-medium">
                      File
                    </th>
                    <th scope="col" className="py-1 pr-3 font-medium">
                      Target
                    </th>
                    <th scope="col" className="py-1 pr-3 font-medium">
                      Failed / evaluated
                    </th>
                    <th scope="col" className="py-1 pr-3 font-medium">
                      Result
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {page.runs.map((run) => (
                    <tr key={run.importId} className="border-t border-slate-100">
                      <td className="py-1 pr-3">{formatDateTime(run.createdAt)}</td>
                      <td className="py-1 pr-3 break-all">{run.fileName || "—"}</td>
                      <td className="py-1 pr-3">{run.target ?? "—"}</td>
                      <td className="py-1 pr-3 tabular-nums">
                        {run.failed ?? "–"} / {run.evaluated ?? "–"} ({percent(run.attackSuccessRate)})
                      </td>
                      <td className="py-1 pr-3">{run.suppressed ? "Suppressed" : run.failing ? "Failing" : "Passed"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Card>
        </div>
        <div className="space-y-6">
          <Card as="section" aria-labelledby="triage-h">
            <h2 id="triage-h" className="mb-3 text-base font-semibold">
              Triage
            </h2>
            {viewer.canTriage ? (
              <TriageForm action={updateFindingStatusAction.bind(null, finding.id)} status={finding.status} version={finding.version} />
            ) : (
              <p className="text-sm text-slate-600">
                Status: <FindingStatusBadge status={finding.status} />. Your role cannot triage this finding (or its system is archived).
              </p>
            )}
          </Card>
          <Card as="section" aria-labelledby="risk-h" data-testid="finding-risk">
            <h2 id="risk-h" className="mb-3 text-base font-semibold">
              Risk
            </h2>
            {page.linkedRisk ? (
              <p className="mb-3 text-sm">
                Linked to{" "}
                <Link href={`/risks/${encodeURIComponent(page.linkedRisk.id)}`} className="font-medium text-brand-700 underline">
                  {page.linkedRisk.title}
                </Link>{" "}
                ({RISK_STATUS_LABELS[page.linkedRisk.status as keyof typeof RISK_STATUS_LABELS] ?? page.linkedRisk.status}).
              </p>
            ) : (
              <p className="mb-3 text-sm text-slate-600">Not linked to a risk yet.</p>
            )}
            {viewer.canTriage && page.risks.length > 0 && (
              <LinkRiskForm action={linkFindingToRiskAction.bind(null, finding.id)} risks={page.risks} riskId={finding.riskId} version={finding.version} />
            )}
            {viewer.canTriage && page.risks.length === 0 && <p className="text-sm text-slate-600">This AI system has no risks to link yet.</p>}
            {viewer.canCreateRisk && !page.linkedRisk && (
              <div className="mt-4 border-t border-slate-200 pt-4">
                <CreateRiskForm action={createRiskFromFindingAction.bind(null, finding.id)} version={finding.version} defaultTitle={finding.title} />
              </div>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}

function Item({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-slate-600">{term}</dt>
      <dd className="mt-0.5 break-words">{children}</dd>
    </div>
  );
}
