import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse-input";
import type { ServiceContext } from "@/lib/context";
import { getAtlasCatalog } from "@/lib/catalogs/get-atlas-catalog";
import { byCodeUnit } from "./parse-atlas-release";
import { descriptionOrNull, isJsonObject, listOf, locateAtlasObject, provenance } from "./internal";
import { atlasObjectIdInputSchema, type AtlasMitigationDetail, type AtlasObjectIdInput } from "./schemas";

/**
 * One mitigation with its description and the techniques it addresses (with the release's "use"
 * text for each), resolved like getAtlasTechnique: current catalog, else the newest older release of
 * the organisation that has it, else NOT_FOUND.
 */
export async function getAtlasMitigation({ ctx, input }: { ctx: ServiceContext; input: AtlasObjectIdInput }): Promise<AtlasMitigationDetail> {
  assertCan(ctx, "inventory:read");
  const { id } = parseInput(atlasObjectIdInputSchema, input);
  const client = ctx.tx ?? db;
  const builtin = getAtlasCatalog();
  const inBuiltin = builtin.mitigations.find((m) => m.id === id);
  const located = await locateAtlasObject(client, ctx, ["mitigation"], id, inBuiltin !== undefined);
  if (!located) throw new AppError("NOT_FOUND", `ATLAS mitigation ${id} not found.`);

  if (located.from === "builtin") {
    const m = inBuiltin!;
    const names = new Map(builtin.techniques.map((t) => [t.id, t]));
    return {
      mitigation: { id: m.id, name: m.name, description: null, techniqueIds: [...m.techniqueIds], category: [], mlLifecycle: [] },
      techniques: m.techniqueIds.map((tid) => ({ id: tid, name: names.get(tid)?.name ?? tid, parentId: names.get(tid)?.parentId ?? null, use: null })),
      ...provenance(located),
    };
  }

  const m = located.object;
  const techniques = await client.atlasObject.findMany({
    where: { releaseId: m.releaseId, externalId: { in: m.techniqueIds } },
    select: { externalId: true, name: true, parentId: true },
  });
  // a technique may be listed more than once with different "use" texts: keep them all
  const uses = new Map<string, string[]>();
  for (const entry of listOf(m.data, "techniques")) {
    if (isJsonObject(entry) && typeof entry.id === "string" && typeof entry.use === "string" && entry.use.trim()) {
      uses.set(entry.id, [...(uses.get(entry.id) ?? []), entry.use.trim()]);
    }
  }
  return {
    mitigation: {
      id: m.externalId,
      name: m.name,
      description: descriptionOrNull(m.description),
      techniqueIds: m.techniqueIds,
      category: listOf(m.data, "category").filter((c): c is string => typeof c === "string"),
      mlLifecycle: listOf(m.data, "ml-lifecycle").filter((c): c is string => typeof c === "string"),
    },
    techniques: techniques
      .map((t) => ({ id: t.externalId, name: t.name, parentId: t.parentId, use: uses.get(t.externalId)?.join("\n\n") ?? null }))
      .sort((a, b) => byCodeUnit(a.id, b.id)),
    ...provenance(located),
  };
}
