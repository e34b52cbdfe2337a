import { parseDocument } from "yaml";
import { HF_KEYS, modelIndexSchema, type EvalResult, type ModelCardRead } from "./schemas";

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n?---[ \t]*(?:\n|$)/;

function list(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => v.trim()).filter(Boolean);
}

function firstHeading(body: string): string | null {
  const match = /^#[ \t]+(.+?)[ \t]*#*[ \t]*$/m.exec(body);
  if (!match) return null;
  return match[1].replace(/^Model Card for\s+/i, "").trim() || null;
}

function describeIssue(issue: { path: PropertyKey[]; message: string }): string {
  const path = issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("");
  return `model-index${path}: ${issue.message}`;
}

/** Flattens a valid model-index into one row per metric (as huggingface_hub's EvalResult does). */
function flatten(index: ReturnType<typeof modelIndexSchema.parse>): EvalResult[] {
  const rows: EvalResult[] = [];
  for (const model of index) {
    for (const result of model.results) {
      for (const metric of result.metrics) {
        const row: EvalResult = { task: result.task.type, dataset: result.dataset.type, metric: metric.type, value: metric.value, modelName: model.name };
        if (result.task.name) row.taskName = result.task.name;
        if (result.dataset.name) row.datasetName = result.dataset.name;
        if (result.dataset.config) row.datasetConfig = result.dataset.config;
        if (result.dataset.split) row.datasetSplit = result.dataset.split;
        if (metric.name) row.metricName = metric.name;
        if (result.source?.url) row.sourceUrl = result.source.url;
        if (result.source?.name) row.sourceName = result.source.name;
        rows.push(row);
      }
    }
  }
  return rows;
}

/**
 * Reads a Hugging Face model card (README.md): the YAML front matter and the text after it. Pure and
 * forgiving, as the Hub's own reader is: a byte order mark and CRLF line ends are accepted; a card without
 * front matter, or with front matter that is not YAML, is read as text; a key of the wrong type is skipped
 * with a warning; an invalid `model-index` is reported and its results left out while the rest is read;
 * keys without a column of their own are kept in `metadata` as written.
 */
export function parseHfCard(source: string): ModelCardRead {
  const normalised = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const warnings: string[] = [];
  const match = FRONT_MATTER.exec(normalised);
  const body = (match ? normalised.slice(match[0].length) : normalised).replace(/^\n+/, "");
  let raw: Record<string, unknown> = {};
  if (!match) {
    warnings.push("The card has no YAML front matter (no metadata block between --- lines): it was read as text only.");
  } else {
    const doc = parseDocument(match[1], { uniqueKeys: false });
    const value: unknown = doc.errors.length ? undefined : doc.toJS({ maxAliasCount: 100 });
    if (doc.errors.length) {
      warnings.push(`The front matter is not valid YAML (${doc.errors[0].message.split("\n")[0]}): only the text was read.`);
    } else if (value === null || value === undefined) {
      raw = {};
    } else if (typeof value !== "object" || Array.isArray(value)) {
      warnings.push("The front matter is not a set of keys and values: only the text was read.");
    } else {
      raw = value as Record<string, unknown>;
    }
  }

  const read: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(HF_KEYS)) {
    if (raw[key] === undefined || raw[key] === null) continue;
    const parsed = schema.safeParse(raw[key]);
    if (parsed.success) read[key] = parsed.data;
    else warnings.push(`${key} was not read: ${parsed.error.issues[0]?.message ?? "wrong type"}.`);
  }

  let evalResults: EvalResult[] | null = null;
  let indexName: string | null = null;
  if (raw["model-index"] !== undefined && raw["model-index"] !== null) {
    const parsed = modelIndexSchema.safeParse(raw["model-index"]);
    if (parsed.success) {
      evalResults = flatten(parsed.data);
      indexName = parsed.data[0]?.name ?? null;
    } else {
      // the model's name is still the card's name, as written
      const first: unknown = Array.isArray(raw["model-index"]) ? raw["model-index"][0] : undefined;
      const name = first && typeof first === "object" ? (first as Record<string, unknown>).name : undefined;
      if (typeof name === "string" && name.trim()) indexName = name.trim();
      warnings.push(
        `Invalid model-index (${parsed.error.issues.slice(0, 3).map(describeIssue).join("; ")}): its evaluation results were not read; the rest of the card was.`,
      );
    }
  }

  const metadata: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key in HF_KEYS && key !== "tags" && key in read) continue; // stored in a column
    if (key === "model-index" && evalResults !== null) continue; // stored as evaluation results
    metadata[key] = value;
  }

  const license = typeof read.license === "string" ? read.license.trim() : null;
  const licenseName = typeof raw.license_name === "string" ? raw.license_name.trim() : null;
  return {
    frontMatter: !!match,
    license,
    licenseName,
    baseModel: list(read.base_model as string | string[] | undefined),
    libraryName: typeof read.library_name === "string" ? read.library_name.trim() || null : null,
    pipelineTag: typeof read.pipeline_tag === "string" ? read.pipeline_tag.trim() || null : null,
    languages: list(read.language as string | string[] | undefined),
    datasets: list(read.datasets as string | string[] | undefined),
    tags: list(read.tags as string | string[] | undefined),
    evalResults,
    keptKeys: Object.keys(metadata).filter((key) => key !== "tags"),
    modelName: indexName ?? firstHeading(body),
    text: body,
    metadata,
    warnings,
  };
}
