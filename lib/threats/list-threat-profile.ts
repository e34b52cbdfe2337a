import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import { getAtlasView } from "@/lib/atlas/get-atlas-view";
import { listTechniqueRiskLevels } from "@/lib/risks/list-technique-risk-levels";
import type { ThreatProfile, ThreatSource } from "./schemas";
import { byTechniqueId, findProfileSystemOrThrow, indexTechniques, parentIdOf } from "./internal";

/**
 * A system's threat profile: each technique with its name in the organisation's current ATLAS
 * release (or the name recorded when it was added, flagged `inCurrentRelease: false`, once a newer
 * release no longer has it), the rationale, and the highest-scored risk of this system naming it.
 */
export async function listThreatProfile({ ctx, input }: { ctx: ServiceContext; input: { systemId: string } }): Promise<ThreatProfile> {
  assertCan(ctx, "inventory:read");
  const client = ctx.tx ?? db;
  const system = await findProfileSystemOrThrow(client, ctx, input.systemId);
  const [view, rows, riskLevels] = await Promise.all([
    getAtlasView({ ctx }),
    client.threatProfileEntry.findMany({
      where: { orgId: ctx.orgId, systemId: system.id },
      select: { id: true, techniqueId: true, techniqueName: true, atlasVersion: true, rationale: true, source: true, createdById: true, createdAt: true },
    }),
    listTechniqueRiskLevels({ ctx, input: { systemId: system.id } }),
  ]);
  const techniques = indexTechniques(view);
  const risks = new Map(riskLevels.map((r) => [r.techniqueId, r]));
  return {
    system: { id: system.id, name: system.name, ownerId: system.ownerId, archived: system.archivedAt !== null },
    atlasVersion: view.source.version,
    entries: rows
      .map((row) => {
        const technique = techniques.byId.get(row.techniqueId);
        const risk = risks.get(row.techniqueId);
        return {
          id: row.id,
          techniqueId: row.techniqueId,
          name: techniques.displayName(row.techniqueId) ?? row.techniqueName,
          parentId: technique ? technique.parentId : parentIdOf(row.techniqueId),
          tacticIds: technique ? [...technique.tacticIds] : [],
          inCurrentRelease: technique !== undefined,
          recordedName: row.techniqueName,
          recordedVersion: row.atlasVersion,
          rationale: row.rationale,
          source: row.source as ThreatSource,
          createdById: row.createdById,
          createdAt: row.createdAt.toISOString(),
          risk: risk ? { maxScore: risk.maxScore, level: risk.level, riskCount: risk.riskCount } : null,
        };
      })
      .sort(byTechniqueId),
  };
}
