import { withTransaction } from "@/lib/db/with-transaction";
import { assertCanOnSome } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { diffChanges } from "@/lib/audit/diff-changes";
import { parseInput, type Unparsed } from "@/lib/validation/parse-input";
import type { ServiceContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { COMPONENT_FIELDS, componentInputSchema, type ComponentInput } from "./schemas";
import { assertCanEditSystem, componentSelect, findComponentOrThrow } from "./internal";

export async function updateComponent({ ctx, input }: { ctx: ServiceContext; input: { id: string; component: Unparsed<ComponentInput> } }) {
  assertCanOnSome(ctx, "system:update"); // refuse before looking at the input
  const data = parseInput(componentInputSchema, input.component);
  return withTransaction(ctx, async (tx) => {
    const before = await findComponentOrThrow(tx, ctx, input.id);
    await assertCanEditSystem(tx, ctx, before.systemId);
    const { count } = await tx.systemComponent.updateMany({ where: { id: input.id, orgId: ctx.orgId }, data });
    if (count === 0) throw new AppError("NOT_FOUND", "Component not found.");
    const after = await tx.systemComponent.findFirstOrThrow({ where: { id: input.id, orgId: ctx.orgId }, select: componentSelect });
    await recordAudit(tx, ctx, {
      action: "component.update",
      entityType: "component",
      entityId: input.id,
      subjectId: before.systemId,
      changes: diffChanges(before, after, COMPONENT_FIELDS),
    });
    return after;
  });
}
