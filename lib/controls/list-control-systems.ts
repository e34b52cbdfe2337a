import { z } from "zod";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation/parse-input";
import type { ServiceContext } from "@/lib/context";
import type { RiskTier } from "@/lib/systems/schemas";
import { controlSystemSelect } from "./control-system";
import { loadControlStates } from "./load-control-states";
import { controlFrameworkSchema, controlIdSchema, type ControlStatus } from "./schemas";

export type ControlSystemEntry = { id: string; name: string; riskTier: RiskTier; status: ControlStatus; evidenced: boolean; reason: string };

/**
 * For a control's page: the organisation's active AI systems the control applies to, with each one's
 * status (implemented first, then in progress, not started, not applicable; by name within a status).
 */
export async function listControlSystems({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { framework: string; controlId: string };
}): Promise<ControlSystemEntry[]> {
  assertCan(ctx, "inventory:read");
  const { framework, controlId } = parseInput(z.strictObject({ framework: controlFrameworkSchema, controlId: controlIdSchema }), input);
  const client = ctx.tx ?? db;
  const systems = await client.aISystem.findMany({ where: { orgId: ctx.orgId, archivedAt: null }, select: controlSystemSelect });
  const states = await loadControlStates(client, ctx, systems, { framework, controlId });
  const order: Record<ControlStatus, number> = { implemented: 0, in_progress: 1, not_started: 2, not_applicable: 3 };
  return states
    .map((state) => ({
      id: state.system.id,
      name: state.system.name,
      riskTier: state.system.riskTier,
      status: state.status,
      evidenced: state.evidenced,
      reason: state.control.reason,
    }))
    .sort((a, b) => order[a.status] - order[b.status] || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
