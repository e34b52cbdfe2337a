import type { CatalogFrameworkId } from "@/lib/catalogs/frameworks";

/** One catalog item: a control or requirement of a framework, or an ATLAS technique. */
export interface ItemRef {
  readonly framework: CatalogFrameworkId;
  readonly id: string;
}

/**
 * How `from` relates to `to`.
 * - "equivalent": both ask for substantially the same thing; evidence for one is evidence for the other.
 * - "supports": meeting `from` contributes to meeting `to` (typically a management-system control towards a
 *   legal obligation), without covering all of it.
 * - "related": the same topic seen from two angles (e.g. an OWASP risk and an ATLAS attack technique); no
 *   claim about evidence.
 * - "mitigates": `from` (a mitigation or control) reduces the likelihood or impact of `to` (a technique).
 */
export type CrosswalkRelation = "equivalent" | "related" | "supports" | "mitigates";

/** Every row says where it comes from: a reference file (and which entry), or this project's own judgement. */
export type CrosswalkSource =
  { readonly kind: "reference"; readonly file: string; readonly detail: string } | { readonly kind: "project"; readonly rationale: string };

export interface CrosswalkRow {
  readonly from: ItemRef;
  readonly to: ItemRef;
  readonly relation: CrosswalkRelation;
  readonly source: CrosswalkSource;
}
