import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import type { SystemDetail } from "./schemas";
import { getSystem } from "./get-system";
import { listFilterOptions } from "./list-filter-options";
import type { SystemViewerPermissions } from "./viewer-permissions";

export type SystemEditPage = {
  system: SystemDetail;
  /** The owner picker's choices (empty when the viewer may not edit the system). */
  owners: { id: string; name: string }[];
  /** What the viewer may do here (canEdit: show the form at all; canChangeOwner: the owner field). */
  viewer: SystemViewerPermissions;
};

/** What the system's edit page shows: the system and the owner picker, when the viewer may edit it. */
export async function getSystemEditPage({ ctx, input }: { ctx: ServiceContext; input: { id: string } }): Promise<SystemEditPage> {
  assertCan(ctx, "inventory:read");
  const { viewer, ...system } = await getSystem({ ctx, input: { id: input.id } }); // NOT_FOUND first, across organisations too
  const owners = viewer.canEdit ? (await listFilterOptions({ ctx })).owners : [];
  return { system, owners, viewer };
}
