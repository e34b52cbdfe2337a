import { z } from "zod";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation/parse-input";
import type { ServiceContext } from "@/lib/context";
import { countPosture } from "./compute-posture";
import { controlSystemSelect } from "./control-system";
import { loadControlStates } from "./load-control-states";
import { controlFrameworkSchema, type ControlFrameworkId, type PostureCounts } from "./schemas";

export type FrameworkCoverage = {
  framework: ControlFrameworkId;
  systems: number;
  /** Per control id: how many active systems it applies to and their statuses. Controls applying to no system are absent. */
  controls: Record<string, PostureCounts>;
};

/** For the framework page: per control, across the organisation's active AI systems, the status counts. */
export async function getFrameworkCoverage({ ctx, input }: { ctx: ServiceContext; input: { framework: string } }): Promise<FrameworkCoverage> {
  assertCan(ctx, "inventory:read");
  const { framework } = parseInput(z.strictObject({ framework: controlFrameworkSchema }), input);
  const client = ctx.tx ?? db;
  const systems = await client.aISystem.findMany({ where: { orgId: ctx.orgId, archivedAt: null }, select: controlSystemSelect });
  const states = await loadControlStates(client, ctx, systems, { framework });
  const byControl = new Map<string, typeof states>();
  for (const state of states) {
    const list = byControl.get(state.control.controlId) ?? [];
    list.push(state);
    byControl.set(state.control.controlId, list);
  }
  return { framework, systems: systems.length, controls: Object.fromEntries([...byControl].map(([id, list]) => [id, countPosture(list)])) };
}
