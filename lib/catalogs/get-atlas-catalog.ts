import data from "./data/atlas.json";
import type { AtlasCatalog } from "./types";

const CATALOG = data as AtlasCatalog;

/** The built-in MITRE ATLAS catalog (ids and names; tactics in matrix order, the rest by id). */
export function getAtlasCatalog(): AtlasCatalog {
  return CATALOG;
}
