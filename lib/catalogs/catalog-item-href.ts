import type { CatalogFrameworkId } from "./frameworks";

/**
 * The page of a catalog item: ATLAS objects live under /threats, framework items under
 * /controls/<framework>/<id> (the id URI-encoded: "Art 9" → "Art%209", "LLM01:2025" → "LLM01%3A2025").
 */
export function catalogItemHref(ref: { readonly framework: CatalogFrameworkId; readonly id: string }): string {
  const id = encodeURIComponent(ref.id);
  if (ref.framework === "atlas_technique") return `/threats/techniques/${id}`;
  if (ref.framework === "atlas_mitigation") return `/threats/mitigations/${id}`;
  return `/controls/${ref.framework}/${id}`;
}
