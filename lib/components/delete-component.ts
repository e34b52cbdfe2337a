import { withTransaction } from "@/lib/db/with-transaction";
import { assertCan } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { diffChanges } from "@/lib/audit/diff-changes";
import type { ServiceContext } from "@/lib/context";
import { COMPONENT_FIELDS } from "./schemas";
import { assertCanEditSystem, findComponentOrThrow } from "./internal";

export async function deleteComponent({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  assertCan(ctx, "system:update");
  return withTransaction(ctx, async (tx) => {
    const before = await findComponentOrThrow(tx, ctx, input.id);
    await assertCanEditSystem(tx, ctx, before.systemId);
    await tx.systemComponent.delete({ where: { id: input.id } });
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
