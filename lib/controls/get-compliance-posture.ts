import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation/parse-input";
import type { ServiceContext } from "@/lib/context";
import { computePosture } from "./compute-posture";
import { controlSystemSelect, findControlSystemOrThrow } from "./control-system";
import { loadControlStates } from "./load-control-states";
import { compliancePostureInputSchema, type CompliancePosture } from "./schemas";

/**
 * Compliance posture per framework and overall, for one AI system or for the whole organisation (every
 * active, i.e. not archived, system; retired ones have no applicable controls). Per framework: applicable,
 * implemented, in progress, not started, not applicable, evidenced, and percent = implemented /
 * (applicable − not applicable). See compute-posture.ts.
 */
export async function getCompliancePosture({ ctx, input = {} }: { ctx: ServiceContext; input?: { systemId?: string } }): Promise<CompliancePosture> {
  assertCan(ctx, "inventory:read");
  const { systemId } = parseInput(compliancePostureInputSchema, input);
  const client = ctx.tx ?? db;
  const systems = systemId
    ? [await findControlSystemOrThrow(client, ctx, systemId)]
    : await client.aISystem.findMany({ where: { orgId: ctx.orgId, archivedAt: null }, select: controlSystemSelect, orderBy: [{ name: "asc" }, { id: "asc" }] });
  const states = await loadControlStates(client, ctx, systems);
  return {
    scope: systemId ? "system" : "organization",
    systemId: systemId ?? null,
    systems: systems.length,
    ...computePosture(states.map((state) => ({ framework: state.control.framework, status: state.status, evidenced: state.evidenced }))),
  };
}
