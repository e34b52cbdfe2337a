import type { Metadata } from "next";
import Link from "next/link";
import { requirePageSession } from "@/lib/web/page-session";
import { FRAMEWORK_INFO } from "@/lib/catalogs/frameworks";
import { SEARCH_LIMIT, searchCatalogs, type CatalogSearchResult } from "@/lib/catalogs/search-catalogs";
import { catalogSearchQuerySchema } from "@/lib/catalogs/schemas";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Search catalogs" };

const KIND_LABELS: Record<CatalogSearchResult["kind"], string> = {
  tactic: "MITRE ATLAS tactic",
  technique: "MITRE ATLAS technique",
  mitigation: "MITRE ATLAS mitigation",
  case_study: "MITRE ATLAS case study",
  framework_item: "",
};

function source(result: CatalogSearchResult): string {
  return result.kind === "framework_item" && result.framework ? FRAMEWORK_INFO[result.framework].name : KIND_LABELS[result.kind];
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageSession();
  const { q = "" } = catalogSearchQuerySchema.parse(await searchParams);
  const results = searchCatalogs(q);
  return (
    <>
      <PageHeader
        title="Search catalogs"
        description="MITRE ATLAS, OWASP Top 10 for LLM and Agentic Applications, ISO/IEC 42001 Annex A, the EU AI Act and the NIST AI RMF, by id (AML.T0051, LLM01, A.6.2.4, Art 9, GV-1.1) or by words."
      />
      <form action="/search" method="get" role="search" className="mb-6 flex max-w-2xl gap-2">
        <label htmlFor="catalog-q" className="sr-only">
          Search catalogs
        </label>
        <input
          id="catalog-q"
          name="q"
          type="search"
          defaultValue={q}
          placeholder="e.g. prompt injection, AML.T0051, Art 14"
          className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          Search
        </button>
      </form>
      {q && results.length === 0 && <EmptyState title={`Nothing matches “${q}”`}>Try an id such as AML.T0051, or fewer words.</EmptyState>}
      {results.length > 0 && (
        <section aria-label="Results" className="rounded-xl border border-slate-200 bg-white">
          <p className="border-b border-slate-200 px-4 py-2 text-xs text-slate-500">
            {results.length === SEARCH_LIMIT ? `The first ${SEARCH_LIMIT} matches` : `${results.length} ${results.length === 1 ? "match" : "matches"}`}
          </p>
          <ul className="divide-y divide-slate-100" data-testid="search-results">
            {results.map((r) => (
              <li key={`${r.kind}:${r.framework ?? ""}:${r.id}`} className="flex flex-wrap items-baseline gap-x-3 px-4 py-2 text-sm">
                <Link href={r.href} className="font-mono text-brand-700 hover:underline">
                  {r.id}
                </Link>
                <span className="text-slate-900">{r.title}</span>
                <span className="ml-auto text-xs text-slate-500">{source(r)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
