import data from "./data/eu-ai-act.json";
import type { EuAiActCatalog } from "./types";

const CATALOG = data as EuAiActCatalog;

/** Regulation (EU) 2024/1689: chapters, the articles of the reference catalog with the roles they bind, Art 5 practices, Annex III areas. */
export function getEuAiActCatalog(): EuAiActCatalog {
  return CATALOG;
}
