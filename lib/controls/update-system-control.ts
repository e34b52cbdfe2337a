import { withTransaction } from "@/lib/db/with-transaction";
import { assertCanOnSome } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { diffChanges } from "@/lib/audit/diff-changes";
import { parseInput, type Unparsed } from "@/lib/validation/parse-input";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";
import { systemControlSelect, toControlView } from "./control-view";
import { controlKey, indexEvidenceByControl } from "./control-evidence";
import { assertApplicable, loadWritableSystem } from "./control-system";
import { assertMember, memberNames } from "./internal";
import { loadSystemEvidence } from "@/lib/evidence/evidence-summary";
import { MIN_JUSTIFICATION_LENGTH, updateSystemControlSchema, type SystemControlView, type UpdateSystemControlInput } from "./schemas";

const FIELDS = ["status", "justification", "ownerId", "reviewDate"] as const;

const toDate = (day: string | null) => (day === null ? null : new Date(`${day}T00:00:00.000Z`));

/**
 * Sets the status, justification, owner and review date of one applicable control of an AI system
 * (partial: fields left out keep their value). The first save creates the stored row; later saves name
 * the version they were based on and a stale one is refused with CONFLICT. `not_applicable` needs a
 * justification of at least 10 characters. Saving what is already stored writes nothing.
 */
export async function updateSystemControl({ ctx, input }: { ctx: ServiceContext; input: Unparsed<UpdateSystemControlInput> }): Promise<SystemControlView> {
  assertCanOnSome(ctx, "control:write");
  const data = parseInput(updateSystemControlSchema, input);
  return withTransaction(ctx, async (tx) => {
    const { system, applicable } = await loadWritableSystem(tx, ctx, data.systemId);
    const control = assertApplicable(applicable, data);
    const where = { systemId_framework_controlId: { systemId: system.id, framework: data.framework, controlId: data.controlId } };
    const before = await tx.systemControl.findUnique({ where, select: systemControlSelect });

    const current = {
      status: before?.status ?? "not_started",
      justification: before?.justification ?? "",
      ownerId: before?.ownerId ?? null,
      reviewDate: before?.reviewDate ? before.reviewDate.toISOString().slice(0, 10) : null,
    };
    const next = {
      status: data.status ?? current.status,
      justification: data.justification ?? current.justification,
      ownerId: data.ownerId !== undefined ? data.ownerId : current.ownerId,
      reviewDate: data.reviewDate !== undefined ? data.reviewDate : current.reviewDate,
    };
    if (next.status === "not_applicable" && next.justification.length < MIN_JUSTIFICATION_LENGTH) {
      throw new AppError("VALIDATION", "A control marked not applicable needs a justification.", [
        { path: "justification", message: `Explain why the control does not apply, in at least ${MIN_JUSTIFICATION_LENGTH} characters` },
      ]);
    }
    if (next.ownerId !== current.ownerId) await assertMember(tx, ctx, next.ownerId);

    const version = data.version ?? null;
    if (before && version !== before.version) {
      throw new AppError(
        "CONFLICT",
        version === null
          ? `This control's status was saved by someone else since you opened it (now version ${before.version}). Reload it, then apply your change again.`
          : `Someone else saved this control since you opened it (you edited version ${version}, it is now version ${before.version}). Reload it, then apply your change again.`,
      );
    }
    if (!before && version !== null) throw new AppError("CONFLICT", `This control has no saved status yet, so version ${version} does not match. Reload it.`);

    const changes = diffChanges(current, next, FIELDS);
    let row = before;
    if (Object.keys(changes).length > 0) {
      const values = { status: next.status, justification: next.justification, ownerId: next.ownerId, reviewDate: toDate(next.reviewDate) };
      if (before) {
        const { count } = await tx.systemControl.updateMany({
          where: { id: before.id, orgId: ctx.orgId, version: before.version },
          data: { ...values, version: { increment: 1 } },
        });
        if (count === 0) throw new AppError("CONFLICT", "Someone else saved this control at the same time. Reload it, then apply your change again.");
        row = await tx.systemControl.findUniqueOrThrow({ where: { id: before.id }, select: systemControlSelect });
      } else {
        row = await tx.systemControl.create({
          data: { orgId: ctx.orgId, systemId: system.id, framework: data.framework, controlId: data.controlId, ...values },
          select: systemControlSelect,
        });
      }
      await recordAudit(tx, ctx, {
        action: "control.update",
        entityType: "control",
        entityId: row.id,
        subjectId: system.id,
        // the first save records which control the row is; later events are tied to it by entityId
        changes: before ? changes : { framework: { before: null, after: data.framework }, controlId: { before: null, after: data.controlId }, ...changes },
      });
    }
    const evidence = await loadSystemEvidence(tx, ctx, system.id);
    const names = await memberNames(tx, ctx, [row?.ownerId ?? null]);
    const applicableKeys = new Set(applicable.map((c) => controlKey(c.framework, c.controlId)));
    return toControlView(control, row ?? undefined, indexEvidenceByControl(evidence), names, applicableKeys);
  });
}
