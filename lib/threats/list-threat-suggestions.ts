import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import { getSystem } from "@/lib/systems/get-system";
import { getAtlasView } from "@/lib/atlas/get-atlas-view";
import { suggestTechniques, type TechniqueSuggestion } from "./suggest-techniques";

/** suggestTechniques for one system of the organisation, against its current ATLAS release, flagging what the profile already has. */
export async function listThreatSuggestions({ ctx, input }: { ctx: ServiceContext; input: { systemId: string } }): Promise<TechniqueSuggestion[]> {
  assertCan(ctx, "inventory:read");
  const system = await getSystem({ ctx, input: { id: input.systemId } }); // inventory:read, NOT_FOUND across organisations
  const [view, entries] = await Promise.all([
    getAtlasView({ ctx }),
    (ctx.tx ?? db).threatProfileEntry.findMany({ where: { orgId: ctx.orgId, systemId: system.id }, select: { techniqueId: true } }),
  ]);
  return suggestTechniques({ system, catalog: view, profileTechniqueIds: entries.map((e) => e.techniqueId) });
}
