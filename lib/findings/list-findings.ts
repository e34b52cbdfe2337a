import { assertCan } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { parseInput, type Unparsed } from "@/lib/validation/parse-input";
import type { ServiceContext } from "@/lib/context";
import { findingFiltersSchema, type FindingFilters, type FindingList } from "./schemas";
import { loadFindingList } from "./internal";

/**
 * The organisation's findings, filtered (system, tool, severity, status, ATLAS technique — a parent also matches its
 * sub-techniques —, OWASP item, import) and paginated; every status unless `status` is given. Most severe first,
 * then most recently seen.
 */
export async function listFindings({ ctx, input }: { ctx: ServiceContext; input: Unparsed<FindingFilters> }): Promise<FindingList> {
  assertCan(ctx, "inventory:read");
  const filters = parseInput(findingFiltersSchema, input);
  return loadFindingList(ctx.tx ?? db, ctx, filters);
}
