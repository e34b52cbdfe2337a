import { assertCan, can } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import { listSystemsSchema, type SystemList } from "./schemas";
import { listSystems } from "./list-systems";
import { listFilterOptions } from "./list-filter-options";

export type SystemsPage = {
  /** The URL state as filters (an invalid value falls back to its default, as in every filter form). */
  filters: ReturnType<typeof listSystemsSchema.parse>;
  list: SystemList;
  /** The filters' choices: business units in use and the organisation's members. */
  options: Awaited<ReturnType<typeof listFilterOptions>>;
  /** What the viewer may do from the inventory (system:create → "New AI system"). */
  viewer: { canCreate: boolean };
};

/** What the inventory page shows: URL state → filters, the page of systems and the filters' choices. */
export async function getSystemsPage({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<SystemsPage> {
  assertCan(ctx, "inventory:read");
  const filters = listSystemsSchema.parse(input ?? {});
  const [list, options] = await Promise.all([listSystems({ ctx, input: filters }), listFilterOptions({ ctx })]);
  return { filters, list, options, viewer: { canCreate: can(ctx.actor, "system:create") } };
}
