import data from "./data/owasp.json";
import type { OwaspCatalog } from "./types";

const CATALOG = data as OwaspCatalog;

/** The OWASP GenAI lists: LLM Top 10 2025, the v1.1 (2023) list with its crosswalk to 2025, Agentic Top 10 2026. */
export function getOwaspCatalog(): OwaspCatalog {
  return CATALOG;
}
