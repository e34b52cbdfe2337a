import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import { getAtlasView } from "@/lib/atlas/get-atlas-view";
import { getAtlasTechnique } from "@/lib/atlas/get-atlas-technique";
import type { AtlasSource, AtlasTechniqueDetail } from "@/lib/atlas/schemas";
import { relatedItems, type RelatedItemGroup } from "@/lib/crosswalk/related-items";
import { listTechniqueReferences, type TechniqueReferences } from "./list-technique-references";

export type ThreatTechniquePage = {
  detail: AtlasTechniqueDetail;
  source: AtlasSource;
  tactics: { id: string; name: string }[];
  parent: { id: string; name: string } | null;
  /** Crosswalk items (OWASP, other frameworks) related to the technique, each row with its source; mitigations come with `detail`. */
  related: RelatedItemGroup[];
  references: TechniqueReferences;
};

/** One ATLAS technique as the technique page shows it: catalog facts, crosswalk, and which of the organisation's systems and risks name it. */
export async function getThreatTechniquePage({ ctx, input }: { ctx: ServiceContext; input: { id: string } }): Promise<ThreatTechniquePage> {
  assertCan(ctx, "inventory:read");
  const detail = await getAtlasTechnique({ ctx, input: { id: input.id } }); // NOT_FOUND when no catalog of the organisation has it
  const [view, references] = await Promise.all([getAtlasView({ ctx }), listTechniqueReferences({ ctx, input: { techniqueId: detail.technique.id } })]);
  const tacticName = new Map(view.tactics.map((t) => [t.id, t.name]));
  const parentId = detail.technique.parentId;
  const parentName = parentId ? (view.techniques.find((t) => t.id === parentId)?.name ?? null) : null;
  return {
    detail,
    source: view.source,
    tactics: detail.technique.tacticIds.map((id) => ({ id, name: tacticName.get(id) ?? id })),
    parent: parentId ? { id: parentId, name: parentName ?? parentId } : null,
    related: relatedItems({ framework: "atlas_technique", id: detail.technique.id }).filter((group) => group.framework !== "atlas_mitigation"),
    references,
  };
}
