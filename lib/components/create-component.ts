import { withTransaction } from "@/lib/db/with-transaction";
import { assertCanOnSome } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { diffChanges } from "@/lib/audit/diff-changes";
import { parseInput, type Unparsed } from "@/lib/validation/parse-input";
import type { ServiceContext } from "@/lib/context";
import { COMPONENT_FIELDS, componentInputSchema, type ComponentInput } from "./schemas";
import { assertCanEditSystem, componentSelect } from "./internal";

export async function createComponent({ ctx, input }: { ctx: ServiceContext; input: { systemId: string; component: Unparsed<ComponentInput> } }) {
  assertCanOnSome(ctx, "system:update"); // refuse before looking at the input
  const data = parseInput(componentInputSchema, input.component);
  return withTransaction(ctx, async (tx) => {
    await assertCanEditSystem(tx, ctx, input.systemId);
    const row = await tx.systemComponent.create({ data: { ...data, orgId: ctx.orgId, systemId: input.systemId }, select: componentSelect });
    await recordAudit(tx, ctx, {
      action: "component.create",
      entityType: "component",
      entityId: row.id,
      subjectId: input.systemId,
      changes: diffChanges(null, row, COMPONENT_FIELDS),
    });
    return row;
  });
}
