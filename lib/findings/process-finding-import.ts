import type { Prisma } from "@/generated/prisma/client";
import { withTransaction } from "@/lib/db/with-transaction";
import { recordAudit } from "@/lib/audit/record-audit";
import { diffChanges } from "@/lib/audit/diff-changes";
import { db } from "@/lib/db/client";
import type { ServiceContext } from "@/lib/context";
import type { ByteSource } from "./parsers/types";
import { findingsMaxBytes, type ImportFormat } from "./schemas";
import {
  IMPORT_AUDIT_FIELDS,
  RejectedFile,
  applyFindings,
  findEarlierImport,
  importSummarySelect,
  importTimeoutMs,
  ingestFile,
  lockSystemImports,
  runFacts,
  toImportSummary,
} from "./internal";

type Tx = Prisma.TransactionClient;

/** The stored chunks of a queued import, one at a time (memory stays at one chunk). */
function storedChunks(tx: Tx, importId: string): ByteSource {
  return {
    async *[Symbol.asyncIterator]() {
      for (let seq = 0; ; seq++) {
        const chunk = await tx.findingImportChunk.findUnique({ where: { importId_seq: { importId, seq } }, select: { data: true } });
        if (!chunk) return;
        yield chunk.data;
      }
    },
  };
}

/**
 * The `finding-import` job: parses a queued import's stored file with the same ingest path and all-or-nothing
 * rules as `importFindings`, then deletes the stored bytes. Idempotent (jobs are delivered at least once): the
 * import row is claimed under a row lock, so a second delivery waits for the first and then finds it done; an
 * attempt killed mid-file leaves the import `processing` with nothing else stored, and the retry starts it over.
 * A rejected file ends `rejected` with the line or JSON path; an unexpected error marks it `failed` and is
 * rethrown so the queue retries it.
 */
export async function processFindingImport(payload: { importId: string }): Promise<void> {
  // @no-audit: marks the import as being worked on (a status a later audited step replaces); no content changes
  await db.$executeRaw`
    UPDATE "FindingImport" SET status = 'processing', "startedAt" = now()
    WHERE id IN (SELECT id FROM "FindingImport" WHERE id = ${payload.importId} AND status IN ('queued', 'failed') FOR UPDATE SKIP LOCKED)`;
  const row = await db.findingImport.findUnique({
    where: { id: payload.importId },
    select: { orgId: true, systemId: true, status: true, requestedFormat: true, sha256: true, uploadedByLabel: true, fileName: true },
  });
  if (!row || row.status === "completed" || row.status === "rejected") return;
  const ctx: ServiceContext = { orgId: row.orgId, actor: { type: "system", label: `background import for ${row.uploadedByLabel}` } };
  try {
    await withTransaction(
      ctx,
      async (tx) => {
        const [locked] = await tx.$queryRaw<{ status: string }[]>`SELECT status::text AS status FROM "FindingImport" WHERE id = ${payload.importId} FOR UPDATE`;
        if (!locked || locked.status === "completed" || locked.status === "rejected") return;
        await lockSystemImports(tx, row.systemId);
        const earlier = await findEarlierImport(tx, ctx, { systemId: row.systemId, sha256: row.sha256, exceptId: payload.importId });
        let saved;
        if (earlier) {
          saved = await tx.findingImport.update({
            where: { id: payload.importId },
            data: { status: "completed", duplicateOfId: earlier.id, completedAt: new Date() },
            select: importSummarySelect,
          });
        } else {
          const file = await ingestFile(tx, ctx, {
            importId: payload.importId,
            systemId: row.systemId,
            format: row.requestedFormat as ImportFormat,
            source: storedChunks(tx, payload.importId),
            maxBytes: findingsMaxBytes(),
          });
          const at = new Date();
          const counts = await applyFindings(tx, ctx, { importId: payload.importId, systemId: row.systemId, file, at });
          saved = await tx.findingImport.update({
            where: { id: payload.importId },
            data: {
              ...runFacts(file.runs),
              status: "completed",
              format: file.format,
              records: file.records,
              results: file.results,
              ...counts,
              completedAt: at,
            },
            select: importSummarySelect,
          });
        }
        await tx.findingImportChunk.deleteMany({ where: { importId: payload.importId } });
        const summary = toImportSummary(saved);
        await recordAudit(tx, ctx, {
          action: "finding_import.process",
          entityType: "finding_import",
          entityId: payload.importId,
          subjectId: row.systemId,
          changes: {
            status: { before: "queued", after: summary.duplicate ? "duplicate" : "completed" },
            ...diffChanges(null, { ...summary, fileName: row.fileName, ...summary.findings }, IMPORT_AUDIT_FIELDS),
          },
        });
      },
      { timeoutMs: importTimeoutMs() },
    );
  } catch (error) {
    if (error instanceof RejectedFile) {
      await withTransaction(ctx, async (tx) => {
        await tx.findingImport.update({
          where: { id: payload.importId },
          data: { status: "rejected", format: error.facts.format, records: error.facts.records, rejected: [error.rejection], completedAt: new Date() },
          select: { id: true },
        });
        await tx.findingImportChunk.deleteMany({ where: { importId: payload.importId } });
        await recordAudit(tx, ctx, {
          action: "finding_import.process",
          entityType: "finding_import",
          entityId: payload.importId,
          subjectId: row.systemId,
          changes: {
            status: { before: "queued", after: "rejected" },
            rejected: { before: null, after: `${error.rejection.location}: ${error.rejection.message}` },
          },
        });
      });
      return;
    }
    const message = error instanceof Error ? error.message.slice(0, 500) : String(error).slice(0, 500);
    // @no-audit: records why an attempt failed so the status page can say so; the queue retries the job
    await db.findingImport.update({ where: { id: payload.importId }, data: { status: "failed", error: message }, select: { id: true } }).catch(() => undefined);
    throw error;
  }
}
