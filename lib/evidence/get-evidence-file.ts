import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation/parse-input";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";
import { getEvidenceFileSchema } from "./schemas";

export type EvidenceFile = {
  evidenceId: string;
  systemId: string;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  bytes: Uint8Array;
};

/**
 * The bytes of an uploaded evidence file, for download by anyone who may read the inventory of the
 * file's organisation. Another organisation's id, a link (no file), or a system id that is not the
 * evidence's own are all NOT_FOUND. The transports send it with `evidenceDownloadHeaders` (lib/web).
 */
export async function getEvidenceFile({ ctx, input }: { ctx: ServiceContext; input: { evidenceId: string; systemId?: string } }): Promise<EvidenceFile> {
  assertCan(ctx, "inventory:read");
  const { evidenceId, systemId } = parseInput(getEvidenceFileSchema, input);
  const row = await (ctx.tx ?? db).evidence.findFirst({
    where: { id: evidenceId, orgId: ctx.orgId, kind: "file", ...(systemId && { systemId }) },
    select: { id: true, systemId: true, fileName: true, mimeType: true, size: true, sha256: true, content: true },
  });
  if (!row || !row.content) throw new AppError("NOT_FOUND", "Evidence file not found.");
  const bytes = new Uint8Array(row.content);
  return { evidenceId: row.id, systemId: row.systemId, fileName: row.fileName, mimeType: row.mimeType, size: bytes.byteLength, sha256: row.sha256, bytes };
}
