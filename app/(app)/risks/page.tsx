import type { Metadata } from "next";
import Link from "next/link";
import { requirePageSession } from "@/lib/web/page-session";
import { loadRiskRegister } from "@/lib/risks/load-risk-register";
import { loadOrNotFound } from "@/lib/web/load-or-not-found";
import { PageHeader } from "@/components/ui/page-header";
import { RiskFilters } from "@/components/risks/risk-filters";
import { CellFilterNote, RiskPagination, RiskTable } from "@/components/risks/risk-table";
import { RiskHeatmap } from "@/components/risks/risk-heatmap";

export const metadata: Metadata = { title: "Risk register" };

export default async function RiskRegisterPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requirePageSession();
  const { ctx } = session;
  // a systemId filter of another organisation (or none) is NOT_FOUND → the 404 page
  const { matrix, filters, list, heatmap, options, viewer } = await loadOrNotFound(loadRiskRegister({ ctx, input: await searchParams }));
  return (
    <>
      <PageHeader
        title="Risk register"
        description="Every recorded risk of the organisation's AI systems, scored on one 5×5 matrix. Add risks from an AI system's risk page."
        actions={
          <Link href="/settings/risk-matrix" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50">
            {viewer.canManageMatrix ? "Edit the risk matrix" : "View the risk matrix"}
          </Link>
        }
      />
      <RiskFilters filters={filters} levels={matrix.levels} members={options.members} systems={options.systems} action="/risks" />
      <div className="grid gap-6 2xl:grid-cols-3">
        <div className="2xl:col-span-2">
          <CellFilterNote filters={filters} basePath="/risks" />
          <RiskTable list={list} filters={filters} basePath="/risks" />
          <RiskPagination list={list} filters={filters} basePath="/risks" />
        </div>
        <RiskHeatmap heatmap={heatmap} likelihoodLabels={matrix.likelihoodLabels} impactLabels={matrix.impactLabels} basePath="/risks" filters={filters} />
      </div>
    </>
  );
}
