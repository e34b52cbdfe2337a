import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import { getAtlasCatalog } from "@/lib/catalogs/get-atlas-catalog";
import { byCodeUnit } from "./parse-atlas-release";
import { descriptionOrNull, tacticSlug } from "./internal";
import type { AtlasView } from "./schemas";

/**
 * The MITRE ATLAS catalog the organisation sees: its current imported release, or the built-in
 * catalog (ids and names, no descriptions) while it has imported none. Per organisation, so nothing
 * is cached across requests; one Prisma query selecting only the listed columns. Descriptions are
 * long (about 0.3 MB for a release) and only loaded with `input.descriptions`; otherwise every
 * `description` is null, as in the built-in catalog. Use getAtlasTechnique & co. for one object.
 */
export async function getAtlasView({ ctx, input }: { ctx: ServiceContext; input?: { descriptions?: boolean } }): Promise<AtlasView> {
  assertCan(ctx, "inventory:read");
  const withDescriptions = input?.descriptions === true;
  const release = await (ctx.tx ?? db).atlasRelease.findFirst({
    where: { orgId: ctx.orgId, isCurrent: true },
    select: {
      id: true,
      version: true,
      createdAt: true,
      objects: {
        select: { kind: true, externalId: true, name: true, parentId: true, tacticIds: true, techniqueIds: true, description: withDescriptions },
        orderBy: { position: "asc" },
      },
    },
  });
  if (!release) return builtinView();

  const view: AtlasView = {
    source: { kind: "imported", version: release.version, releaseId: release.id, importedAt: release.createdAt.toISOString() },
    tactics: [],
    techniques: [],
    mitigations: [],
    caseStudies: [],
  };
  for (const o of release.objects) {
    const description = withDescriptions ? descriptionOrNull(o.description ?? "") : null;
    if (o.kind === "tactic") view.tactics.push({ id: o.externalId, name: o.name, shortName: tacticSlug(o.name) });
    else if (o.kind === "technique" || o.kind === "subtechnique")
      view.techniques.push({ id: o.externalId, name: o.name, description, parentId: o.parentId, tacticIds: o.tacticIds });
    else if (o.kind === "mitigation") view.mitigations.push({ id: o.externalId, name: o.name, description, techniqueIds: o.techniqueIds });
    else if (o.kind === "case-study") view.caseStudies.push({ id: o.externalId, name: o.name });
  }
  // the same order as the built-in catalog: tactics in matrix order (position), the rest by id
  view.techniques.sort((a, b) => byCodeUnit(a.id, b.id));
  view.mitigations.sort((a, b) => byCodeUnit(a.id, b.id));
  view.caseStudies.sort((a, b) => byCodeUnit(a.id, b.id));
  return view;
}

function builtinView(): AtlasView {
  const catalog = getAtlasCatalog();
  return {
    source: { kind: "builtin", version: catalog.version },
    tactics: catalog.tactics.map((t) => ({ id: t.id, name: t.name, shortName: t.shortName })),
    techniques: catalog.techniques.map((t) => ({ id: t.id, name: t.name, description: null, parentId: t.parentId, tacticIds: [...t.tacticIds] })),
    mitigations: catalog.mitigations.map((m) => ({ id: m.id, name: m.name, description: null, techniqueIds: [...m.techniqueIds] })),
    caseStudies: catalog.caseStudies.map((c) => ({ id: c.id, name: c.name })),
  };
}
