import { catalogItemHref } from "@/lib/catalogs/catalog-item-href";
import { CATALOG_FRAMEWORK_IDS, FRAMEWORK_INFO, type CatalogFrameworkId } from "@/lib/catalogs/frameworks";
import { getFrameworkItem } from "@/lib/catalogs/get-framework-item";
import { listFrameworkItems } from "@/lib/catalogs/list-framework-items";
import { listCrosswalk } from "./list-crosswalk";
import type { CrosswalkRelation, CrosswalkRow, CrosswalkSource, ItemRef } from "./types";

export interface RelatedItem {
  readonly framework: CatalogFrameworkId;
  readonly id: string;
  readonly title: string;
  readonly href: string;
  readonly relation: CrosswalkRelation;
  /** "outgoing": the asked-for item is the row's `from` (e.g. a mitigation that mitigates this technique is "incoming"). */
  readonly direction: "outgoing" | "incoming";
  readonly source: CrosswalkSource;
}

export interface RelatedItemGroup {
  readonly framework: CatalogFrameworkId;
  readonly frameworkName: string;
  readonly items: readonly RelatedItem[];
}

const key = (ref: ItemRef) => `${ref.framework}\u0000${ref.id}`;

function buildIndex(): Map<string, { row: CrosswalkRow; direction: "outgoing" | "incoming" }[]> {
  const index = new Map<string, { row: CrosswalkRow; direction: "outgoing" | "incoming" }[]>();
  const add = (ref: ItemRef, entry: { row: CrosswalkRow; direction: "outgoing" | "incoming" }) => {
    const list = index.get(key(ref));
    if (list) list.push(entry);
    else index.set(key(ref), [entry]);
  };
  for (const row of listCrosswalk()) {
    add(row.from, { row, direction: "outgoing" });
    add(row.to, { row, direction: "incoming" });
  }
  return index;
}

const INDEX = buildIndex();

/** Position of each item in its catalog's official order, to sort related items the way the catalogs list them. */
const POSITION = new Map(CATALOG_FRAMEWORK_IDS.flatMap((framework) => listFrameworkItems(framework).map((item, position) => [key(item), position] as const)));

/**
 * Crosswalk rows touching an item, in either direction, as the item on the other side (title
 * resolved from its catalog) with the relation and the row's source. Grouped by the other side's
 * framework (in CATALOG_FRAMEWORK_IDS order), items in catalog order; [] for an item without rows.
 */
export function relatedItems(ref: ItemRef): RelatedItemGroup[] {
  const groups = new Map<CatalogFrameworkId, RelatedItem[]>();
  for (const { row, direction } of INDEX.get(key(ref)) ?? []) {
    const other = direction === "outgoing" ? row.to : row.from;
    const item: RelatedItem = {
      framework: other.framework,
      id: other.id,
      title: getFrameworkItem(other.framework, other.id)?.title ?? other.id,
      href: catalogItemHref(other),
      relation: row.relation,
      direction,
      source: row.source,
    };
    const group = groups.get(other.framework);
    if (group) group.push(item);
    else groups.set(other.framework, [item]);
  }
  return CATALOG_FRAMEWORK_IDS.filter((framework) => groups.has(framework)).map((framework) => ({
    framework,
    frameworkName: FRAMEWORK_INFO[framework].name,
    items: groups.get(framework)!.sort((a, b) => (POSITION.get(key(a)) ?? Infinity) - (POSITION.get(key(b)) ?? Infinity)),
  }));
}
