import { z } from "zod";

/** The formats a model card is generated in: a Hugging Face README.md, or Model Card Toolkit JSON (schema v0.0.2). */
export const MODEL_CARD_FORMATS = ["hf", "mct"] as const;
export type ModelCardFormat = (typeof MODEL_CARD_FORMATS)[number];

/** An imported README.md is read as text; a card far larger than this is not a model card. */
export const MODEL_CARD_MAX_BYTES = 512 * 1024;

/**
 * One evaluation result, flattened from a card's `model-index` (one row per metric) or derived from an
 * imported scanner run. `value` stays as written: a number, or a string such as "20.0 ± 1.2".
 */
export const evalResultSchema = z.strictObject({
  task: z.string().min(1),
  taskName: z.string().optional(),
  dataset: z.string().min(1),
  datasetName: z.string().optional(),
  datasetConfig: z.string().optional(),
  datasetSplit: z.string().optional(),
  metric: z.string().min(1),
  metricName: z.string().optional(),
  value: z.union([z.number(), z.string()]),
  modelName: z.string().optional(),
  sourceName: z.string().optional(),
  sourceUrl: z.string().optional(),
});
export type EvalResult = z.infer<typeof evalResultSchema>;

const text = (label: string) => z.string({ error: `${label} must be text` });
const listOrOne = (label: string) => z.union([text(label), z.array(text(label))], { error: `${label} must be text or a list of texts` });

/** `model-index` as the Hugging Face Hub specifies it (required keys only; extra keys allowed). */
export const modelIndexSchema = z.array(
  z.looseObject({
    name: text("name"),
    results: z.array(
      z.looseObject({
        task: z.looseObject({ type: text("task.type"), name: text("task.name").optional() }),
        dataset: z.looseObject({
          type: text("dataset.type"),
          name: text("dataset.name"),
          config: text("dataset.config").optional(),
          split: text("dataset.split").optional(),
        }),
        metrics: z.array(
          z.looseObject({
            type: text("metric type"),
            value: z.union([z.number(), z.string()], { error: "A metric value must be a number or text" }),
            name: text("metric name").optional(),
          }),
        ),
        source: z.looseObject({ url: text("source.url"), name: text("source.name").optional() }).optional(),
      }),
    ),
  }),
  { error: "model-index must be a list of models" },
);

/** The front matter keys read into a component's columns; every other key is kept as it was written. */
export const HF_KEYS = {
  license: text("license"),
  language: listOrOne("language"),
  base_model: listOrOne("base_model"),
  datasets: listOrOne("datasets"),
  pipeline_tag: text("pipeline_tag"),
  library_name: text("library_name"),
  tags: listOrOne("tags"),
} as const;

/** What was read from a Hugging Face model card (the import's answer, also over REST). */
export type ModelCardRead = {
  frontMatter: boolean;
  license: string | null;
  licenseName: string | null;
  baseModel: string[];
  libraryName: string | null;
  pipelineTag: string | null;
  languages: string[];
  datasets: string[];
  tags: string[];
  /** null: no (valid) model-index, so the component's evaluation results were left as they were. */
  evalResults: EvalResult[] | null;
  /** Front matter keys kept without a column of their own (shown, and written back into generated cards). */
  keptKeys: string[];
  /** The card's name: model-index name, else its first heading. */
  modelName: string | null;
  text: string;
  metadata: Record<string, unknown>;
  warnings: string[];
};

export const importModelCardOptionsSchema = z.strictObject({
  componentId: z.string().min(1).optional(),
});

export const modelCardQuerySchema = z.strictObject({
  format: z.enum(MODEL_CARD_FORMATS).default("hf"),
  componentId: z.string().min(1).optional(),
});

const evalResultOut = evalResultSchema;
export const importModelCardResultSchema = z.object({
  componentId: z.string(),
  componentName: z.string(),
  created: z.boolean(),
  frontMatter: z.boolean(),
  license: z.string().nullable(),
  baseModel: z.array(z.string()),
  libraryName: z.string().nullable(),
  pipelineTag: z.string().nullable(),
  languages: z.array(z.string()),
  datasets: z.array(z.string()),
  tags: z.array(z.string()),
  evalResults: z.array(evalResultOut).nullable(),
  keptKeys: z.array(z.string()),
  warnings: z.array(z.string()),
  changed: z.array(z.string()),
});
export type ImportModelCardResult = z.infer<typeof importModelCardResultSchema>;

/** The BOM import's answer (importBom), also over REST. */
export const BOM_MAX_BYTES = 5 * 1024 * 1024;
const bomEntry = z.object({ id: z.string(), kind: z.string(), name: z.string() });
export const importBomResultSchema = z.object({
  specVersion: z.string(),
  created: z.array(bomEntry),
  updated: z.array(bomEntry.extend({ changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })) })),
  unchanged: z.int(),
  skipped: z.array(z.object({ name: z.string(), type: z.string() })),
});

export const verifyHashResultSchema = z.object({
  componentId: z.string(),
  name: z.string(),
  result: z.enum(["match", "mismatch"]),
  recorded: z.string(),
  checked: z.string(),
  source: z.enum(["file", "stated"]),
  checkedAt: z.string(),
});
