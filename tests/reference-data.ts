import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { resolveReferenceDir } from "@/scripts/build-catalogs";

/**
 * The third-party reference data set the conformance tests read at run time (never copied into the
 * repository): REFERENCE_DATA_DIR, else ../shared/reference beside the repository. A missing file fails
 * the test loudly instead of skipping it, so a run without the data set cannot pass by accident.
 */
export const REFERENCE_DIR = resolveReferenceDir();

export function referencePath(file: string): string {
  const full = path.join(REFERENCE_DIR, file);
  if (!existsSync(full))
    throw new Error(`Reference file not found: ${full}. The conformance tests read the reference data set; set REFERENCE_DATA_DIR to its directory.`);
  return full;
}

export function readReference(file: string): string {
  return readFileSync(referencePath(file), "utf8");
}
