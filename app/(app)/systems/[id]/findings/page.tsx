import type { Metadata } from "next";
import Link from "next/link";
import { requirePageSession } from "@/lib/web/page-session";
import { loadOrNotFound } from "@/lib/web/load-or-not-found";
import { getSystemFindingsPage } from "@/lib/findings/get-system-findings-page";
import { findingsMaxBytes } from "@/lib/findings/schemas";
import { getOwaspCatalog } from "@/lib/catalogs/get-owasp-catalog";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { SystemTabs } from "@/components/systems/system-tabs";
import { FindingsUpload } from "@/components/findings/findings-upload";
import { ImportsList } from "@/components/findings/imports-list";
import { FindingFilters } from "@/components/findings/finding-filters";
import { FindingsPagination, FindingsTable } from "@/components/findings/findings-table";
import { FindingsCharts } from "@/components/findings/charts/findings-charts";
import { CoverageFigures } from "@/components/findings/coverage-figures";
import { findingFilterParams } from "@/components/findings/search-params";

export const metadata: Metadata = { title: "Findings of an AI system" };

export default async function SystemFindingsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requirePageSession();
  const { id } = await params;
  // the system is the path's; a systemId in the query is ignored
  const query = { ...findingFilterParams(await searchParams), systemId: undefined };
  const page = await loadOrNotFound(getSystemFindingsPage({ ctx: session.ctx, input: { ...query, systemId: id } }));
  const { system, viewer, findings } = page;
  const base = `/systems/${encodeURIComponent(id)}/findings`;
  const owaspItems = getOwaspCatalog().llm2025.items;
  const owaspTitles = Object.fromEntries(owaspItems.map((item) => [item.id, item.title]));
  const filtered = Object.entries(query).some(([key, value]) => key !== "page" && value !== undefined);
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "Inventory", href: "/systems" }, { label: system.name, href: `/systems/${encodeURIComponent(id)}` }, { label: "Findings" }]}
        title={`Findings: ${system.name}`}
        description={
          <>
            Results of LLM security scanners (garak, promptfoo, ModelScan, SARIF, CSV) run against this AI system, mapped to MITRE ATLAS and the OWASP LLM Top
            10. {system.archived && <span className="rounded bg-slate-200 px-2 text-xs">Archived: read-only</span>}
          </>
        }
        actions={
          <Link href="/findings/mappings" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50">
            Scanner test mappings
          </Link>
        }
      />
      <SystemTabs systemId={id} current="findings" />
      <div className="space-y-6">
        <div className="grid gap-6 xl:grid-cols-2">
          {viewer.canImportFindings && (
            <Card as="section" aria-labelledby="upload-h">
              <h2 id="upload-h" className="mb-2 text-base font-semibold">
                Import scanner results
              </h2>
              <FindingsUpload uploadUrl={`${base}/import`} maxBytes={findingsMaxBytes()} />
              <p className="mt-3 text-xs text-slate-600">
                No supported scanner?{" "}
                <a href="/findings/csv-template" download className="text-brand-700 underline">
                  Download the CSV template
                </a>
                , fill in one row per test and import it with the format “CSV”.
              </p>
            </Card>
          )}
          <Card as="section" aria-labelledby="coverage-h">
            <h2 id="coverage-h" className="mb-2 text-base font-semibold">
              ATLAS coverage
            </h2>
            <CoverageFigures systemId={id} coverage={page.coverage} />
          </Card>
        </div>
        <Card as="section" aria-labelledby="imports-h">
          <h2 id="imports-h" className="mb-2 text-base font-semibold">
            Imports ({page.imports.length})
          </h2>
          {page.imports.length === 0 ? (
            <p className="text-sm text-slate-600">
              Nothing imported yet.{" "}
              {viewer.canImportFindings
                ? "Upload a scanner report above: a garak report.jsonl, a promptfoo results JSON, a ModelScan or SARIF report, or the CSV template."
                : "A compliance officer, an admin or the system's risk owner can import scanner results here."}
            </p>
          ) : (
            <ImportsList imports={page.imports} findingsHref={(importId) => `${base}?importId=${encodeURIComponent(importId)}`} />
          )}
        </Card>
        <FindingsCharts charts={page.charts} owaspTitles={owaspTitles} />
        <section aria-labelledby="findings-h">
          <h2 id="findings-h" className="mb-2 text-base font-semibold">
            Findings ({findings.total})
          </h2>
          {(findings.total > 0 || filtered) && (
            <FindingFilters
              action={base}
              filters={query}
              tools={[...new Set(page.imports.map((row) => row.tool).filter((tool): tool is string => !!tool))]}
              imports={page.imports.filter((row) => row.importId).map((row) => ({ value: row.id, label: row.fileName || row.id }))}
              owaspItems={owaspItems.map((item) => ({ value: item.id, label: `${item.id} ${item.title}` }))}
            />
          )}
          {findings.total === 0 ? (
            <EmptyState title={filtered ? "No findings match these filters" : "No findings yet"}>
              {filtered
                ? "Reset the filters to see every finding of this system."
                : "A finding opens when an imported test fails. Import a scanner report to see what failed, or map your tests on Scanner test mappings."}
            </EmptyState>
          ) : (
            <>
              <FindingsTable list={findings} showSystem={false} />
              <FindingsPagination list={findings} basePath={base} query={query} />
            </>
          )}
        </section>
      </div>
    </>
  );
}
