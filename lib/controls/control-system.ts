import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { assertCan, assertCanOnSome } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import type { ApplicableControl } from "./applicable-controls";
import { applicableForSystem, loadDecidedClassifications } from "./internal";
import type { ControlRef } from "./schemas";

// The AI system a control or evidence edit is about: loaded in the context's organisation, checked for
// "control:write" and for being active, with its applicable controls. Shared by lib/controls and lib/evidence
// (evidence is attached to controls, so it takes the same checks).

type Client = Prisma.TransactionClient;

export const controlSystemSelect = {
  id: true,
  name: true,
  ownerId: true,
  riskTier: true,
  euAiActRole: true,
  lifecycleStage: true,
  archivedAt: true,
} satisfies Prisma.AISystemSelect;
export type ControlSystemRow = Prisma.AISystemGetPayload<{ select: typeof controlSystemSelect }>;

/** A system of the context's organisation or NOT_FOUND (also for another organisation's id). */
export async function findControlSystemOrThrow(client: Client, ctx: ServiceContext, systemId: string): Promise<ControlSystemRow> {
  const row = await client.aISystem.findFirst({ where: { id: systemId, orgId: ctx.orgId }, select: controlSystemSelect });
  if (!row) throw new AppError("NOT_FOUND", "AI system not found.");
  return row;
}

/** The applicable control `ref` of `applicable`, or VALIDATION naming controlId (only applicable controls can be set). */
export function assertApplicable(applicable: readonly ApplicableControl[], ref: ControlRef, path = "controlId"): ApplicableControl {
  const found = applicable.find((control) => control.framework === ref.framework && control.controlId === ref.controlId);
  if (!found) {
    throw new AppError("VALIDATION", `${ref.controlId} is not an applicable control of this AI system.`, [
      { path, message: "Not applicable to this AI system (its risk tier, role and lifecycle stage decide which controls apply)" },
    ]);
  }
  return found;
}

/**
 * Control and evidence edits: the "control:write" permission (risk owners: own systems only), refused
 * on archived systems. Returns the system and its applicable controls.
 */
export async function loadWritableSystem(client: Client, ctx: ServiceContext, systemId: string) {
  assertCanOnSome(ctx, "control:write");
  const system = await findControlSystemOrThrow(client, ctx, systemId);
  assertCan(ctx, "control:write", system);
  if (system.archivedAt) throw new AppError("CONFLICT", "This AI system is archived; restore it before editing its controls or evidence.");
  const classifications = await loadDecidedClassifications(client, ctx, [system.id]);
  return { system, applicable: applicableForSystem(system, classifications.get(system.id)) };
}
