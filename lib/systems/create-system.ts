import { assertCan } from "@/lib/auth/permissions";
import { parseInput, type Unparsed } from "@/lib/validation/parse-input";
import type { ServiceContext } from "@/lib/context";
import { createSystemSchema, type CreateSystemInput, type SystemDetail } from "./schemas";
import { insertSystem } from "./internal";

/** Adds an AI system to the inventory (`system:create`); one audit event. */
export async function createSystem({ ctx, input }: { ctx: ServiceContext; input: Unparsed<CreateSystemInput> }): Promise<SystemDetail> {
  assertCan(ctx, "system:create");
  return insertSystem(ctx, parseInput(createSystemSchema, input), { isDemo: false });
}
