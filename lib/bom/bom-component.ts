/** A component as the ML-BOM carries it (both directions): the inventory fields and the model card fields. */
export type BomComponent = {
  id?: string;
  kind: "model" | "dataset" | "service";
  name: string;
  version: string;
  sourceUrl: string;
  licence: string;
  sha256: string;
  baseModels: string[];
  languages: string[];
  datasets: string[];
  pipelineTag: string;
  libraryName: string;
};

/** Fields compared on import (and reported as changed). */
export const BOM_FIELDS = ["version", "sourceUrl", "licence", "sha256", "baseModels", "languages", "datasets", "pipelineTag", "libraryName"] as const;

/** Our properties in a BOM (CycloneDX `properties`), namespaced as the CycloneDX property taxonomy asks. */
export const BOM_PROPERTY = {
  baseModel: "aigov:model:base_model",
  language: "aigov:model:language",
  dataset: "aigov:model:dataset",
  pipelineTag: "aigov:model:pipeline_tag",
  libraryName: "aigov:model:library_name",
  sha256: "aigov:sha256",
} as const;
