import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";
import { evidenceSummarySelect } from "./evidence-summary";

// Fetch helpers private to lib/evidence.

/** The fields an evidence audit event records (never the bytes: the SHA-256 identifies them). */
export const EVIDENCE_AUDIT_FIELDS = ["kind", "title", "url", "fileName", "mimeType", "size", "sha256", "links"] as const;

export const linkLabel = (link: { framework: string; controlId: string }) => `${link.framework} ${link.controlId}`;

/** Evidence of the context's organisation (without its bytes) or NOT_FOUND, also for another organisation's id. */
export async function findEvidenceOrThrow(client: Prisma.TransactionClient, ctx: ServiceContext, evidenceId: string) {
  const row = await client.evidence.findFirst({ where: { id: evidenceId, orgId: ctx.orgId }, select: evidenceSummarySelect });
  if (!row) throw new AppError("NOT_FOUND", "Evidence not found.");
  return row;
}
