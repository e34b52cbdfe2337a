import { getAtlasCatalog } from "@/lib/catalogs/get-atlas-catalog";
import { getOwaspCatalog } from "@/lib/catalogs/get-owasp-catalog";
import { mapGarakOwaspTag } from "@/lib/catalogs/map-garak-owasp-tag";

/**
 * Tags that name ATLAS techniques or OWASP LLM Top 10 items themselves (SARIF rule tags and taxonomy references,
 * garak digest probe tags, CSV tags), read the same way whatever the tool. Only ids that exist in the built-in
 * catalogs (ATLAS 5.6.0, OWASP LLM Top 10 2025) come out; anything else (CWE, avid-effect, quality:…) maps to
 * nothing: a CWE says what the weakness is, not which AI attack or OWASP LLM item it is.
 */
export type TagMapping = { techniqueIds: string[]; owaspIds: string[]; sources: string[] };

/** The tag rules, in words, for the docs page (docs/findings-mapping.md) and `listMappingRows`. */
export const TAG_RULES = [
  {
    pattern: "AML.Tnnnn or AML.Tnnnn.nnn anywhere in the tag (AML.T0051, atlas/AML.T0051.000, mitre-atlas:AML.T0043)",
    source: "the tag names the ATLAS technique itself; kept when the id is in the built-in ATLAS catalog",
  },
  {
    pattern: "owasp:llmNN (garak's probe tags)",
    source: "garak's owasp:llmNN tags use the 2023 (v1.1) numbering: re-keyed to 2025 via lib/catalogs mapGarakOwaspTag",
  },
  { pattern: "owasp:llm:NN (promptfoo's framework ids)", source: "promptfoo's owasp:llm:NN ids use the 2025 numbering" },
  {
    pattern: "LLMNN:2025 / LLMNN:2023, or a tag containing 'owasp', LLMNN and the year 2025 or 2023 / v1.1 (owasp-llm-2025:LLM01)",
    source: "the tag names the OWASP item and the list's year; 2023 ids are re-keyed to 2025 via the crosswalk",
  },
] as const;

const ATLAS_ID = /\bAML\.T\d{4}(?:\.\d{3})?\b/gi;
const GARAK_OWASP = /^owasp:llm\d{2}$/i;
const PROMPTFOO_OWASP = /^owasp:llm:(\d{2})$/i;
const YEAR_ID = /\bLLM(\d{2}):(2023|2025)\b/i;
const LLM_NUMBER = /llm[\s_-]?(\d{2})(?!\d)/gi;

let techniqueIdSet: ReadonlySet<string> | null = null;
let owaspIdSet: ReadonlySet<string> | null = null;

function knownTechnique(id: string): boolean {
  techniqueIdSet ??= new Set(getAtlasCatalog().techniques.map((t) => t.id));
  return techniqueIdSet.has(id);
}

function knownOwasp(id: string): boolean {
  owaspIdSet ??= new Set(getOwaspCatalog().llm2025.items.map((item) => item.id));
  return owaspIdSet.has(id);
}

/** The OWASP list year a tag names: 2025, 2023 (also "v1.1"), or null when it does not say. */
function yearOf(tag: string): 2023 | 2025 | null {
  if (tag.includes("2025")) return 2025;
  if (tag.includes("2023") || /v?1\.1\b/i.test(tag)) return 2023;
  return null;
}

function owaspFromTag(tag: string): { ids: readonly string[]; source: string } | null {
  if (GARAK_OWASP.test(tag))
    return { ids: mapGarakOwaspTag(tag), source: `tag ${tag}: 2023 numbering (garak), re-keyed to 2025 via lib/catalogs mapGarakOwaspTag` };
  const promptfoo = PROMPTFOO_OWASP.exec(tag);
  if (promptfoo) return { ids: [`LLM${promptfoo[1]}:2025`], source: `tag ${tag}: promptfoo framework id, 2025 numbering` };
  let number: string | null = null;
  let year: 2023 | 2025 | null = null;
  const explicit = YEAR_ID.exec(tag);
  if (explicit) {
    number = explicit[1];
    year = explicit[2] === "2025" ? 2025 : 2023;
  } else if (/owasp/i.test(tag)) {
    const numbers = [...tag.matchAll(LLM_NUMBER)];
    number = numbers.length > 0 ? numbers[numbers.length - 1][1] : null;
    year = yearOf(tag);
  }
  if (!number || !year) return null;
  if (year === 2025) return { ids: [`LLM${number}:2025`], source: `tag ${tag}: names the OWASP LLM Top 10 2025 item` };
  return { ids: mapGarakOwaspTag(`owasp:llm${number}`), source: `tag ${tag}: 2023 numbering, re-keyed to 2025 via lib/catalogs mapGarakOwaspTag` };
}

/** ATLAS technique ids and OWASP 2025 ids one tag names (sorted, once each), with a source line for what it named. */
export function mapTag(rawTag: string): TagMapping {
  const tag = rawTag.trim();
  const techniqueIds = [...new Set([...tag.matchAll(ATLAS_ID)].map((m) => m[0].toUpperCase()).filter(knownTechnique))].sort();
  const owasp = owaspFromTag(tag);
  const owaspIds = [...new Set((owasp?.ids ?? []).filter(knownOwasp))].sort();
  const sources: string[] = [];
  if (techniqueIds.length > 0) sources.push(`tag ${tag}: names ATLAS ${techniqueIds.join(", ")}`);
  if (owasp && owaspIds.length > 0) sources.push(owasp.source);
  return { techniqueIds, owaspIds, sources };
}
