import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import type { SystemDetail } from "./schemas";
import { findSystemOrThrow, toDetail } from "./internal";

export async function getSystem({ ctx, input }: { ctx: ServiceContext; input: { id: string } }): Promise<SystemDetail> {
  assertCan(ctx, "inventory:read");
  return toDetail(await findSystemOrThrow(ctx.tx ?? db, ctx, input.id));
}
