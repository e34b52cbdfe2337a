import { createHash } from "node:crypto";
import { withTransaction } from "@/lib/db/with-transaction";
import { assertCanOnSome } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { diffChanges } from "@/lib/audit/diff-changes";
import { parseInput, type Unparsed } from "@/lib/validation/parse-input";
import { actorId, type ServiceContext } from "@/lib/context";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { findingsMaxBytes, formatBytes, queueFindingImportSchema, type ImportSummary, type QueueFindingImportInput } from "./schemas";
import {
  IMPORT_AUDIT_FIELDS,
  DuplicateFile,
  RejectedFile,
  findEarlierImport,
  importSummarySelect,
  importTimeoutMs,
  loadFindingsSystem,
  lockSystemImports,
  summaryOfRefusedFile,
  toImportSummary,
} from "./internal";

/** Bytes per stored chunk of a queued file. */
export const IMPORT_CHUNK_BYTES = 1024 * 1024;

/**
 * Stores a (large) scanner file for a background import: the bytes go into the database in 1 MB chunks with the
 * file's SHA-256, so a worker on any instance can process it, and a `finding-import` job is queued once that has
 * committed. Returns the import with status `queued` (poll `getFindingImport`); a byte-identical file already
 * imported on this system is answered as a duplicate at once and nothing is stored. The parse happens in the job
 * (`processFindingImport`), with the same all-or-nothing rules as `importFindings`.
 */
export async function queueFindingImport({ ctx, input }: { ctx: ServiceContext; input: Unparsed<QueueFindingImportInput> }): Promise<ImportSummary> {
  assertCanOnSome(ctx, "finding:import");
  const data = parseInput(queueFindingImportSchema, input);
  const maxBytes = findingsMaxBytes();
  let summary: ImportSummary;
  try {
    summary = await withTransaction(
      ctx,
      async (tx) => {
        const system = await loadFindingsSystem(tx, ctx, data.systemId, "finding:import");
        await lockSystemImports(tx, system.id);
        const row = await tx.findingImport.create({
          data: {
            orgId: ctx.orgId,
            systemId: system.id,
            status: "queued",
            requestedFormat: data.format,
            fileName: data.fileName,
            sha256: "",
            bytes: 0,
            uploadedById: actorId(ctx.actor),
            uploadedByLabel: ctx.actor.label,
          },
          select: { id: true },
        });
        const hash = createHash("sha256");
        let bytes = 0;
        let seq = 0;
        let pending: Buffer[] = [];
        let pendingBytes = 0;
        const store = async (chunk: Buffer) => {
          await tx.findingImportChunk.create({ data: { importId: row.id, seq: seq++, data: new Uint8Array(chunk) }, select: { seq: true } });
        };
        for await (const part of data.source) {
          const buffer = typeof part === "string" ? Buffer.from(part, "utf8") : Buffer.from(part.buffer, part.byteOffset, part.byteLength);
          bytes += buffer.byteLength;
          if (bytes > maxBytes) {
            throw new RejectedFile(
              { location: "(file)", message: `The file is larger than the limit of ${formatBytes(maxBytes)} (FINDINGS_MAX_BYTES).` },
              { format: null, sha256: "", bytes, records: 0 },
            );
          }
          hash.update(buffer);
          pending.push(buffer);
          pendingBytes += buffer.byteLength;
          while (pendingBytes >= IMPORT_CHUNK_BYTES) {
            const joined = Buffer.concat(pending);
            await store(joined.subarray(0, IMPORT_CHUNK_BYTES));
            const rest = joined.subarray(IMPORT_CHUNK_BYTES);
            pending = rest.byteLength ? [Buffer.from(rest)] : [];
            pendingBytes = rest.byteLength;
          }
        }
        if (pendingBytes > 0) await store(Buffer.concat(pending));
        const sha256 = hash.digest("hex");
        const earlier = await findEarlierImport(tx, ctx, { systemId: system.id, sha256, exceptId: row.id });
        if (earlier) throw new DuplicateFile(earlier.id);
        const saved = await tx.findingImport.update({ where: { id: row.id }, data: { sha256, bytes }, select: importSummarySelect });
        const queued = toImportSummary(saved);
        await recordAudit(tx, ctx, {
          action: "finding_import.queue",
          entityType: "finding_import",
          entityId: row.id,
          subjectId: system.id,
          changes: diffChanges(null, { fileName: data.fileName, sha256, bytes }, IMPORT_AUDIT_FIELDS),
        });
        return queued;
      },
      { timeoutMs: importTimeoutMs() },
    );
  } catch (error) {
    return summaryOfRefusedFile(ctx, error);
  }
  await enqueueJob("finding-import", { importId: summary.importId! });
  return summary;
}
