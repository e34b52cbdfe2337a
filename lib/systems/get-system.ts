import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import type { SystemDetail } from "./schemas";
import { findSystemOrThrow, toDetail } from "./internal";
import { systemViewerPermissions, type SystemViewerPermissions } from "./viewer-permissions";

/** One AI system, with what the viewer may do to it (`viewer`, for pages; REST leaves it out of the response). */
export async function getSystem({ ctx, input }: { ctx: ServiceContext; input: { id: string } }): Promise<SystemDetail & { viewer: SystemViewerPermissions }> {
  assertCan(ctx, "inventory:read");
  const system = toDetail(await findSystemOrThrow(ctx.tx ?? db, ctx, input.id));
  return { ...system, viewer: systemViewerPermissions(ctx.actor, { ownerId: system.ownerId, archived: system.archivedAt !== null }) };
}
