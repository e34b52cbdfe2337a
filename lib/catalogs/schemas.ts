import { z } from "zod";
import { CATALOG_FRAMEWORK_IDS, FRAMEWORK_IDS } from "./frameworks";
import { getFrameworkItem } from "./get-framework-item";

/** A framework id as stored with controls, evidence links and risk treatments. */
export const frameworkIdSchema = z.enum(FRAMEWORK_IDS);

/** Any catalog that items can be referenced in (the frameworks plus ATLAS techniques). */
export const catalogFrameworkIdSchema = z.enum(CATALOG_FRAMEWORK_IDS);

/** A reference to an existing framework item, e.g. { framework: "iso42001", id: "A.6.2.6" }. */
export const frameworkItemRefSchema = z
  .object({ framework: frameworkIdSchema, id: z.string().trim().min(1).max(64) })
  .refine((ref) => getFrameworkItem(ref.framework, ref.id) !== null, { message: "Unknown item for this framework.", path: ["id"] });

/** The catalog search's query string (the /search page and the header search box). */
export const catalogSearchQuerySchema = z.object({ q: z.string().trim().max(200).optional().catch(undefined) });
