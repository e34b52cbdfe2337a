import type { ServiceContext } from "@/lib/context";
import { assertCan } from "@/lib/auth/permissions";
import { setArchived } from "./set-archived";

export async function restoreSystem({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  assertCan(ctx, "system:archive");
  return setArchived(ctx, input.id, false);
}
