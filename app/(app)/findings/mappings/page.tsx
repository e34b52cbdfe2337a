import type { Metadata } from "next";
import Link from "next/link";
import { requirePageSession } from "@/lib/web/page-session";
import { getTestMappingsPage } from "@/lib/findings/get-test-mappings-page";
import { getOwaspCatalog } from "@/lib/catalogs/get-owasp-catalog";
import { formatDate } from "@/lib/utils/format-date";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { MappingForm } from "@/components/findings/mapping-form";
import { saveTestMappingAction } from "../actions";

export const metadata: Metadata = { title: "Scanner test mappings" };

export default async function TestMappingsPage() {
  const session = await requirePageSession();
  const page = await getTestMappingsPage({ ctx: session.ctx });
  const owaspOptions = getOwaspCatalog().llm2025.items.map((item) => ({ value: item.id, label: `${item.id.replace(":2025", "")} ${item.title}` }));
  const { canMap } = page.viewer;
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "Findings", href: "/findings" }, { label: "Scanner test mappings" }]}
        title="Scanner test mappings"
        description="Which MITRE ATLAS techniques and OWASP LLM Top 10 (2025) items a scanner test exercises. Built-in rows cover garak probes, promptfoo plugins, ModelScan operators and SARIF/CSV tags; the organisation's own mappings below take precedence, for the results already imported and every later import."
      />
      <div className="space-y-6">
        <section aria-labelledby="unmapped-h">
          <h2 id="unmapped-h" className="mb-2 text-base font-semibold">
            Tests without a mapping ({page.unmapped.length})
          </h2>
          {page.unmapped.length === 0 ? (
            <EmptyState title="Every imported test is mapped">
              Tests that no built-in row or organisation mapping covers show up here after an import, once per tool and test.
            </EmptyState>
          ) : (
            <ul className="grid gap-4 xl:grid-cols-2" data-testid="unmapped-tests">
              {page.unmapped.map((test, i) => (
                <li key={`${test.tool}|${test.testId}`}>
                  <Card className="space-y-2">
                    <h3 className="text-sm font-semibold">
                      <span className="font-mono">{test.testId}</span> <span className="font-normal text-slate-600">({test.tool})</span>
                    </h3>
                    <p className="text-xs text-slate-600">
                      {test.results} result{test.results === 1 ? "" : "s"}, {test.findings} finding{test.findings === 1 ? "" : "s"}; last seen{" "}
                      {formatDate(test.lastSeenAt)}
                    </p>
                    {canMap ? (
                      <MappingForm
                        action={saveTestMappingAction}
                        idPrefix={`unmapped-${i}`}
                        tool={test.tool}
                        testId={test.testId}
                        owaspOptions={owaspOptions}
                      />
                    ) : (
                      <p className="text-xs text-slate-600">An admin or a compliance officer can map this test.</p>
                    )}
                  </Card>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="mappings-h">
          <h2 id="mappings-h" className="mb-2 text-base font-semibold">
            The organisation&apos;s mappings ({page.mappings.length})
          </h2>
          {page.mappings.length === 0 ? (
            <EmptyState title="No mappings of the organisation yet">
              Map a test above: it applies at once to the test's findings and to every later import of it.{" "}
              <Link href="/findings" className="text-brand-700 underline">
                Back to the findings
              </Link>
            </EmptyState>
          ) : (
            <ul className="grid gap-4 xl:grid-cols-2" data-testid="org-mappings">
              {page.mappings.map((mapping, i) => (
                <li key={mapping.id}>
                  <Card className="space-y-2">
                    <h3 className="text-sm font-semibold">
                      <span className="font-mono">{mapping.testId}</span> <span className="font-normal text-slate-600">({mapping.tool})</span>
                    </h3>
                    <p className="text-xs text-slate-600">
                      {[...mapping.techniqueIds, ...mapping.owaspIds].join(", ") || "Mapped to nothing"} · saved {formatDate(mapping.updatedAt)}
                      {mapping.note ? ` · ${mapping.note}` : ""}
                    </p>
                    {canMap && (
                      <details>
                        <summary className="cursor-pointer text-sm text-brand-700 underline">Change</summary>
                        <div className="mt-2">
                          <MappingForm
                            action={saveTestMappingAction}
                            idPrefix={`mapping-${i}`}
                            tool={mapping.tool}
                            testId={mapping.testId}
                            techniqueIds={mapping.techniqueIds}
                            owaspIds={mapping.owaspIds}
                            note={mapping.note}
                            owaspOptions={owaspOptions}
                          />
                        </div>
                      </details>
                    )}
                  </Card>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
