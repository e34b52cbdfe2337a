import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse-input";
import type { ServiceContext } from "@/lib/context";
import { getAtlasCatalog } from "@/lib/catalogs/get-atlas-catalog";
import { byCodeUnit } from "./parse-atlas-release";
import { descriptionOrNull, locateAtlasObject, provenance, TECHNIQUE_KINDS } from "./internal";
import { atlasObjectIdInputSchema, type AtlasObjectIdInput, type AtlasTechniqueDetail } from "./schemas";

/**
 * One technique or sub-technique with its description, sub-techniques, mitigations and the case
 * studies whose procedure uses it, from the organisation's current catalog, or else from the newest
 * older release of the organisation that has it (`inCurrentRelease: false`, `lastSeenIn`), so an id
 * recorded against an old release still resolves. NOT_FOUND when no catalog of the organisation has it.
 */
export async function getAtlasTechnique({ ctx, input }: { ctx: ServiceContext; input: AtlasObjectIdInput }): Promise<AtlasTechniqueDetail> {
  assertCan(ctx, "inventory:read");
  const { id } = parseInput(atlasObjectIdInputSchema, input);
  const client = ctx.tx ?? db;
  const builtin = getAtlasCatalog();
  const inBuiltin = builtin.techniques.find((t) => t.id === id);
  const located = await locateAtlasObject(client, ctx, TECHNIQUE_KINDS, id, inBuiltin !== undefined);
  if (!located) throw new AppError("NOT_FOUND", `ATLAS technique ${id} not found.`);

  if (located.from === "builtin") {
    const t = inBuiltin!;
    return {
      technique: {
        id: t.id,
        name: t.name,
        description: null,
        parentId: t.parentId,
        tacticIds: [...t.tacticIds],
        subtechniques: builtin.techniques.filter((s) => s.parentId === id).map((s) => ({ id: s.id, name: s.name })),
      },
      mitigations: builtin.mitigations.filter((m) => m.techniqueIds.includes(id)).map((m) => ({ id: m.id, name: m.name, description: null })),
      caseStudies: [], // the built-in catalog has no procedures
      ...provenance(located),
    };
  }

  const t = located.object;
  const related = await client.atlasObject.findMany({
    where: {
      releaseId: t.releaseId,
      OR: [{ parentId: id }, { kind: { in: ["mitigation", "case-study"] }, techniqueIds: { has: id } }],
    },
    select: { kind: true, externalId: true, name: true, description: true },
    orderBy: { externalId: "asc" },
  });
  const byId = (a: { id: string }, b: { id: string }) => byCodeUnit(a.id, b.id);
  return {
    technique: {
      id: t.externalId,
      name: t.name,
      description: descriptionOrNull(t.description),
      parentId: t.parentId,
      tacticIds: t.tacticIds,
      subtechniques: related
        .filter((o) => o.kind === "subtechnique")
        .map((o) => ({ id: o.externalId, name: o.name }))
        .sort(byId),
    },
    mitigations: related
      .filter((o) => o.kind === "mitigation")
      .map((o) => ({ id: o.externalId, name: o.name, description: descriptionOrNull(o.description) }))
      .sort(byId),
    caseStudies: related
      .filter((o) => o.kind === "case-study")
      .map((o) => ({ id: o.externalId, name: o.name }))
      .sort(byId),
    ...provenance(located),
  };
}
