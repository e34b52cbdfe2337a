import { withTransaction } from "@/lib/db/with-transaction";
import { assertCanOnSome } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { parseInput } from "@/lib/validation/parse-input";
import { actorId, type ServiceContext } from "@/lib/context";
import { getAtlasView } from "@/lib/atlas/get-atlas-view";
import { importLayerOptionsSchema, MAX_RATIONALE, type ImportNavigatorLayerResult } from "./schemas";
import { selectLayerTechniques } from "./select-layer-techniques";
import { assertCanEditProfile, byTechniqueId, findProfileSystemOrThrow, indexTechniques } from "./internal";

/**
 * Adds the techniques an ATLAS Navigator layer marks (score above 0, a colour or a comment) to a
 * system's threat profile. The rationale is the technique's comment in the layer, else
 * `input.rationale`, else "Imported from ATLAS Navigator layer "<name>"". Techniques already in the
 * profile are skipped and reported. A layer naming any technique the organisation's current ATLAS
 * release does not have is refused as a whole (VALIDATION, `techniques.<n>.techniqueID`). One
 * "threat.import_layer" event when something was added; none when the layer adds nothing.
 */
export async function importNavigatorLayer({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { systemId: string; layer: unknown; rationale?: string };
}): Promise<ImportNavigatorLayerResult> {
  assertCanOnSome(ctx, "threat:write");
  const { rationale: fallback } = parseInput(importLayerOptionsSchema, { rationale: input.rationale });
  return withTransaction(ctx, async (tx) => {
    const system = await findProfileSystemOrThrow(tx, ctx, input.systemId);
    assertCanEditProfile(ctx, system);
    const view = await getAtlasView({ ctx: { ...ctx, tx } });
    const techniques = indexTechniques(view);
    const selection = selectLayerTechniques(input.layer, techniques.byId, view.source.version);

    const present = new Set(
      (await tx.threatProfileEntry.findMany({ where: { orgId: ctx.orgId, systemId: system.id }, select: { techniqueId: true } })).map((e) => e.techniqueId),
    );
    const defaultRationale = fallback ?? `Imported from ATLAS Navigator layer "${selection.layerName}"`;
    // a Navigator comment becomes the rationale: padded when shorter than a rationale may be, cut when longer
    const rationaleFor = (comment: string | null) => {
      if (!comment) return defaultRationale;
      if (comment.length < 10) return `${comment} (imported from ATLAS Navigator layer "${selection.layerName}")`;
      return comment.length > MAX_RATIONALE ? `${comment.slice(0, MAX_RATIONALE - 1)}…` : comment;
    };
    const added = selection.selected
      .filter((s) => !present.has(s.techniqueId))
      .map((s) => ({ techniqueId: s.techniqueId, name: techniques.displayName(s.techniqueId)!, rationale: rationaleFor(s.comment) }))
      .sort(byTechniqueId);
    const skipped = [
      ...selection.selected.filter((s) => present.has(s.techniqueId)).map((s) => ({ techniqueId: s.techniqueId, reason: "already_in_profile" as const })),
      ...selection.disabled.map((techniqueId) => ({ techniqueId, reason: "disabled" as const })),
    ].sort(byTechniqueId);

    if (added.length > 0) {
      const createdById = actorId(ctx.actor);
      await tx.threatProfileEntry.createMany({
        data: added.map((a) => ({
          orgId: ctx.orgId,
          systemId: system.id,
          techniqueId: a.techniqueId,
          techniqueName: a.name,
          atlasVersion: view.source.version,
          rationale: a.rationale,
          source: "imported",
          createdById,
        })),
      });
      await recordAudit(tx, ctx, {
        action: "threat.import_layer",
        entityType: "threat_profile",
        entityId: system.id,
        subjectId: system.id,
        changes: {
          layer: { before: null, after: selection.layerName },
          techniqueIds: { before: null, after: added.map((a) => a.techniqueId) },
          skipped: { before: null, after: skipped.map((s) => `${s.techniqueId} (${s.reason})`) },
          atlasVersion: { before: null, after: view.source.version },
        },
      });
    }
    return { added, skipped, ignored: selection.ignored };
  });
}
