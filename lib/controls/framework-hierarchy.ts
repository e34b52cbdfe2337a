import { catalogItemHref } from "@/lib/catalogs/catalog-item-href";
import type { FrameworkId } from "@/lib/catalogs/frameworks";
import { getEuAiActCatalog } from "@/lib/catalogs/get-eu-ai-act-catalog";
import { getIso42001Catalog } from "@/lib/catalogs/get-iso42001-catalog";
import { getNistAiRmfCatalog } from "@/lib/catalogs/get-nist-ai-rmf-catalog";
import { listFrameworkItems } from "@/lib/catalogs/list-framework-items";

export type HierarchyItem = { id: string; title: string; href: string };
/** A heading of a framework's structure with its sub-sections and/or items. */
export type HierarchySection = { id: string; title: string; sections: HierarchySection[]; items: HierarchyItem[] };

const item = (framework: FrameworkId, id: string, title: string): HierarchyItem => ({ id, title, href: catalogItemHref({ framework, id }) });

/**
 * A framework's items in its own structure, in official order: ISO/IEC 42001 Annex A groups (A.6 split
 * into A.6.1 and A.6.2) → controls; EU AI Act chapters → sections (Chapter III) → articles of the catalog;
 * NIST AI RMF functions → categories → subcategories; OWASP lists and ATLAS mitigations as one list.
 */
export function frameworkHierarchy(framework: FrameworkId): HierarchySection[] {
  if (framework === "iso42001") {
    const { groups, subgroups, controls } = getIso42001Catalog();
    return groups.map((group) => {
      const own = subgroups.filter((sub) => sub.groupId === group.id);
      return {
        id: group.id,
        title: `${group.id} ${group.title}`,
        sections: own.map((sub) => ({
          id: sub.id,
          title: `${sub.id} ${sub.title}`,
          sections: [],
          items: controls.filter((c) => c.subgroupId === sub.id).map((c) => item(framework, c.id, c.title)),
        })),
        items: controls.filter((c) => c.groupId === group.id && c.subgroupId === null).map((c) => item(framework, c.id, c.title)),
      };
    });
  }
  if (framework === "eu_ai_act") {
    const { chapters, articles } = getEuAiActCatalog();
    return chapters
      .filter((chapter) => articles.some((a) => a.chapterId === chapter.id))
      .map((chapter) => ({
        id: chapter.id,
        title: `Chapter ${chapter.id}: ${chapter.title}`,
        sections: chapter.sections
          .filter((section) => articles.some((a) => a.chapterId === chapter.id && a.sectionId === section.id))
          .map((section) => ({
            id: `${chapter.id}.${section.id}`,
            title: `Section ${section.id}: ${section.title}`,
            sections: [],
            items: articles.filter((a) => a.chapterId === chapter.id && a.sectionId === section.id).map((a) => item(framework, a.id, a.title)),
          })),
        items: articles.filter((a) => a.chapterId === chapter.id && a.sectionId === null).map((a) => item(framework, a.id, a.title)),
      }));
  }
  if (framework === "nist_ai_rmf") {
    const { functions, categories, subcategories } = getNistAiRmfCatalog();
    return functions.map((fn) => ({
      id: fn.id,
      title: `${fn.id}: ${fn.statement}`,
      sections: categories
        .filter((category) => category.functionId === fn.id)
        .map((category) => ({
          id: category.id,
          title: `${category.id}: ${category.statement}`,
          sections: [],
          items: subcategories.filter((s) => s.categoryId === category.id).map((s) => item(framework, s.id, s.statement)),
        })),
      items: [],
    }));
  }
  const items = listFrameworkItems(framework);
  return [{ id: framework, title: items[0]?.groupLabel ?? framework, sections: [], items: items.map((i) => item(framework, i.id, i.title)) }];
}
