import { catalogItemHref } from "@/lib/catalogs/catalog-item-href";
import { CATALOG_FRAMEWORK_IDS, EVIDENCE_FRAMEWORK_IDS, type EvidenceFrameworkId } from "@/lib/catalogs/frameworks";
import { getFrameworkItem } from "@/lib/catalogs/get-framework-item";
import { listFrameworkItems } from "@/lib/catalogs/list-framework-items";
import { listCrosswalk } from "./list-crosswalk";
import type { CrosswalkRelation, ItemRef } from "./types";

export interface EquivalentControl {
  readonly framework: EvidenceFrameworkId;
  readonly id: string;
  readonly title: string;
  readonly href: string;
  /** 1: a crosswalk row links the two directly; 2: linked through `via`. */
  readonly hops: 1 | 2;
  /** The intermediate control of a two-hop link; null for a direct one. */
  readonly via: ItemRef | null;
}

type Edge = { readonly other: ItemRef; readonly relation: Extract<CrosswalkRelation, "equivalent" | "supports"> };

const key = (ref: ItemRef) => `${ref.framework}\u0000${ref.id}`;
const isEvidenceFramework = (framework: string): framework is EvidenceFrameworkId => (EVIDENCE_FRAMEWORK_IDS as readonly string[]).includes(framework);

function buildGraph(): Map<string, Edge[]> {
  const graph = new Map<string, Edge[]>();
  const add = (from: ItemRef, edge: Edge) => {
    const edges = graph.get(key(from));
    if (edges) edges.push(edge);
    else graph.set(key(from), [edge]);
  };
  for (const row of listCrosswalk()) {
    if (row.relation !== "equivalent" && row.relation !== "supports") continue;
    if (!isEvidenceFramework(row.from.framework) || !isEvidenceFramework(row.to.framework)) continue;
    add(row.from, { other: row.to, relation: row.relation });
    add(row.to, { other: row.from, relation: row.relation });
  }
  return graph;
}

const GRAPH = buildGraph();

const POSITION = new Map(CATALOG_FRAMEWORK_IDS.flatMap((framework) => listFrameworkItems(framework).map((item, position) => [key(item), position] as const)));

/**
 * The controls that evidence attached to `ref` also counts for (evidence reuse across ISO/IEC 42001,
 * the EU AI Act and the NIST AI RMF).
 *
 * The rule:
 * 1. Only rows with relation "equivalent" or "supports" whose both ends are in iso42001, eu_ai_act or
 *    nist_ai_rmf count ("related" rows, ATLAS and OWASP rows never do). Direction is ignored: a row
 *    links its two items both ways.
 * 2. hops = 1: items linked to `ref` by such a row.
 * 3. hops = 2 (transitive, at most one extra hop): items linked to a hop-1 item, provided at least one
 *    of the two rows on the path is "equivalent". Equivalence is transparent (if B and C are equivalent,
 *    what counts for B counts for C), but two "supports" rows do not chain: A.5.2 supports Art 9 and
 *    MANAGE 1.3 supports Art 9 does not make A.5.2 evidence count for MANAGE 1.3.
 * 4. `ref` itself is never returned; an item reachable both ways is reported with hops = 1.
 *
 * Every condition is symmetric in the two ends of the path, so the relation is symmetric: B is in
 * equivalentControls(A) exactly when A is in equivalentControls(B). Sorted by framework, then catalog order.
 */
export function equivalentControls(ref: ItemRef): EquivalentControl[] {
  const start = key(ref);
  const found = new Map<string, { ref: ItemRef; hops: 1 | 2; via: ItemRef | null }>();
  const first = GRAPH.get(start) ?? [];
  for (const edge of first) {
    if (key(edge.other) !== start) found.set(key(edge.other), { ref: edge.other, hops: 1, via: null });
  }
  for (const edge of first) {
    for (const next of GRAPH.get(key(edge.other)) ?? []) {
      const target = key(next.other);
      if (target === start || found.has(target)) continue;
      if (edge.relation !== "equivalent" && next.relation !== "equivalent") continue;
      found.set(target, { ref: next.other, hops: 2, via: edge.other });
    }
  }
  const frameworkOrder = (framework: string) => (EVIDENCE_FRAMEWORK_IDS as readonly string[]).indexOf(framework);
  return [...found.values()]
    .map(({ ref: other, hops, via }) => ({
      framework: other.framework as EvidenceFrameworkId,
      id: other.id,
      title: getFrameworkItem(other.framework, other.id)?.title ?? other.id,
      href: catalogItemHref(other),
      hops,
      via,
    }))
    .sort((a, b) => frameworkOrder(a.framework) - frameworkOrder(b.framework) || (POSITION.get(key(a)) ?? Infinity) - (POSITION.get(key(b)) ?? Infinity));
}
