import { getFrameworkItem } from "@/lib/catalogs/get-framework-item";
import { FRAMEWORKS, type FrameworkId } from "@/lib/catalogs/frameworks";
import { listFrameworkItems } from "@/lib/catalogs/list-framework-items";

// Which catalog ids a risk may reference, checked against the built-in catalogs (lib/catalogs).

/** OWASP lists a risk may cite: LLM Top 10 2025 ("LLM01:2025") and Agentic Top 10 2026 ("ASI01:2026"). */
export const RISK_OWASP_FRAMEWORKS = ["owasp_llm_2025", "owasp_agentic_2026"] as const satisfies readonly FrameworkId[];

/** An ATLAS technique or sub-technique of the built-in catalog ("AML.T0051", "AML.T0051.000"). */
export function isAtlasTechniqueId(id: string): boolean {
  return getFrameworkItem("atlas_technique", id) !== null;
}

/** The technique's display name ("Parent: Sub-technique" for sub-techniques), or null for an unknown id. */
export function atlasTechniqueName(id: string): string | null {
  return getFrameworkItem("atlas_technique", id)?.title ?? null;
}

export function isOwaspRiskId(id: string): boolean {
  return RISK_OWASP_FRAMEWORKS.some((framework) => getFrameworkItem(framework, id) !== null);
}

export function owaspTitle(id: string): string | null {
  for (const framework of RISK_OWASP_FRAMEWORKS) {
    const item = getFrameworkItem(framework, id);
    if (item) return item.title;
  }
  return null;
}

/** The title of a control a risk links, or null when the framework has no such item. */
export function controlTitle(framework: FrameworkId, controlId: string): string | null {
  return getFrameworkItem(framework, controlId)?.title ?? null;
}

/** What the risk form offers: the OWASP items a risk may cite and the frameworks controls come from. */
export function listRiskCatalogOptions(): { owasp: { id: string; title: string }[]; frameworks: { id: FrameworkId; name: string }[] } {
  return {
    owasp: RISK_OWASP_FRAMEWORKS.flatMap((framework) => listFrameworkItems(framework).map((item) => ({ id: item.id, title: item.title }))),
    frameworks: FRAMEWORKS.filter((f): f is typeof f & { id: FrameworkId } => f.id !== "atlas_technique").map((f) => ({ id: f.id, name: f.name })),
  };
}
