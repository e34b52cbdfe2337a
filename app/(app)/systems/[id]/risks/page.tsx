import type { Metadata } from "next";
import Link from "next/link";
import { requirePageSession } from "@/lib/web/page-session";
import { getSystemRisksPage } from "@/lib/risks/get-system-risks-page";
import { loadOrNotFound } from "@/lib/web/load-or-not-found";
import { PageHeader } from "@/components/ui/page-header";
import { SystemTabs } from "@/components/systems/system-tabs";
import { RiskFilters } from "@/components/risks/risk-filters";
import { CellFilterNote, RiskPagination, RiskTable } from "@/components/risks/risk-table";
import { RiskHeatmap } from "@/components/risks/risk-heatmap";
import { RiskForm } from "@/components/risks/risk-form";
import { createRiskAction } from "../../../risks/actions";

export const metadata: Metadata = { title: "AI system risks" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function SystemRisksPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const session = await requirePageSession();
  const { ctx } = session;
  const { id } = await params;
  const query = await searchParams;
  const { system, register, catalogOptions, prefill, viewer } = await loadOrNotFound(getSystemRisksPage({ ctx, input: { systemId: id, query } }));
  const { matrix, filters, list, heatmap, options } = register;
  const basePath = `/systems/${id}/risks`;
  const omit = ["systemId" as const];
  const canWrite = viewer.canWriteRisks;
  // ?technique=AML.T0051 (from the threat profile) pre-fills a new risk from an ATLAS technique
  const technique = prefill?.technique;
  const initial = prefill?.initial ?? undefined;
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "Inventory", href: "/systems" }, { label: system.name, href: `/systems/${id}` }, { label: "Risks" }]}
        title={`Risks of ${system.name}`}
        description={
          <>
            Scored on the organisation&apos;s{" "}
            <Link href="/settings/risk-matrix" className="underline">
              risk matrix
            </Link>
            .{" "}
            <Link href={`/risks?systemId=${id}`} className="underline">
              Open in the organisation register
            </Link>
            .
          </>
        }
      />
      <SystemTabs systemId={id} current="risks" />
      <RiskFilters filters={filters} levels={matrix.levels} members={options.members} action={basePath} />
      <div className="grid gap-6 2xl:grid-cols-3">
        <div className="2xl:col-span-2">
          <CellFilterNote filters={filters} basePath={basePath} omit={omit} />
          <RiskTable list={list} filters={filters} basePath={basePath} omit={omit} showSystem={false} />
          <RiskPagination list={list} filters={filters} basePath={basePath} omit={omit} />
        </div>
        <RiskHeatmap
          heatmap={heatmap}
          likelihoodLabels={matrix.likelihoodLabels}
          impactLabels={matrix.impactLabels}
          basePath={basePath}
          filters={filters}
          omit={omit}
        />
      </div>
      {canWrite && (
        <details className="mt-6" open={Boolean(initial) || undefined} id="new-risk">
          <summary className="cursor-pointer text-base font-semibold text-brand-700">New risk{initial && ` from ${technique}`}</summary>
          {technique && !initial && (
            <p className="mt-2 text-sm text-amber-800">{technique} is not a MITRE ATLAS technique of the built-in catalog; nothing was pre-filled.</p>
          )}
          <div className="mt-3">
            <RiskForm
              action={createRiskAction.bind(null, id)}
              initial={initial}
              options={{ members: options.members, ...catalogOptions, likelihoodLabels: matrix.likelihoodLabels, impactLabels: matrix.impactLabels }}
              submitLabel="Add risk"
            />
          </div>
        </details>
      )}
    </>
  );
}
