import { assertCan, can } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import type { AtlasReleaseSummary, AtlasView } from "./schemas";
import { getAtlasView } from "./get-atlas-view";
import { listAtlasReleases } from "./list-atlas-releases";

export type AtlasCatalogPage = {
  view: AtlasView;
  releases: AtlasReleaseSummary[];
  /** Tactic id → name, for the release history and the import preview. */
  tacticNames: Record<string, string>;
  /** What the viewer may do here (catalog:import → the upload form). */
  viewer: { canImport: boolean };
};

/** What the ATLAS catalog page shows: the current release's contents and the organisation's imported releases. */
export async function getAtlasCatalogPage({ ctx }: { ctx: ServiceContext }): Promise<AtlasCatalogPage> {
  assertCan(ctx, "inventory:read");
  const [view, releases] = await Promise.all([getAtlasView({ ctx }), listAtlasReleases({ ctx })]);
  return { view, releases, tacticNames: Object.fromEntries(view.tactics.map((t) => [t.id, t.name])), viewer: { canImport: can(ctx.actor, "catalog:import") } };
}
