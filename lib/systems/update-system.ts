import { withTransaction } from "@/lib/db/with-transaction";
import { assertCan, assertCanOnSome, grantFor } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { diffChanges } from "@/lib/audit/diff-changes";
import { parseInput, type Unparsed } from "@/lib/validation/parse-input";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";
import { updateSystemSchema, SYSTEM_FIELDS, type SystemDetail, type UpdateSystemInput } from "./schemas";
import { assertOwnerIsMember, detailSelect, findSystemOrThrow, toDetail } from "./internal";

/**
 * Applies a partial edit. The edit names the version it was based on; if someone saved in between,
 * the conditional update matches no row and the edit is refused instead of silently overwriting.
 */
export async function updateSystem({ ctx, input }: { ctx: ServiceContext; input: { id: string; patch: Unparsed<UpdateSystemInput> } }): Promise<SystemDetail> {
  assertCanOnSome(ctx, "system:update");
  const { version, ...patch } = parseInput(updateSystemSchema, input.patch);
  return withTransaction(ctx, async (tx) => {
    const before = await findSystemOrThrow(tx, ctx, input.id);
    assertCan(ctx, "system:update", before);
    if (before.archivedAt) throw new AppError("CONFLICT", "This AI system is archived; restore it before editing.");
    if (patch.ownerId !== undefined && patch.ownerId !== before.ownerId) {
      // a risk owner edits their own systems but cannot hand them to someone else
      if (grantFor(ctx.actor, "system:update") !== "any") throw new AppError("FORBIDDEN", "Only a compliance officer or admin can change the owner.");
      await assertOwnerIsMember(tx, ctx, patch.ownerId);
    }
    const changes = diffChanges(before, { ...before, ...patch }, SYSTEM_FIELDS);
    if (Object.keys(changes).length === 0) {
      // nothing to change: no new version, no audit event; a stale version is still reported
      if (version !== before.version)
        throw new AppError("CONFLICT", `This AI system changed since you opened it (version ${version}, now ${before.version}). Reload it.`);
      return toDetail(before);
    }
    const { count } = await tx.aISystem.updateMany({
      where: { id: input.id, orgId: ctx.orgId, version },
      data: { ...patch, version: { increment: 1 } },
    });
    if (count === 0) {
      throw new AppError(
        "CONFLICT",
        `Someone else saved this AI system since you opened it (you edited version ${version}, it is now version ${before.version}). Reload to see their changes, then apply yours again.`,
      );
    }
    const after = await tx.aISystem.findUniqueOrThrow({ where: { id: input.id }, select: detailSelect });
    await recordAudit(tx, ctx, { action: "system.update", entityType: "system", entityId: input.id, subjectId: input.id, changes });
    return toDetail(after);
  });
}
