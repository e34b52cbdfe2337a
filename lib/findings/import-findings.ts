import { withTransaction } from "@/lib/db/with-transaction";
import { assertCanOnSome } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { diffChanges } from "@/lib/audit/diff-changes";
import { parseInput, type Unparsed } from "@/lib/validation/parse-input";
import { actorId, type ServiceContext } from "@/lib/context";
import { findingsMaxBytes, importFindingsSchema, type ImportFindingsInput, type ImportSummary } from "./schemas";
import {
  IMPORT_AUDIT_FIELDS,
  DuplicateFile,
  applyFindings,
  findEarlierImport,
  importSummarySelect,
  importTimeoutMs,
  ingestFile,
  loadFindingsSystem,
  lockSystemImports,
  summaryOfRefusedFile,
  runFacts,
  toImportSummary,
} from "./internal";

/**
 * Imports one scanner file (garak, promptfoo, ModelScan, SARIF, CSV; `format: "auto"` detects it) on an AI system,
 * streaming it through its parser in one transaction: the import, its test results, the finding changes and the
 * audit event commit together or not at all. A file the parser refuses is reported as `rejected` with the line or
 * JSON path, and nothing is stored; a byte-identical file already imported on this system is reported as a
 * `duplicate` (the earlier import's summary) and nothing is stored.
 */
export async function importFindings({ ctx, input }: { ctx: ServiceContext; input: Unparsed<ImportFindingsInput> }): Promise<ImportSummary> {
  assertCanOnSome(ctx, "finding:import");
  const data = parseInput(importFindingsSchema, input);
  try {
    return await withTransaction(
      ctx,
      async (tx) => {
        const system = await loadFindingsSystem(tx, ctx, data.systemId, "finding:import");
        await lockSystemImports(tx, system.id);
        const row = await tx.findingImport.create({
          data: {
            orgId: ctx.orgId,
            systemId: system.id,
            status: "processing",
            requestedFormat: data.format,
            fileName: data.fileName,
            sha256: "",
            bytes: 0,
            uploadedById: actorId(ctx.actor),
            uploadedByLabel: ctx.actor.label,
            startedAt: new Date(),
          },
          select: { id: true },
        });
        const file = await ingestFile(tx, ctx, {
          importId: row.id,
          systemId: system.id,
          format: data.format,
          source: data.source,
          maxBytes: findingsMaxBytes(),
          onProgress: data.onProgress,
        });
        const earlier = await findEarlierImport(tx, ctx, { systemId: system.id, sha256: file.sha256, exceptId: row.id });
        if (earlier) throw new DuplicateFile(earlier.id);
        const at = new Date();
        const counts = await applyFindings(tx, ctx, { importId: row.id, systemId: system.id, file, at });
        const saved = await tx.findingImport.update({
          where: { id: row.id },
          data: {
            ...runFacts(file.runs),
            status: "completed",
            format: file.format,
            sha256: file.sha256,
            bytes: file.bytes,
            records: file.records,
            results: file.results,
            ...counts,
            completedAt: at,
          },
          select: importSummarySelect,
        });
        const summary = toImportSummary(saved);
        await recordAudit(tx, ctx, {
          action: "finding_import.create",
          entityType: "finding_import",
          entityId: row.id,
          subjectId: system.id,
          changes: diffChanges(null, { ...summary, fileName: data.fileName, ...summary.findings }, IMPORT_AUDIT_FIELDS),
        });
        return summary;
      },
      { timeoutMs: importTimeoutMs() },
    );
  } catch (error) {
    return summaryOfRefusedFile(ctx, error);
  }
}
