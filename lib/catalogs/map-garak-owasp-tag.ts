import { getOwaspCatalog } from "./get-owasp-catalog";

const TAG = /^owasp:(llm\d{2})$/i;

/**
 * OWASP LLM Top 10 2025 ids for a garak probe tag. garak tags ("owasp:llm01" … "owasp:llm10") use the
 * v1.1 (2023) numbering, which differs from 2025 (v1.1 LLM06 is Sensitive Information Disclosure, 2025
 * LLM02), so they are re-keyed through the 2023→2025 crosswalk in owasp.json. Returns [] for any other tag.
 */
export function mapGarakOwaspTag(tag: string): readonly string[] {
  const match = TAG.exec(tag.trim());
  if (!match) return [];
  return getOwaspCatalog().crosswalk2023to2025.mapping[match[1].toUpperCase()] ?? [];
}
