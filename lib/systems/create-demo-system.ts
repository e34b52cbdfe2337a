import { assertCan } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation/parse-input";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";
import { createSystemSchema, type CreateSystemInput, type SystemDetail } from "./schemas";
import { insertSystem } from "./internal";

/**
 * Seed only (lib/demo): createSystem for an AI system flagged as demo data. The flag is not part of
 * any public input; this verb refuses every actor but the system (seed, CLI), so neither a form nor
 * an API token can reach it.
 */
export async function createDemoSystem({ ctx, input }: { ctx: ServiceContext; input: CreateSystemInput }): Promise<SystemDetail> {
  assertCan(ctx, "system:create");
  if (ctx.actor.type !== "system") throw new AppError("FORBIDDEN", "Only the demo seed creates demo AI systems.");
  return insertSystem(ctx, parseInput(createSystemSchema, input), { isDemo: true });
}
