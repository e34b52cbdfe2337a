import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";

export const componentSelect = {
  id: true,
  systemId: true,
  kind: true,
  name: true,
  version: true,
  sourceUrl: true,
  licence: true,
  sha256: true,
} satisfies Prisma.SystemComponentSelect;

/** Component edits are edits of the parent system: same permission (risk owners: own systems), refused on archived systems. */
export async function assertCanEditSystem(tx: Prisma.TransactionClient, ctx: ServiceContext, systemId: string) {
  assertCan(ctx, "system:update");
  const system = await tx.aISystem.findFirst({ where: { id: systemId, orgId: ctx.orgId }, select: { ownerId: true, archivedAt: true } });
  if (!system) throw new AppError("NOT_FOUND", "AI system not found.");
  assertCan(ctx, "system:update", system);
  if (system.archivedAt) throw new AppError("CONFLICT", "This AI system is archived; restore it before editing.");
}

export async function findComponentOrThrow(tx: Prisma.TransactionClient, ctx: ServiceContext, id: string) {
  const row = await tx.systemComponent.findFirst({ where: { id, orgId: ctx.orgId }, select: componentSelect });
  if (!row) throw new AppError("NOT_FOUND", "Component not found.");
  return row;
}
