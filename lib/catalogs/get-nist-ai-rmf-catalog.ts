import data from "./data/nist-ai-rmf.json";
import type { NistAiRmfCatalog } from "./types";

const CATALOG = data as NistAiRmfCatalog;

/** NIST AI RMF 1.0: functions, categories and the 72 subcategories with their statements. */
export function getNistAiRmfCatalog(): NistAiRmfCatalog {
  return CATALOG;
}
