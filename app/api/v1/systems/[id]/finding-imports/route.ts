// POST /api/v1/systems/{id}/finding-imports – import a scanner file (the raw request body) on an AI system
import { importFindings } from "@/lib/findings/import-findings";
import { queueFindingImport } from "@/lib/findings/queue-finding-import";
import { findingsMaxBytes, findingsSyncMaxBytes, formatBytes, importFindingsSchema, importSummarySchema, type ImportSummary } from "@/lib/findings/schemas";
import { systemIdSchema } from "@/lib/systems/schemas";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse-input";
import { HttpError, problemResponse } from "@/lib/web/http/problem";
import { spoolRequestBody } from "@/lib/web/http/spool-request-body";
import { jsonResponse, readQuery, strictQuerySchema, withApiHandler } from "@/lib/web/http/with-api-handler";
import { API_OPERATIONS } from "@/lib/openapi/api-operations";

const importQuerySchema = strictQuerySchema(importFindingsSchema.pick({ format: true, fileName: true }));

const tooLarge = (max: number) => `The file is larger than the limit of ${formatBytes(max)} (FINDINGS_MAX_BYTES).`;

export const POST = withApiHandler(API_OPERATIONS.importFindings, async ({ req, ctx, params, requestId }) => {
  const { id } = parseInput(systemIdSchema, params);
  const { format, fileName } = readQuery(req, importQuerySchema);
  const declared = req.headers.has("content-length") ? Number(req.headers.get("content-length")) : NaN;
  const known = Number.isSafeInteger(declared) && declared >= 0;
  const max = findingsMaxBytes();
  // refused before a byte of the body is read
  if (known && declared > max) throw new HttpError("PAYLOAD_TOO_LARGE", tooLarge(max), [{ path: "(file)", message: tooLarge(max) }]);

  // received into a temporary file first (a slow client holds no database transaction), then imported in this
  // request when small, else stored for a background import
  const body = await spoolRequestBody(req, max, () => new HttpError("PAYLOAD_TOO_LARGE", tooLarge(max), [{ path: "(file)", message: tooLarge(max) }]));
  let summary: ImportSummary;
  try {
    const input = { systemId: id, format, fileName, source: body.source() };
    summary = importSummarySchema.parse(
      known && body.bytes <= findingsSyncMaxBytes() ? await importFindings({ ctx, input }) : await queueFindingImport({ ctx, input }),
    );
  } finally {
    await body.cleanup();
  }

  if (summary.status === "rejected") return rejectedResponse(summary, requestId);
  const location = summary.importId ? { location: `/api/v1/finding-imports/${encodeURIComponent(summary.importId)}` } : undefined;
  const status = summary.duplicate ? 200 : summary.status === "queued" ? 202 : 201;
  return jsonResponse(summary, { status, headers: location });
});

/** A refused file (nothing stored): 413 when it is over the size limit, else 422 naming the line or JSON path; the summary rides along. */
function rejectedResponse(summary: ImportSummary, requestId: string): Response {
  const errors = summary.rejected.map((r) => ({ path: r.location, message: r.message }));
  const first = summary.rejected[0];
  const error =
    first?.location === "(file)" && /FINDINGS_MAX_BYTES/.test(first.message)
      ? new HttpError("PAYLOAD_TOO_LARGE", first.message, errors)
      : new AppError("VALIDATION", `The file was refused${first ? ` at ${first.location}: ${first.message}` : ""}. Nothing was stored.`, errors);
  return problemResponse(error, requestId, { summary });
}
