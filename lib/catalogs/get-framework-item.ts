import { CATALOG_FRAMEWORK_IDS, type CatalogFrameworkId } from "./frameworks";
import { listFrameworkItems } from "./list-framework-items";
import type { FrameworkItem } from "./types";

const INDEX: ReadonlyMap<CatalogFrameworkId, ReadonlyMap<string, FrameworkItem>> = new Map(
  CATALOG_FRAMEWORK_IDS.map((framework) => [framework, new Map(listFrameworkItems(framework).map((item) => [item.id, item]))]),
);

/** One item by framework and exact id ("A.6.2.6", "Art 9", "GOVERN 1.1", "LLM01:2025", "AML.M0015"), or null. */
export function getFrameworkItem(framework: CatalogFrameworkId, id: string): FrameworkItem | null {
  return INDEX.get(framework)?.get(id) ?? null;
}
