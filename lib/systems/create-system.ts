import { withTransaction } from "@/lib/db/with-transaction";
import { assertCan } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { diffChanges } from "@/lib/audit/diff-changes";
import { parseInput } from "@/lib/validation/parse-input";
import type { ServiceContext } from "@/lib/context";
import { createSystemSchema, SYSTEM_FIELDS, type CreateSystemInput, type SystemDetail } from "./schemas";
import { assertOwnerIsMember, detailSelect, toDetail } from "./internal";

export async function createSystem({ ctx, input }: { ctx: ServiceContext; input: CreateSystemInput & { isDemo?: boolean } }): Promise<SystemDetail> {
  assertCan(ctx, "system:create");
  const { isDemo, ...rest } = input;
  const data = parseInput(createSystemSchema, rest);
  return withTransaction(ctx, async (tx) => {
    await assertOwnerIsMember(tx, ctx, data.ownerId);
    const row = await tx.aISystem.create({ data: { ...data, orgId: ctx.orgId, isDemo: isDemo ?? false }, select: detailSelect });
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
