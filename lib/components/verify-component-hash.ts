import { withTransaction } from "@/lib/db/with-transaction";
import { assertCanOnSome } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ServiceContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { parseInput, type Unparsed } from "@/lib/validation/parse-input";
import { verifyHashInputSchema, type VerifyHashInput } from "./schemas";
import { assertCanEditSystem, findComponentOrThrow } from "./internal";

/**
 * Checks an artefact's SHA-256 (computed from the file, or stated by whoever holds it) against the one
 * recorded for the component, and records the outcome, match or mismatch, in the audit trail. The
 * recorded hash is not changed: a mismatch is evidence to investigate, not a new version.
 */
export async function verifyComponentHash({ ctx, input }: { ctx: ServiceContext; input: { id: string; systemId?: string; check: Unparsed<VerifyHashInput> } }) {
  assertCanOnSome(ctx, "system:update"); // refuse before looking at the input
  const { sha256, source } = parseInput(verifyHashInputSchema, input.check);
  return withTransaction(ctx, async (tx) => {
    const component = await findComponentOrThrow(tx, ctx, input.id);
    if (input.systemId !== undefined && component.systemId !== input.systemId) throw new AppError("NOT_FOUND", "Component not found.");
    await assertCanEditSystem(tx, ctx, component.systemId);
    if (!component.sha256) throw new AppError("CONFLICT", "No SHA-256 is recorded for this component: record the artefact's hash on the component first.");
    const result = component.sha256 === sha256 ? "match" : "mismatch";
    const checkedAt = new Date().toISOString();
    await recordAudit(tx, ctx, {
      action: result === "match" ? "component.hash_match" : "component.hash_mismatch",
      entityType: "component",
      entityId: component.id,
      subjectId: component.systemId,
      changes: { sha256: { before: component.sha256, after: sha256 }, source: { before: null, after: source } },
    });
    return { componentId: component.id, name: component.name, result, recorded: component.sha256, checked: sha256, source, checkedAt } as const;
  });
}
