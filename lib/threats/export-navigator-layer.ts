import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import { getAtlasView } from "@/lib/atlas/get-atlas-view";
import { getRiskMatrix } from "@/lib/risks/get-risk-matrix";
import { listTechniqueRiskLevels } from "@/lib/risks/list-technique-risk-levels";
import { buildNavigatorLayer, type LayerEntry, type NavigatorLayer } from "./build-navigator-layer";
import { findProfileSystemOrThrow, plural } from "./internal";

export type NavigatorLayerExport = { layer: NavigatorLayer; filename: string };

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "export"
  );
}

/**
 * The threat profile as an ATLAS Navigator layer: of one system (`systemId`), or of the organisation
 * (the union of every active system's profile; the comment lists each system's rationale). Techniques
 * are scored with the highest risk score naming them (of that system, or organisation-wide) and
 * coloured with its risk level; unscored ones get a neutral colour. Entries whose technique the
 * current ATLAS release no longer has cannot be placed in the matrix and are counted in the description.
 * `now` is injectable for tests.
 */
export async function exportNavigatorLayer({ ctx, input }: { ctx: ServiceContext; input: { systemId?: string; now?: Date } }): Promise<NavigatorLayerExport> {
  assertCan(ctx, "inventory:read");
  const client = ctx.tx ?? db;
  const now = input.now ?? new Date();
  const system = input.systemId ? await findProfileSystemOrThrow(client, ctx, input.systemId) : null;
  const [org, view, matrix, riskLevels, rows] = await Promise.all([
    client.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { name: true } }),
    getAtlasView({ ctx }),
    getRiskMatrix({ ctx }),
    listTechniqueRiskLevels({ ctx, input: { systemId: system?.id } }),
    client.threatProfileEntry.findMany({
      where: system ? { orgId: ctx.orgId, systemId: system.id } : { orgId: ctx.orgId, system: { archivedAt: null } },
      select: { techniqueId: true, rationale: true, source: true, system: { select: { name: true } } },
      orderBy: [{ system: { name: "asc" } }, { techniqueId: "asc" }],
    }),
  ]);

  const risks = new Map(riskLevels.map((r) => [r.techniqueId, r]));
  const grouped = new Map<string, typeof rows>();
  for (const row of rows) grouped.set(row.techniqueId, [...(grouped.get(row.techniqueId) ?? []), row]);
  const known = new Set(view.techniques.map((t) => t.id));
  const entries: LayerEntry[] = [...grouped].map(([techniqueId, list]) => {
    const risk = risks.get(techniqueId);
    return {
      techniqueId,
      comment: system ? list[0].rationale : list.map((r) => `${r.system.name}: ${r.rationale}`).join("\n\n"),
      risk: risk ? { maxScore: risk.maxScore, level: risk.level, riskCount: risk.riskCount } : null,
      metadata: system ? [{ name: "source", value: list[0].source }] : [{ name: "systems", value: list.map((r) => r.system.name).join(", ") }],
    };
  });
  const outside = entries.filter((e) => !known.has(e.techniqueId)).length;
  const systemsCount = new Set(rows.map((r) => r.system.name)).size;

  const subject = system ? `the threat profile of ${system.name}` : `the threat profiles of ${plural(systemsCount, "active AI system")} of ${org.name}`;
  const description =
    `MITRE ATLAS ${view.source.version} techniques in ${subject}. Score: the highest risk score (likelihood × impact, 1–25) ` +
    `among the ${system ? "system's" : "organisation's"} risks naming the technique; colour: its risk level.` +
    (outside > 0
      ? ` ${outside === 1 ? "1 profile entry names a technique" : `${outside} profile entries name techniques`} this release does not have (not shown).`
      : "");
  const layer = buildNavigatorLayer({
    name: system ? `${system.name} – threat profile` : `${org.name} – threat profiles`,
    description,
    catalog: view,
    entries,
    levels: matrix.levels,
    metadata: [
      { name: "organisation", value: org.name },
      { name: "system", value: system ? system.name : "all active AI systems" },
      { name: "exported_at", value: now.toISOString() },
      { name: "atlas_data_version", value: view.source.version },
    ],
  });
  const filename = `atlas-layer-${slug(system ? system.name : org.name)}-${now.toISOString().slice(0, 10)}.json`;
  return { layer, filename };
}
