import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { assertCan, assertCanOnSome } from "@/lib/auth/permissions";
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
  assertCanOnSome(ctx, "system:update");
  const system = await tx.aISystem.findFirst({ where: { id: systemId, orgId: ctx.orgId }, select: { ownerId: true, archivedAt: true } });
  if (!system) throw new AppError("NOT_FOUND", "AI system not found.");
  assertCan(ctx, "system:update", system);
  if (system.archivedAt) throw new AppError("CONFLICT", "This AI system is archived; restore it before editing.");
}

/**
 * Loads a component for an update or delete, holding a row lock (FOR UPDATE) until the transaction ends,
 * so a concurrent update or delete of the same component waits and then sees the result (its audit
 * event records the real "before"; a second delete finds nothing: NOT_FOUND).
 */
export async function findComponentOrThrow(tx: Prisma.TransactionClient, ctx: ServiceContext, id: string) {
  await tx.$queryRaw`SELECT id FROM "SystemComponent" WHERE id = ${id} AND "orgId" = ${ctx.orgId} FOR UPDATE`;
  const row = await tx.systemComponent.findFirst({ where: { id, orgId: ctx.orgId }, select: componentSelect });
  if (!row) throw new AppError("NOT_FOUND", "Component not found.");
  return row;
}
