import type { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";
import { withTransaction } from "@/lib/db/with-transaction";
import { recordAudit } from "@/lib/audit/record-audit";
import { diffChanges } from "@/lib/audit/diff-changes";
import { SYSTEM_FIELDS, type createSystemSchema, type SystemDetail, type SystemSummary } from "./schemas";

// Fetch helpers and DTO shapes private to lib/systems (not imported from outside the folder).

export const summarySelect = {
  id: true,
  name: true,
  businessUnit: true,
  lifecycleStage: true,
  riskTier: true,
  euAiActRole: true,
  isDemo: true,
  archivedAt: true,
  updatedAt: true,
  version: true,
  owner: { select: { id: true, name: true } },
} satisfies Prisma.AISystemSelect;

export const detailSelect = {
  ...summarySelect,
  description: true,
  purpose: true,
  ownerId: true,
  deploymentContext: true,
  riskTierBasis: true,
  riskTierRationale: true,
  modelType: true,
  foundationModel: true,
  vendor: true,
  hosting: true,
  dataCategories: true,
  affectedPersons: true,
  humanOversight: true,
  autonomyLevel: true,
  createdAt: true,
  components: { select: { id: true, kind: true, name: true, version: true, sourceUrl: true, licence: true, sha256: true }, orderBy: { createdAt: "asc" } },
} satisfies Prisma.AISystemSelect;

type SummaryRow = Prisma.AISystemGetPayload<{ select: typeof summarySelect }>;
type DetailRow = Prisma.AISystemGetPayload<{ select: typeof detailSelect }>;

export function toSummary(row: SummaryRow): SystemSummary {
  return { ...row, archivedAt: row.archivedAt?.toISOString() ?? null, updatedAt: row.updatedAt.toISOString() };
}

export function toDetail(row: DetailRow): SystemDetail {
  return {
    ...row,
    dataCategories: row.dataCategories as SystemDetail["dataCategories"],
    archivedAt: row.archivedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}

/** Loads a system of the context's organisation or throws NOT_FOUND (also for other organisations' ids). */
export async function findSystemOrThrow(tx: Prisma.TransactionClient, ctx: ServiceContext, id: string) {
  const row = await tx.aISystem.findFirst({ where: { id, orgId: ctx.orgId }, select: detailSelect });
  if (!row) throw new AppError("NOT_FOUND", "AI system not found.");
  return row;
}

/** An owner must be a member of the organisation. */
export async function assertOwnerIsMember(tx: Prisma.TransactionClient, ctx: ServiceContext, ownerId: string | null | undefined) {
  if (!ownerId) return;
  const member = await tx.membership.findFirst({ where: { orgId: ctx.orgId, userId: ownerId }, select: { id: true } });
  if (!member)
    throw new AppError("VALIDATION", "The owner must be a member of this organisation.", [{ path: "ownerId", message: "Not a member of this organisation" }]);
}

/** The insert and audit event behind createSystem and createDemoSystem (the caller has authorised and parsed). */
export async function insertSystem(ctx: ServiceContext, data: z.output<typeof createSystemSchema>, { isDemo }: { isDemo: boolean }): Promise<SystemDetail> {
  return withTransaction(ctx, async (tx) => {
    await assertOwnerIsMember(tx, ctx, data.ownerId);
    const row = await tx.aISystem.create({ data: { ...data, orgId: ctx.orgId, isDemo }, select: detailSelect });
    await recordAudit(tx, ctx, {
      action: "system.create",
      entityType: "system",
      entityId: row.id,
      subjectId: row.id,
      changes: diffChanges(null, row, SYSTEM_FIELDS),
    });
    return toDetail(row);
  });
}
