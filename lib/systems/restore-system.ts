import type { ServiceContext } from "@/lib/context";
import { setArchived } from "./set-archived";

export function restoreSystem({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  return setArchived(ctx, input.id, false);
}
