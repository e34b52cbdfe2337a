import { describe, expect, it } from "vitest";
import { readReference } from "@/tests/reference-data";
import { parseHfCard } from "./parse-hf-card";

// The Hub's own fixtures (reference data, read at run time) and cards written here for the cases they lack.

describe("parseHfCard on the reference cards", () => {
  it("reads the simple card: licence, language as a list, library, datasets; tags and metrics kept", () => {
    const read = parseHfCard(readReference("model-cards/hf/hfhub-sample_simple.md"));
    expect(read).toMatchObject({
      frontMatter: true,
      license: "mit",
      languages: ["en"],
      libraryName: "pytorch-lightning",
      datasets: ["beans"],
      tags: ["pytorch", "image-classification"],
      evalResults: null,
      modelName: "my-cool-model",
      warnings: [],
    });
    expect(read.keptKeys).toEqual(["metrics"]);
    expect(read.text.startsWith("# my-cool-model")).toBe(true);
  });

  it("flattens a model-index into one row per metric, keeping config, split and the model name", () => {
    const read = parseHfCard(readReference("model-cards/hf/hfhub-sample_simple_model_index.md"));
    expect(read.languages).toEqual(["en"]); // `language: en` as a string
    expect(read.evalResults).toEqual([
      { task: "image-classification", dataset: "beans", datasetName: "Beans", metric: "accuracy", value: 0.9, modelName: "my-cool-model" },
      {
        task: "image-classification",
        dataset: "beans",
        datasetName: "Beans",
        datasetConfig: "default",
        datasetSplit: "test",
        metric: "f1",
        value: 0.66,
        modelName: "my-cool-model",
      },
    ]);
    expect(read.warnings).toEqual([]);
  });

  it("reports an invalid model-index (no dataset) and still reads the rest", () => {
    const read = parseHfCard(readReference("model-cards/hf/hfhub-sample_invalid_model_index.md"));
    expect(read.evalResults).toBeNull();
    expect(read.warnings).toHaveLength(1);
    expect(read.warnings[0]).toMatch(/^Invalid model-index \(model-index\[0\]\.results\[0\]\.dataset: /);
    expect(read).toMatchObject({ license: "mit", libraryName: "timm", datasets: ["beans"], languages: ["en"] });
    expect(read.keptKeys).toContain("model-index"); // kept as written, not lost
    expect(read.modelName).toBe("my-cool-model"); // still named by it
  });
});

const CARD = [
  "---",
  "license: other",
  "license_name: acme-model-licence",
  "license_link: https://example.com/licence",
  "base_model:",
  "- org/base-a",
  "- org/base-b",
  "base_model_relation: merge",
  "pipeline_tag: text-generation",
  "library_name: transformers",
  "language: [en, de]",
  "datasets: org/corpus",
  "new_version: org/merged-v2",
  "co2_eq_emissions:",
  "  emissions: 12.5",
  "  source: codecarbon",
  "model-index:",
  "- name: merged-model",
  "  results:",
  "  - task: {type: text-generation, name: Text Generation}",
  "    dataset: {type: cais/mmlu, name: MMLU, split: test}",
  "    metrics:",
  "    - {type: accuracy, value: '20.0 ± 1.2', name: Accuracy}",
  "    - {type: f1, value: 0.5}",
  "    source: {url: 'https://example.com/leaderboard', name: Leaderboard}",
  "---",
  "",
  "# Model Card for merged-model",
  "",
  "Text.",
  "",
].join("\n");

describe("parseHfCard on written cards", () => {
  it("reads a base_model list, license other with its name, string metric values, a source; unknown keys kept", () => {
    const read = parseHfCard(CARD);
    expect(read).toMatchObject({
      license: "other",
      licenseName: "acme-model-licence",
      baseModel: ["org/base-a", "org/base-b"],
      pipelineTag: "text-generation",
      libraryName: "transformers",
      languages: ["en", "de"],
      datasets: ["org/corpus"],
      modelName: "merged-model",
      warnings: [],
    });
    expect(read.evalResults).toEqual([
      {
        task: "text-generation",
        taskName: "Text Generation",
        dataset: "cais/mmlu",
        datasetName: "MMLU",
        datasetSplit: "test",
        metric: "accuracy",
        metricName: "Accuracy",
        value: "20.0 ± 1.2",
        modelName: "merged-model",
        sourceUrl: "https://example.com/leaderboard",
        sourceName: "Leaderboard",
      },
      expect.objectContaining({ metric: "f1", value: 0.5 }),
    ]);
    expect(read.keptKeys.sort()).toEqual(["base_model_relation", "co2_eq_emissions", "license_link", "license_name", "new_version"]);
    expect(read.metadata.co2_eq_emissions).toEqual({ emissions: 12.5, source: "codecarbon" });
  });

  it("reads CRLF line ends and a byte order mark like LF", () => {
    const crlf = `\uFEFF${CARD.replace(/\n/g, "\r\n")}`;
    const read = parseHfCard(crlf);
    expect({ ...read, text: read.text }).toEqual(parseHfCard(CARD));
    expect(read.text).not.toContain("\r");
  });

  it("accepts a card without front matter as text", () => {
    const read = parseHfCard("# Model Card for plain-model\n\nNo metadata here.\n");
    expect(read.frontMatter).toBe(false);
    expect(read.modelName).toBe("plain-model");
    expect(read.text).toBe("# Model Card for plain-model\n\nNo metadata here.\n");
    expect(read.warnings).toEqual([expect.stringMatching(/no YAML front matter/)]);
    expect(read).toMatchObject({ license: null, baseModel: [], evalResults: null });
  });

  it("reads front matter that is not YAML as text only, with a warning", () => {
    const read = parseHfCard("---\nlicense: [mit\n---\n# Broken\n");
    expect(read.frontMatter).toBe(true);
    expect(read.license).toBeNull();
    expect(read.text).toBe("# Broken\n");
    expect(read.warnings[0]).toMatch(/not valid YAML/);
  });

  it("skips a key of the wrong type with a warning and keeps it", () => {
    const read = parseHfCard("---\nlicense: 42\nlibrary_name: peft\n---\n");
    expect(read.license).toBeNull();
    expect(read.libraryName).toBe("peft");
    expect(read.warnings).toEqual([expect.stringMatching(/^license was not read/)]);
    expect(read.metadata.license).toBe(42);
  });

  it("reports a model-index metric without a value, naming its path", () => {
    const read = parseHfCard(CARD.replace("    - {type: f1, value: 0.5}\n", "    - {type: f1}\n"));
    expect(read.evalResults).toBeNull();
    expect(read.warnings[0]).toContain("model-index[0].results[0].metrics[1].value");
    expect(read.baseModel).toEqual(["org/base-a", "org/base-b"]);
  });
});
