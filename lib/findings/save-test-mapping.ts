import { withTransaction } from "@/lib/db/with-transaction";
import { assertCan } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { diffChanges } from "@/lib/audit/diff-changes";
import { parseInput, type Unparsed } from "@/lib/validation/parse-input";
import { AppError } from "@/lib/errors";
import { actorId, type ServiceContext } from "@/lib/context";
import { getAtlasCatalog } from "@/lib/catalogs/get-atlas-catalog";
import { getOwaspCatalog } from "@/lib/catalogs/get-owasp-catalog";
import { saveTestMappingSchema, type SaveTestMappingInput } from "./schemas";

export type SavedTestMapping = { id: string; tool: string; testId: string; techniqueIds: string[]; owaspIds: string[]; note: string; remappedFindings: number };

/**
 * The organisation's own mapping of a scanner test (tool × test id) to ATLAS techniques and OWASP LLM 2025 items:
 * it takes precedence over the built-in rows for every later import, and is applied at once to the test's stored
 * results and findings. One audit event.
 */
export async function saveTestMapping({ ctx, input }: { ctx: ServiceContext; input: Unparsed<SaveTestMappingInput> }): Promise<SavedTestMapping> {
  assertCan(ctx, "finding:map");
  const data = parseInput(saveTestMappingSchema, input);
  const techniques = new Set(getAtlasCatalog().techniques.map((t) => t.id));
  const owasp = new Set(getOwaspCatalog().llm2025.items.map((item) => item.id));
  const issues = [
    ...data.techniqueIds.map((id, i) => (techniques.has(id) ? null : { path: `techniqueIds.${i}`, message: `${id} is not an ATLAS technique` })),
    ...data.owaspIds.map((id, i) => (owasp.has(id) ? null : { path: `owaspIds.${i}`, message: `${id} is not an OWASP LLM 2025 item` })),
  ].filter((issue): issue is { path: string; message: string } => issue !== null);
  if (issues.length) throw new AppError("VALIDATION", "The mapping names unknown techniques or OWASP items.", issues);
  const techniqueIds = [...new Set(data.techniqueIds)].sort();
  const owaspIds = [...new Set(data.owaspIds)].sort();
  return withTransaction(ctx, async (tx) => {
    const before = await tx.testMapping.findFirst({
      where: { orgId: ctx.orgId, tool: { equals: data.tool, mode: "insensitive" }, testId: data.testId },
      select: { id: true, tool: true, techniqueIds: true, owaspIds: true, note: true },
    });
    const row = before
      ? await tx.testMapping.update({
          where: { id: before.id },
          data: { techniqueIds, owaspIds, note: data.note, updatedById: actorId(ctx.actor) },
          select: { id: true, tool: true, testId: true, techniqueIds: true, owaspIds: true, note: true },
        })
      : await tx.testMapping.create({
          data: { orgId: ctx.orgId, tool: data.tool, testId: data.testId, techniqueIds, owaspIds, note: data.note, updatedById: actorId(ctx.actor) },
          select: { id: true, tool: true, testId: true, techniqueIds: true, owaspIds: true, note: true },
        });
    await tx.$executeRaw`
      UPDATE "TestResult" SET "techniqueIds" = ${techniqueIds}, "owaspIds" = ${owaspIds}
      WHERE "orgId" = ${ctx.orgId} AND lower(tool) = lower(${data.tool}) AND "testId" = ${data.testId}`;
    const remappedFindings = await tx.$executeRaw`
      UPDATE "Finding" SET "techniqueIds" = ${techniqueIds}, "owaspIds" = ${owaspIds}, version = version + 1, "updatedAt" = now()
      WHERE "orgId" = ${ctx.orgId} AND lower(tool) = lower(${data.tool}) AND "testId" = ${data.testId}`;
    await recordAudit(tx, ctx, {
      action: "test_mapping.save",
      entityType: "test_mapping",
      entityId: row.id,
      subjectId: null,
      changes: {
        ...diffChanges(before ? { ...before, testId: data.testId } : null, row, ["tool", "testId", "techniqueIds", "owaspIds", "note"]),
        remappedFindings: { before: null, after: remappedFindings },
      },
    });
    return { ...row, remappedFindings };
  });
}
