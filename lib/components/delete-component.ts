import { withTransaction } from "@/lib/db/with-transaction";
import { assertCanOnSome } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { diffChanges } from "@/lib/audit/diff-changes";
import type { ServiceContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { COMPONENT_FIELDS } from "./schemas";
import { assertCanEditSystem, findComponentOrThrow } from "./internal";

export async function deleteComponent({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  assertCanOnSome(ctx, "system:update");
  return withTransaction(ctx, async (tx) => {
    const before = await findComponentOrThrow(tx, ctx, input.id);
    await assertCanEditSystem(tx, ctx, before.systemId);
    const { count } = await tx.systemComponent.deleteMany({ where: { id: input.id, orgId: ctx.orgId } });
    if (count === 0) throw new AppError("NOT_FOUND", "Component not found.");
    // the audit event keeps every field of the removed component
    await recordAudit(tx, ctx, {
      action: "component.delete",
      entityType: "component",
      entityId: input.id,
      subjectId: before.systemId,
      changes: diffChanges(before, null, COMPONENT_FIELDS),
    });
  });
}
