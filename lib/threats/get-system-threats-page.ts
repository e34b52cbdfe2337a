import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import { getAtlasView } from "@/lib/atlas/get-atlas-view";
import type { AtlasSource } from "@/lib/atlas/schemas";
import type { ThreatProfile } from "./schemas";
import type { TechniqueSuggestion } from "./suggest-techniques";
import { listThreatProfile } from "./list-threat-profile";
import { listThreatSuggestions } from "./list-threat-suggestions";
import { indexTechniques } from "./internal";
import { systemViewerPermissions, type SystemViewerPermissions } from "@/lib/systems/viewer-permissions";

export type SystemThreatsPage = {
  profile: ThreatProfile;
  suggestions: TechniqueSuggestion[];
  /** Techniques of the current release not yet in the profile, for the manual picker, grouped by their first tactic (matrix order). */
  techniqueOptions: { id: string; label: string; group: string }[];
  source: AtlasSource;
  /** What the viewer may do here (threat:write for the profile, risk:write for "add a risk"; nothing on an archived system). */
  viewer: SystemViewerPermissions;
};

/** What the system's threat-profile page shows: the profile, the suggestions and the technique picker. */
export async function getSystemThreatsPage({ ctx, input }: { ctx: ServiceContext; input: { systemId: string } }): Promise<SystemThreatsPage> {
  assertCan(ctx, "inventory:read");
  const profile = await listThreatProfile({ ctx, input }); // NOT_FOUND first, across organisations too
  const [suggestions, view] = await Promise.all([listThreatSuggestions({ ctx, input }), getAtlasView({ ctx })]);
  const techniques = indexTechniques(view);
  const present = new Set(profile.entries.map((e) => e.techniqueId));
  const tacticOrder = new Map(view.tactics.map((t, i) => [t.id, i]));
  const tacticName = new Map(view.tactics.map((t) => [t.id, t.name]));
  const techniqueOptions = view.techniques
    .filter((t) => !present.has(t.id))
    .map((t) => ({ id: t.id, label: `${t.id} ${techniques.displayName(t.id)}`, tactic: t.tacticIds[0] ?? "" }))
    .sort((a, b) => (tacticOrder.get(a.tactic) ?? 99) - (tacticOrder.get(b.tactic) ?? 99) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ id, label, tactic }) => ({ id, label, group: tacticName.get(tactic) ?? "Other" }));
  return { profile, suggestions, techniqueOptions, source: view.source, viewer: systemViewerPermissions(ctx.actor, profile.system) };
}
