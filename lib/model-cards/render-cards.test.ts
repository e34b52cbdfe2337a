import { describe, expect, it } from "vitest";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import { parse } from "yaml";
import { readReference } from "@/tests/reference-data";
import { renderHfCard } from "./render-hf-card";
import { buildMctCard } from "./build-mct-card";
import { parseHfCard } from "./parse-hf-card";
import type { CardComponent, CardSource } from "./internal";

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** With `formats`, also the string formats (date, uri), which the toolkit's own (Python) validation does not assert. */
function mctValidator({ formats }: { formats: boolean }) {
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: formats });
  if (formats) addFormats(ajv);
  return ajv.compile(JSON.parse(readReference("model-cards/mct/model_card.schema.json")));
}

const model = (over: Partial<CardComponent> = {}): CardComponent => ({
  id: "c1",
  kind: "model",
  name: "support-bot-llm",
  version: "2.1",
  sourceUrl: "https://huggingface.co/acme/support-bot-llm",
  licence: "apache-2.0",
  sha256: "a".repeat(64),
  baseModels: ["meta-llama/Llama-3.1-8B-Instruct"],
  languages: ["en", "de"],
  datasets: ["acme/tickets"],
  pipelineTag: "text-generation",
  libraryName: "transformers",
  evalResults: [{ task: "text-generation", dataset: "cais/mmlu", datasetName: "MMLU", metric: "accuracy", value: "61.2 ± 0.4" }],
  cardText: "",
  cardMetadata: {},
  ...over,
});

const source = (over: Partial<CardSource> = {}): CardSource => ({
  system: {
    id: "s1",
    name: "Customer support assistant",
    description: "Answers customer questions | with a pipe",
    purpose: "Answer support tickets",
    deploymentContext: "Customer portal",
    affectedPersons: "Customers",
    humanOversight: "Agents review escalations",
    vendor: "Acme",
    foundationModel: "gpt-4o",
    modelType: "LLM",
    dataCategories: ["personal_data"],
    riskTier: "limited",
    euAiActRole: "deployer",
    ownerName: "Olga Owner",
    ownerEmail: "olga@example.com",
    ownerId: "u1",
    archived: false,
  },
  components: [model(), { ...model({ id: "d1", kind: "dataset", name: "Ticket archive", baseModels: [], evalResults: [] }) }],
  component: null,
  scan: { importId: "i1", tool: "garak", toolVersion: "0.13.0", completedAt: "2026-12-01T10:00:00.000Z", fileName: "report.jsonl" },
  scanResults: [
    {
      task: "text-generation",
      taskName: "Security scan (garak)",
      dataset: "garak:promptinject.HijackHateHumans",
      datasetName: "promptinject.HijackHateHumans",
      metric: "attack_success_rate",
      metricName: "Attack success rate (failed / evaluated outputs; lower is better)",
      value: 0.25,
    },
  ],
  ...over,
});

function frontMatter(card: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(card);
  expect(match).not.toBeNull();
  return parse(match![1]) as Record<string, unknown>;
}

describe("renderHfCard", () => {
  it("writes the Hub's metadata and the template's headings for a model component, with the scanner's attack success rate", () => {
    const s = source();
    const card = renderHfCard({ ...s, component: s.components[0] });
    const meta = frontMatter(card);
    expect(meta).toMatchObject({
      license: "apache-2.0",
      language: ["en", "de"],
      library_name: "transformers",
      pipeline_tag: "text-generation",
      datasets: ["acme/tickets"],
      base_model: "meta-llama/Llama-3.1-8B-Instruct",
    });
    expect(meta.tags).toEqual(["ai-governance", "eu-ai-act-limited"]);
    for (const heading of [
      "# Model Card for support-bot-llm",
      "## Model Details",
      "### Model Description",
      "## Uses",
      "### Direct Use",
      "### Out-of-Scope Use",
      "## Bias, Risks, and Limitations",
      "### Recommendations",
      "## How to Get Started with the Model",
      "## Training Details",
      "## Evaluation",
      "### Results",
      "## Environmental Impact",
      "## Model Card Contact",
    ])
      expect(card.split("\n")).toContain(heading);
    expect(card).toContain("Answers customer questions | with a pipe"); // escaped in table cells only
    // the generated card reads back: the same values, a valid model-index with both results
    const read = parseHfCard(card);
    expect(read.warnings).toEqual([]);
    expect(read.evalResults).toEqual([
      expect.objectContaining({ metric: "accuracy", value: "61.2 ± 0.4", dataset: "cais/mmlu" }),
      expect.objectContaining({ metric: "attack_success_rate", value: 0.25, dataset: "garak:promptinject.HijackHateHumans", modelName: "support-bot-llm" }),
    ]);
  });

  it("writes a licence that is no Hub id as license: other with its name, and keeps imported keys", () => {
    const s = source();
    const component = model({
      licence: "Acme Community Licence",
      cardMetadata: { license_link: "https://example.com/l", new_version: "acme/v3", tags: ["chat"] },
    });
    const meta = frontMatter(renderHfCard({ ...s, components: [component], component }));
    expect(meta).toMatchObject({ license: "other", license_name: "Acme Community Licence", license_link: "https://example.com/l", new_version: "acme/v3" });
    expect(meta.tags).toEqual(["chat", "ai-governance", "eu-ai-act-limited"]);
  });

  it("writes the system's card from all its components, without a model-index when nothing was evaluated", () => {
    const s = source({ scanResults: [], scan: null, components: [model({ evalResults: [] })] });
    const card = renderHfCard(s);
    const meta = frontMatter(card);
    expect(meta.base_model).toEqual(["gpt-4o", "meta-llama/Llama-3.1-8B-Instruct"]);
    expect(meta["model-index"]).toBeUndefined();
    expect(card).toContain("# Model Card for Customer support assistant");
    expect(card).toContain("No scanner import is recorded for this system.");
  });
});

describe("buildMctCard", () => {
  const validate = mctValidator({ formats: true });
  const structure = mctValidator({ formats: false });

  it("the reference samples validate (the validator is strict enough to fail)", () => {
    for (const file of ["full.json", "cats_vs_dogs_v0_0_2.json", "considerations.json"]) {
      expect(structure(JSON.parse(readReference(`model-cards/mct/${file}`))), file).toBe(true);
    }
    // their dates ("2021-…" free text) and relative links are no JSON Schema date / uri: the format check is stricter
    expect(validate(JSON.parse(readReference("model-cards/mct/full.json")))).toBe(false);
    expect(validate({ model_details: { name: "x" }, unknown: 1 })).toBe(false);
    expect(validate({ quantitative_analysis: { performance_metrics: [{ type: "acc", value: 0.9 }] } })).toBe(false);
  });

  it("is valid against the Model Card Toolkit v0.0.2 schema, with metric values as strings", () => {
    const s = source();
    for (const card of [buildMctCard(s), buildMctCard({ ...s, component: s.components[0] }), buildMctCard(source({ components: [], scanResults: [] }))]) {
      expect(validate(card), JSON.stringify(validate.errors)).toBe(true);
    }
    const card = buildMctCard({ ...s, component: s.components[0] });
    expect(card.model_details).toMatchObject({ name: "support-bot-llm", version: { name: "2.1" }, licenses: [{ identifier: "apache-2.0" }] });
    expect(card.quantitative_analysis.performance_metrics).toEqual([
      { type: "accuracy", value: "61.2 ± 0.4", slice: "text-generation / MMLU" },
      {
        type: "attack_success_rate (Attack success rate (failed / evaluated outputs; lower is better))",
        value: "0.25",
        slice: "Security scan (garak) / promptinject.HijackHateHumans",
      },
    ]);
  });
});
