import { catalogItemHref } from "./catalog-item-href";
import { FRAMEWORK_IDS, type FrameworkId } from "./frameworks";
import { getAtlasCatalog } from "./get-atlas-catalog";
import { getNistAiRmfCatalog } from "./get-nist-ai-rmf-catalog";
import { listFrameworkItems } from "./list-framework-items";

export type CatalogSearchKind = "tactic" | "technique" | "mitigation" | "case_study" | "framework_item";

export interface CatalogSearchResult {
  readonly kind: CatalogSearchKind;
  /** Set for framework items and ATLAS mitigations (which are also a framework). */
  readonly framework?: FrameworkId;
  readonly id: string;
  readonly title: string;
  readonly href: string;
}

export const SEARCH_LIMIT = 50;

interface Entry {
  readonly result: CatalogSearchResult;
  /** Lower-cased id and the other names the item goes by ("gv-1.1", "llm01", "article 9"). */
  readonly keys: readonly string[];
  /** Lower-cased title and keys, searched for words. */
  readonly text: string;
}

function entry(result: CatalogSearchResult, aliases: readonly string[] = []): Entry {
  const keys = [result.id, ...aliases].map((key) => key.toLowerCase());
  return { result, keys, text: [result.title, ...keys].join(" ").toLowerCase() };
}

function buildIndex(): Entry[] {
  const atlas = getAtlasCatalog();
  const nistShortId = new Map(getNistAiRmfCatalog().subcategories.map((subcategory) => [subcategory.id, subcategory.shortId]));
  const entries: Entry[] = [];
  for (const tactic of atlas.tactics) {
    entries.push(entry({ kind: "tactic", id: tactic.id, title: tactic.name, href: `/threats#tactic-${encodeURIComponent(tactic.id)}` }, [tactic.shortName]));
  }
  for (const technique of listFrameworkItems("atlas_technique")) {
    entries.push(entry({ kind: "technique", id: technique.id, title: technique.title, href: catalogItemHref(technique) }));
  }
  for (const mitigation of listFrameworkItems("atlas_mitigation")) {
    entries.push(entry({ kind: "mitigation", framework: "atlas_mitigation", id: mitigation.id, title: mitigation.title, href: catalogItemHref(mitigation) }));
  }
  for (const caseStudy of atlas.caseStudies) {
    entries.push(entry({ kind: "case_study", id: caseStudy.id, title: caseStudy.name, href: `/threats/case-studies/${encodeURIComponent(caseStudy.id)}` }));
  }
  for (const framework of FRAMEWORK_IDS) {
    if (framework === "atlas_mitigation") continue;
    for (const item of listFrameworkItems(framework)) {
      const aliases: string[] = [];
      if (framework === "eu_ai_act") aliases.push(item.id.replace(/^Art /, "Article "), item.id.replace(/^Art /, "Art. "));
      if (framework === "nist_ai_rmf") aliases.push(nistShortId.get(item.id)!);
      if (framework === "owasp_llm_2025" || framework === "owasp_agentic_2026") aliases.push(item.id.split(":")[0]);
      entries.push(entry({ kind: "framework_item", framework, id: item.id, title: item.title, href: catalogItemHref(item) }, aliases));
    }
  }
  return entries;
}

const INDEX = buildIndex();

/** Lower score ranks first; null means no match. */
function score(entry: Entry, query: string, words: readonly string[]): number | null {
  if (entry.keys.includes(query)) return 0;
  if (entry.keys.some((key) => key.startsWith(query))) return 1;
  if (entry.keys.some((key) => key.includes(query))) return 2;
  const title = entry.result.title.toLowerCase();
  if (title === query) return 3;
  if (new RegExp(`(^|[^a-z0-9])${escapeRegExp(query)}`).test(title)) return 4;
  if (title.includes(query)) return 5;
  if (words.length > 1 && words.every((word) => entry.text.includes(word))) return 6;
  return null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Case-insensitive search across ATLAS tactics, techniques, mitigations and case studies and every
 * framework item. Ranking: exact id (or alias such as "GV-1.1", "LLM01", "Article 9") first, then
 * id prefix, id substring, exact title, title phrase at a word start, title phrase anywhere, and last
 * items whose title and ids contain all the words. Ties keep catalog order. At most 50 results.
 */
export function searchCatalogs(query: string): CatalogSearchResult[] {
  const normalised = query.trim().toLowerCase().replace(/\s+/g, " ");
  if (normalised === "") return [];
  const words = normalised.split(" ");
  return INDEX.map((candidate, position) => ({ candidate, position, rank: score(candidate, normalised, words) }))
    .filter((hit): hit is { candidate: Entry; position: number; rank: number } => hit.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.position - b.position)
    .slice(0, SEARCH_LIMIT)
    .map((hit) => hit.candidate.result);
}
