import type { CardComponent, CardSource } from "./internal";
import type { EvalResult } from "./schemas";

// The one mapping of the inventory to the fields both card formats show (pure).

export type CardFields = {
  name: string;
  version: string;
  licence: string;
  licenceName: string | null;
  licenceLink: string | null;
  baseModels: string[];
  languages: string[];
  datasets: string[];
  pipelineTag: string;
  libraryName: string;
  sourceUrl: string;
  sha256: string;
  tags: string[];
  evalResults: EvalResult[];
  /** Front matter keys of an imported card kept as written (not model-index, which is generated). */
  keptMetadata: Record<string, unknown>;
};

const unique = (values: string[]) => [...new Set(values.map((v) => v.trim()).filter(Boolean))];

/** An HF licence identifier is lower case without spaces (apache-2.0, mit, llama3.1, other, …). */
export function isHfLicenceId(value: string): boolean {
  return /^[a-z0-9][a-z0-9.+-]*$/.test(value);
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

function tagsOf(metadata: Record<string, unknown>): string[] {
  const tags = metadata.tags;
  if (typeof tags === "string") return [tags];
  return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === "string") : [];
}

export function cardFields(source: CardSource): CardFields {
  const { system, components, component } = source;
  const models = components.filter((c) => c.kind === "model");
  const primary: CardComponent | null = component ?? models[0] ?? null;
  const metadata = { ...(primary?.cardMetadata ?? {}) };
  delete metadata["model-index"];
  const licence = primary?.licence ?? "";
  const importedName = text(metadata.license_name);
  const licenceName = importedName && importedName === licence ? importedName : licence && !isHfLicenceId(licence) ? licence : null;
  delete metadata.license_name;
  const licenceLink = licenceName ? text(metadata.license_link) : null;
  delete metadata.license_link;
  const tags = unique([
    ...tagsOf(metadata),
    "ai-governance",
    ...(system.riskTier !== "unclassified" ? [`eu-ai-act-${system.riskTier.replace(/_/g, "-")}`] : []),
  ]);
  delete metadata.tags;
  const datasetComponents = component ? [] : components.filter((c) => c.kind === "dataset").map((c) => c.name);
  const baseModels = component
    ? component.baseModels
    : unique([...(system.foundationModel ? [system.foundationModel] : []), ...models.flatMap((m) => (m.baseModels.length ? m.baseModels : [m.name]))]);
  return {
    name: component?.name ?? system.name,
    version: component?.version ?? "",
    licence: licenceName ? "other" : licence,
    licenceName,
    licenceLink,
    baseModels: unique(baseModels),
    languages: unique(component ? component.languages : models.flatMap((m) => m.languages)),
    datasets: unique([...(component ? component.datasets : models.flatMap((m) => m.datasets)), ...datasetComponents]),
    pipelineTag: primary?.pipelineTag ?? "",
    libraryName: primary?.libraryName ?? "",
    sourceUrl: component?.sourceUrl ?? "",
    sha256: component?.sha256 ?? "",
    tags,
    evalResults: [...(component ? component.evalResults : models.flatMap((m) => m.evalResults)), ...source.scanResults],
    keptMetadata: metadata,
  };
}

/** Groups flat evaluation results back into the Hub's model-index (one model, results per task × dataset). */
export function toModelIndex(name: string, results: EvalResult[]) {
  const groups = new Map<
    string,
    { task: Record<string, string>; dataset: Record<string, string>; metrics: Record<string, unknown>[]; source?: Record<string, string> }
  >();
  for (const r of results) {
    const key = JSON.stringify([r.task, r.taskName, r.dataset, r.datasetName, r.datasetConfig, r.datasetSplit, r.sourceUrl, r.sourceName]);
    let group = groups.get(key);
    if (!group) {
      const task: Record<string, string> = { type: r.task };
      if (r.taskName) task.name = r.taskName;
      const dataset: Record<string, string> = { type: r.dataset, name: r.datasetName ?? r.dataset };
      if (r.datasetConfig) dataset.config = r.datasetConfig;
      if (r.datasetSplit) dataset.split = r.datasetSplit;
      group = { task, dataset, metrics: [] };
      if (r.sourceUrl) group.source = { url: r.sourceUrl, ...(r.sourceName ? { name: r.sourceName } : {}) };
      groups.set(key, group);
    }
    group.metrics.push({ type: r.metric, value: r.value, ...(r.metricName ? { name: r.metricName } : {}) });
  }
  return [{ name, results: [...groups.values()] }];
}
