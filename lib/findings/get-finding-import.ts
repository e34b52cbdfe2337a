import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { parseInput, type Unparsed } from "@/lib/validation/parse-input";
import type { ServiceContext } from "@/lib/context";
import { getFindingImportSchema, type FindingImportStatusView } from "./schemas";
import { importSummarySelect, toImportSummary } from "./internal";

export type { FindingImportStatusView };

/** One import's status and summary (for polling a queued import); NOT_FOUND for another organisation's. */
export async function getFindingImport({ ctx, input }: { ctx: ServiceContext; input: Unparsed<{ importId: string }> }): Promise<FindingImportStatusView> {
  assertCan(ctx, "inventory:read");
  const { importId } = parseInput(getFindingImportSchema, input);
  const row = await (ctx.tx ?? db).findingImport.findFirst({
    where: { id: importId, orgId: ctx.orgId },
    select: { ...importSummarySelect, systemId: true, fileName: true, error: true, createdAt: true, completedAt: true },
  });
  if (!row) throw new AppError("NOT_FOUND", "Import not found.");
  return {
    ...toImportSummary(row),
    systemId: row.systemId,
    fileName: row.fileName,
    error: row.status === "failed" ? "The import failed and will be retried; if it keeps failing, upload the file again." : "",
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}
