// The part of an ATLAS catalog the pure threat functions need. Both the built-in catalog
// (getAtlasCatalog) and the organisation's current view (getAtlasView) have this shape, so the pure
// functions can be tested against the built-in catalog and run against an imported release.

export type AtlasTacticRef = { readonly id: string; readonly name: string; readonly shortName: string };

export type AtlasTechniqueRef = {
  readonly id: string;
  readonly name: string;
  readonly parentId: string | null;
  readonly tacticIds: readonly string[];
};

export type AtlasMatrixSource = {
  readonly tactics: readonly AtlasTacticRef[];
  readonly techniques: readonly AtlasTechniqueRef[];
};

/** "LLM Prompt Injection: Direct" for a sub-technique, the plain name for a technique (as ATLAS shows them). */
export function techniqueDisplayName(technique: AtlasTechniqueRef, byId: ReadonlyMap<string, AtlasTechniqueRef>): string {
  if (!technique.parentId) return technique.name;
  const parent = byId.get(technique.parentId);
  return parent ? `${parent.name}: ${technique.name}` : technique.name;
}
