import data from "./data/iso42001.json";
import type { Iso42001Catalog } from "./types";

const CATALOG = data as Iso42001Catalog;

/** ISO/IEC 42001:2023 Annex A: groups and controls (identifiers and titles only). */
export function getIso42001Catalog(): Iso42001Catalog {
  return CATALOG;
}
