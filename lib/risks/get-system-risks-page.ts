import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import { getSystem } from "@/lib/systems/get-system";
import type { SystemViewerPermissions } from "@/lib/systems/viewer-permissions";
import { atlasTechniqueName, listRiskCatalogOptions } from "./catalog-refs";
import { loadRiskRegister, type RiskRegisterView } from "./load-risk-register";

export type SystemRisksPage = {
  system: { id: string; name: string };
  register: RiskRegisterView;
  /** The risk form's catalog choices (OWASP entries, frameworks). */
  catalogOptions: ReturnType<typeof listRiskCatalogOptions>;
  /**
   * `?technique=AML.T0051` (from the threat profile): the technique asked for, and the new risk it pre-fills
   * (null when it is not a technique of the built-in ATLAS catalog).
   */
  prefill: { technique: string; initial: { title: string; category: "security"; techniqueIds: string[] } | null } | null;
  /** What the viewer may do here (risk:write for "New risk"; nothing on an archived system). */
  viewer: SystemViewerPermissions;
};

/**
 * What the system's risk page shows: the register scoped to the system (URL state → filters, as
 * loadRiskRegister), the system's name, the new-risk form's choices and pre-fill, and what the viewer may do.
 */
export async function getSystemRisksPage({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { systemId: string; query: Record<string, string | string[] | undefined> };
}): Promise<SystemRisksPage> {
  assertCan(ctx, "inventory:read");
  const { viewer, ...system } = await getSystem({ ctx, input: { id: input.systemId } }); // NOT_FOUND first, across organisations too
  const register = await loadRiskRegister({ ctx, input: { ...input.query, systemId: system.id } });
  const raw = input.query.technique;
  const technique = typeof raw === "string" && raw.trim() ? raw.trim() : null;
  const techniqueName = technique ? atlasTechniqueName(technique) : null;
  return {
    system: { id: system.id, name: system.name },
    register,
    catalogOptions: listRiskCatalogOptions(),
    prefill: technique ? { technique, initial: techniqueName ? { title: techniqueName, category: "security", techniqueIds: [technique] } : null } : null,
    viewer,
  };
}
