import { withTransaction } from "@/lib/db/with-transaction";
import { assertCanOnSome } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { parseInput, type Unparsed } from "@/lib/validation/parse-input";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";
import { assertApplicable, loadWritableSystem } from "@/lib/controls/control-system";
import { evidenceSummarySelect, toEvidenceSummary } from "./evidence-summary";
import type { EvidenceSummary } from "@/lib/controls/schemas";
import { linkEvidenceSchema, type LinkEvidenceInput } from "./schemas";
import { findEvidenceOrThrow, linkLabel } from "./internal";

/** Attaches existing evidence to another applicable control of the same AI system. One audit event. */
export async function linkEvidence({ ctx, input }: { ctx: ServiceContext; input: Unparsed<LinkEvidenceInput> }): Promise<EvidenceSummary> {
  assertCanOnSome(ctx, "control:write");
  const data = parseInput(linkEvidenceSchema, input);
  return withTransaction(ctx, async (tx) => {
    const before = await findEvidenceOrThrow(tx, ctx, data.evidenceId);
    const { system, applicable } = await loadWritableSystem(tx, ctx, before.systemId);
    assertApplicable(applicable, data);
    if (before.links.some((link) => link.framework === data.framework && link.controlId === data.controlId)) {
      throw new AppError("CONFLICT", `This evidence is already attached to ${data.controlId}.`);
    }
    await tx.evidenceLink.create({
      data: { orgId: ctx.orgId, evidenceId: before.id, systemId: system.id, framework: data.framework, controlId: data.controlId },
      select: { id: true },
    });
    const after = await tx.evidence.findUniqueOrThrow({ where: { id: before.id }, select: evidenceSummarySelect });
    await recordAudit(tx, ctx, {
      action: "evidence.link",
      entityType: "evidence",
      entityId: before.id,
      subjectId: system.id,
      changes: { links: { before: before.links.map(linkLabel), after: after.links.map(linkLabel) } },
    });
    return toEvidenceSummary(after);
  });
}
