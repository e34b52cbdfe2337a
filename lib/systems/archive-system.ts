import type { ServiceContext } from "@/lib/context";
import { setArchived } from "./set-archived";

export function archiveSystem({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  return setArchived(ctx, input.id, true);
}
