import type { Metadata } from "next";
import { requirePageSession } from "@/lib/web/page-session";
import { loadOrNotFound } from "@/lib/web/load-or-not-found";
import { getSystemModelCardPage } from "@/lib/model-cards/get-system-model-card-page";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { SystemTabs } from "@/components/systems/system-tabs";
import { COMPONENT_KIND_LABELS } from "@/components/labels";
import { ModelCardImportForm } from "@/components/model-cards/model-card-import-form";
import { BomImportForm } from "@/components/model-cards/bom-import-form";
import { VerifyHashForm } from "@/components/model-cards/verify-hash-form";
import { importBomAction, importModelCardAction, verifyComponentHashAction } from "./actions";

export const metadata: Metadata = { title: "Model card and bill of materials" };

const linkClass = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50";

export default async function SystemModelCardPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requirePageSession();
  const { id } = await params;
  const query = await searchParams;
  const componentId = typeof query.component === "string" && query.component ? query.component : undefined;
  const page = await loadOrNotFound(getSystemModelCardPage({ ctx: session.ctx, input: { systemId: id, componentId } }));
  const { system, viewer, components, selectedComponentId } = page;
  const base = `/systems/${encodeURIComponent(id)}`;
  const models = components.filter((c) => c.kind === "model");
  const cardQuery = selectedComponentId ? `&componentId=${encodeURIComponent(selectedComponentId)}` : "";
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "Inventory", href: "/systems" }, { label: system.name, href: base }, { label: "Model card" }]}
        title={`Model card: ${system.name}`}
        description={
          <>
            The system&apos;s model documentation generated from the inventory: a Hugging Face model card, Model Card Toolkit JSON and a CycloneDX ML-BOM.
            Evaluation results include the attack success rate per test of the latest scanner import.{" "}
            {system.archived && <span className="rounded bg-slate-200 px-2 text-xs">Archived: read-only</span>}
          </>
        }
      />
      <SystemTabs systemId={id} current="model-card" />
      <div className="space-y-6">
        <Card as="section" aria-labelledby="card-h">
          <h2 id="card-h" className="mb-2 text-base font-semibold">
            Model card
          </h2>
          <form method="get" action={`${base}/model-card`} className="flex flex-wrap items-end gap-3">
            <div>
              <label htmlFor="card-for" className="block text-sm font-medium text-slate-800">
                Card of
              </label>
              <select
                id="card-for"
                name="component"
                defaultValue={selectedComponentId ?? ""}
                className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
              >
                <option value="">The whole AI system</option>
                {models.map((m) => (
                  <option key={m.id} value={m.id}>
                    Model component: {m.name}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className={linkClass}>
              Show
            </button>
          </form>
          <div className="mt-4 flex flex-wrap gap-2">
            <a href={`${base}/model-card/download?format=hf${cardQuery}`} download className={linkClass}>
              Download README.md (Hugging Face)
            </a>
            <a href={`${base}/model-card/download?format=mct${cardQuery}`} download className={linkClass}>
              Download Model Card Toolkit JSON
            </a>
            <a href={`${base}/bom`} download className={linkClass}>
              Download CycloneDX ML-BOM
            </a>
          </div>
          <p className="mt-3 text-xs text-slate-600">
            {page.scan
              ? `Scanner results from the latest import (${page.scan.tool ?? "scanner"}, ${page.scan.fileName || page.scan.importId}): ${page.scanResultCount} tests with evaluated outputs.`
              : "No scanner import yet: import one on the Findings tab to add attack success rates to the card."}
          </p>
          <h3 className="mt-4 text-sm font-semibold">Preview (README.md, shown as text)</h3>
          <pre
            data-testid="model-card-preview"
            className="mt-2 max-h-[32rem] overflow-auto whitespace-pre-wrap rounded-md bg-slate-50 p-3 font-mono text-xs text-slate-800"
            tabIndex={0}
          >
            {page.preview}
          </pre>
        </Card>

        <Card as="section" aria-labelledby="models-h">
          <h2 id="models-h" className="mb-2 text-base font-semibold">
            Components ({components.length})
          </h2>
          {components.length === 0 ? (
            <p className="text-sm text-slate-600">No components recorded. Add them on the Overview tab, or import a model card or a BOM below.</p>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="model-card-components">
              {components.map((c) => (
                <li key={c.id} className="grid gap-4 py-3 lg:grid-cols-2">
                  <div className="text-sm">
                    <p className="font-medium">
                      {c.name} <span className="text-xs text-slate-600">({COMPONENT_KIND_LABELS[c.kind]})</span>
                    </p>
                    <dl className="mt-1 grid grid-cols-3 gap-x-2 gap-y-0.5 text-xs">
                      <dt className="text-slate-600">Licence</dt>
                      <dd className="col-span-2">{c.licence || "—"}</dd>
                      <dt className="text-slate-600">Base model</dt>
                      <dd className="col-span-2">{c.baseModels.join(", ") || "—"}</dd>
                      <dt className="text-slate-600">Languages</dt>
                      <dd className="col-span-2">{c.languages.join(", ") || "—"}</dd>
                      <dt className="text-slate-600">Datasets</dt>
                      <dd className="col-span-2">{c.datasets.join(", ") || "—"}</dd>
                      <dt className="text-slate-600">Pipeline / library</dt>
                      <dd className="col-span-2">{[c.pipelineTag, c.libraryName].filter(Boolean).join(" / ") || "—"}</dd>
                      <dt className="text-slate-600">Evaluation results</dt>
                      <dd className="col-span-2">{c.evalResults.length}</dd>
                      <dt className="text-slate-600">SHA-256</dt>
                      <dd className="col-span-2 break-all font-mono">{c.sha256 || "—"}</dd>
                    </dl>
                  </div>
                  {viewer.canEdit && c.kind === "model" && (
                    <div>
                      {c.sha256 ? (
                        <VerifyHashForm action={verifyComponentHashAction.bind(null, id, c.id)} componentName={c.name} idPrefix={`verify-${c.id}`} />
                      ) : (
                        <p className="text-xs text-slate-600">Record the artefact&apos;s SHA-256 on the component (Overview tab, Edit) to verify it later.</p>
                      )}
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>

        {viewer.canEdit && (
          <div className="grid gap-6 xl:grid-cols-2">
            <Card as="section" aria-labelledby="import-card-h">
              <h2 id="import-card-h" className="mb-2 text-base font-semibold">
                Import a Hugging Face model card
              </h2>
              <p className="mb-3 text-sm text-slate-600">
                Its metadata fills a model component: licence, base model, languages, datasets, pipeline, library and evaluation results. Other keys are kept.
              </p>
              <ModelCardImportForm action={importModelCardAction.bind(null, id)} models={models.map((m) => ({ id: m.id, name: m.name }))} />
            </Card>
            <Card as="section" aria-labelledby="import-bom-h">
              <h2 id="import-bom-h" className="mb-2 text-base font-semibold">
                Import a bill of materials
              </h2>
              <p className="mb-3 text-sm text-slate-600">
                Models, datasets and services of a CycloneDX BOM create or update this system&apos;s components; components it does not mention are kept.
              </p>
              <BomImportForm action={importBomAction.bind(null, id)} />
            </Card>
          </div>
        )}
      </div>
    </>
  );
}
