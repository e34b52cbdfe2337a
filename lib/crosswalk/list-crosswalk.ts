import referenceData from "./data/reference-rows.json";
import { PROJECT_ROWS } from "./project-rows";
import type { CrosswalkRow } from "./types";

const REFERENCE_ROWS = referenceData.rows as readonly CrosswalkRow[];

const ALL_ROWS: readonly CrosswalkRow[] = [...REFERENCE_ROWS, ...PROJECT_ROWS];

/**
 * Every crosswalk row: first the rows taken from reference files (generated into
 * data/reference-rows.json by scripts/build-catalogs.ts), then the rows authored by this project
 * (project-rows.ts). Every row carries its source.
 */
export function listCrosswalk(): readonly CrosswalkRow[] {
  return ALL_ROWS;
}
