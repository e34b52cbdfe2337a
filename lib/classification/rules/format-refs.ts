import type { LegalBasis } from "@/lib/classification/types";

/** "Art 50(1) (direct interaction with natural persons) and Art 50(2) (…)" for summaries. */
export function formatRefs(entries: readonly Pick<LegalBasis, "ref" | "title">[]): string {
  const parts = entries.map((entry) => `${entry.ref} (${lowerFirst(entry.title)})`);
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

// Titles are written in sentence case for headings; mid-sentence they read better lower-cased,
// except when they start with an acronym ("AI-generated", "GPAI").
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
