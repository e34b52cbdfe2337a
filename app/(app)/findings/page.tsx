import type { Metadata } from "next";
import Link from "next/link";
import { requirePageSession } from "@/lib/web/page-session";
import { loadOrNotFound } from "@/lib/web/load-or-not-found";
import { getFindingsPage } from "@/lib/findings/get-findings-page";
import { getOwaspCatalog } from "@/lib/catalogs/get-owasp-catalog";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FindingFilters } from "@/components/findings/finding-filters";
import { FindingsPagination, FindingsTable } from "@/components/findings/findings-table";
import { FindingsCharts } from "@/components/findings/charts/findings-charts";
import { ImportsList } from "@/components/findings/imports-list";
import { findingFilterParams } from "@/components/findings/search-params";

export const metadata: Metadata = { title: "Findings" };

export default async function FindingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requirePageSession();
  const query = findingFilterParams(await searchParams);
  // a systemId filter of another organisation (or none) is NOT_FOUND → the 404 page
  const page = await loadOrNotFound(getFindingsPage({ ctx: session.ctx, input: query }));
  const { findings, filterOptions } = page;
  const owaspItems = getOwaspCatalog().llm2025.items;
  const owaspTitles = Object.fromEntries(owaspItems.map((item) => [item.id, item.title]));
  const filtered = Object.keys(query).some((key) => key !== "page");
  const nothingImported = page.recentImports.length === 0;
  return (
    <>
      <PageHeader
        title="Findings"
        description="Failing tests from LLM security scanners (garak, promptfoo, ModelScan, SARIF, CSV) across the organisation's AI systems, mapped to MITRE ATLAS and the OWASP LLM Top 10 (2025). Import scanner files on an AI system's Findings tab."
        actions={
          <div className="flex flex-wrap gap-2">
            <Link
              href="/threats?overlay=org&coverage=findings"
              className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50"
              data-testid="org-coverage-link"
            >
              Open findings on the ATLAS matrix
            </Link>
            <Link href="/findings/mappings" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50">
              Scanner test mappings{page.unmappedTests > 0 ? ` (${page.unmappedTests} unmapped)` : ""}
            </Link>
          </div>
        }
      />
      {nothingImported ? (
        <EmptyState title="No scanner results imported yet">
          Open an AI system in the{" "}
          <Link href="/systems" className="text-brand-700 underline">
            inventory
          </Link>
          , go to its Findings tab and upload a scanner report (a garak report.jsonl, promptfoo results, a ModelScan or SARIF report, or the CSV template).
          Failing tests become findings here.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          <FindingsCharts charts={page.charts} owaspTitles={owaspTitles} />
          <section aria-labelledby="findings-h">
            <h2 id="findings-h" className="mb-2 text-base font-semibold">
              Findings ({findings.total})
            </h2>
            <FindingFilters
              action="/findings"
              filters={query}
              systems={filterOptions.systems.map((s) => ({ value: s.id, label: s.name }))}
              tools={filterOptions.tools}
              imports={filterOptions.imports.map((i) => ({ value: i.id, label: i.label }))}
              owaspItems={owaspItems.map((item) => ({ value: item.id, label: `${item.id} ${item.title}` }))}
            />
            {findings.total === 0 ? (
              <EmptyState title={filtered ? "No findings match these filters" : "No findings yet"}>
                {filtered
                  ? "Reset the filters to see every finding."
                  : "The imported tests all passed: no finding is open. Import the next run to keep it that way."}
              </EmptyState>
            ) : (
              <>
                <FindingsTable list={findings} showSystem />
                <FindingsPagination list={findings} basePath="/findings" query={query} />
              </>
            )}
          </section>
          <Card as="section" aria-labelledby="imports-h">
            <h2 id="imports-h" className="mb-2 text-base font-semibold">
              Recent imports
            </h2>
            <ImportsList imports={page.recentImports} findingsHref={(importId) => `/findings?importId=${encodeURIComponent(importId)}`} />
          </Card>
        </div>
      )}
    </>
  );
}
