import type { CatalogFrameworkId } from "./frameworks";
import { getAtlasCatalog } from "./get-atlas-catalog";
import { getEuAiActCatalog } from "./get-eu-ai-act-catalog";
import { getIso42001Catalog } from "./get-iso42001-catalog";
import { getNistAiRmfCatalog } from "./get-nist-ai-rmf-catalog";
import { getOwaspCatalog } from "./get-owasp-catalog";
import type { FrameworkItem, OwaspList } from "./types";

function iso42001Items(): FrameworkItem[] {
  const { groups, subgroups, controls } = getIso42001Catalog();
  const label = new Map([...groups, ...subgroups].map((group) => [group.id, `${group.id} ${group.title}`]));
  return controls.map((control) => {
    const parentId = control.subgroupId ?? control.groupId;
    return { framework: "iso42001", id: control.id, title: control.title, parentId, groupLabel: label.get(parentId)! };
  });
}

function euAiActItems(): FrameworkItem[] {
  const { chapters, articles } = getEuAiActCatalog();
  return articles.map((article) => {
    const chapter = chapters.find((candidate) => candidate.id === article.chapterId)!;
    const section = chapter.sections.find((candidate) => candidate.id === article.sectionId);
    const groupLabel = section ? `Chapter ${chapter.id}, Section ${section.id}: ${section.title}` : `Chapter ${chapter.id}: ${chapter.title}`;
    return { framework: "eu_ai_act", id: article.id, title: article.title, parentId: null, groupLabel };
  });
}

function nistAiRmfItems(): FrameworkItem[] {
  const { categories, subcategories } = getNistAiRmfCatalog();
  const label = new Map(categories.map((category) => [category.id, `${category.id}: ${category.statement}`]));
  return subcategories.map((subcategory) => ({
    framework: "nist_ai_rmf",
    id: subcategory.id,
    title: subcategory.statement,
    parentId: subcategory.categoryId,
    groupLabel: label.get(subcategory.categoryId)!,
  }));
}

function owaspItems(framework: "owasp_llm_2025" | "owasp_agentic_2026", list: OwaspList): FrameworkItem[] {
  const groupLabel = `${list.name} ${list.version}`;
  return list.items.map((item) => ({ framework, id: item.id, title: item.title, parentId: null, groupLabel }));
}

function atlasMitigationItems(): FrameworkItem[] {
  return getAtlasCatalog().mitigations.map((mitigation) => ({
    framework: "atlas_mitigation",
    id: mitigation.id,
    title: mitigation.name,
    parentId: null,
    groupLabel: "MITRE ATLAS mitigations",
  }));
}

function atlasTechniqueItems(): FrameworkItem[] {
  const { tactics, techniques } = getAtlasCatalog();
  const tacticName = new Map(tactics.map((tactic) => [tactic.id, tactic.name]));
  const techniqueName = new Map(techniques.map((technique) => [technique.id, technique.name]));
  return techniques.map((technique) => ({
    framework: "atlas_technique",
    id: technique.id,
    title: technique.parentId === null ? technique.name : `${techniqueName.get(technique.parentId)}: ${technique.name}`,
    parentId: technique.parentId,
    groupLabel: technique.tacticIds.map((id) => tacticName.get(id)).join(" / "),
  }));
}

const ITEMS: Readonly<Record<CatalogFrameworkId, readonly FrameworkItem[]>> = {
  iso42001: iso42001Items(),
  eu_ai_act: euAiActItems(),
  nist_ai_rmf: nistAiRmfItems(),
  owasp_llm_2025: owaspItems("owasp_llm_2025", getOwaspCatalog().llm2025),
  owasp_agentic_2026: owaspItems("owasp_agentic_2026", getOwaspCatalog().agentic2026),
  atlas_mitigation: atlasMitigationItems(),
  atlas_technique: atlasTechniqueItems(),
};

/**
 * The items of one framework in official order (ISO Annex A order, article order, NIST core order,
 * OWASP rank, ATLAS id order with each sub-technique after its parent).
 */
export function listFrameworkItems(framework: CatalogFrameworkId): readonly FrameworkItem[] {
  const items = ITEMS[framework];
  if (items === undefined) throw new Error(`Unknown framework: ${String(framework)}`);
  return items;
}
