import type { Prisma } from "@/generated/prisma/client";
import type { ServiceContext } from "@/lib/context";
import type { ApplicableControl } from "./applicable-controls";
import { controlKey, hasEvidence } from "./control-evidence";
import { applicableForSystem, loadDecidedClassifications, loadLinkedControlKeys } from "./internal";
import { type ControlSystemRow } from "./control-system";
import type { ControlStatus } from "./schemas";

export type ControlState = {
  system: ControlSystemRow;
  control: ApplicableControl;
  status: ControlStatus;
  evidenced: boolean;
};

/**
 * Every applicable control of the given systems with its stored status (default not_started) and whether
 * it has evidence (direct or via the crosswalk): the input of the posture and coverage views. Optionally
 * limited to one framework or one control. Private to lib/controls.
 */
export async function loadControlStates(
  client: Prisma.TransactionClient,
  ctx: ServiceContext,
  systems: readonly ControlSystemRow[],
  only: { framework?: string; controlId?: string } = {},
): Promise<ControlState[]> {
  if (systems.length === 0) return [];
  const ids = systems.map((system) => system.id);
  const classifications = await loadDecidedClassifications(client, ctx, ids);
  const stored = await client.systemControl.findMany({
    where: {
      orgId: ctx.orgId,
      systemId: { in: ids },
      ...(only.framework && { framework: only.framework }),
      ...(only.controlId && { controlId: only.controlId }),
    },
    select: { systemId: true, framework: true, controlId: true, status: true },
  });
  const statuses = new Map(stored.map((row) => [`${row.systemId}\u0000${controlKey(row.framework, row.controlId)}`, row.status]));
  const linked = await loadLinkedControlKeys(client, ctx, ids);
  const states: ControlState[] = [];
  for (const system of systems) {
    const keys = linked.get(system.id) ?? new Set<string>();
    for (const control of applicableForSystem(system, classifications.get(system.id))) {
      if (only.framework && control.framework !== only.framework) continue;
      if (only.controlId && control.controlId !== only.controlId) continue;
      states.push({
        system,
        control,
        status: statuses.get(`${system.id}\u0000${controlKey(control.framework, control.controlId)}`) ?? "not_started",
        evidenced: hasEvidence(control, keys),
      });
    }
  }
  return states;
}
