// GET /api/v1/finding-imports/{importId} – one import's status and summary (poll a queued import until it is completed or rejected)
import { getFindingImport } from "@/lib/findings/get-finding-import";
import { getFindingImportSchema } from "@/lib/findings/schemas";
import { parseInput } from "@/lib/validation/parse-input";
import { jsonResponse, withApiHandler } from "@/lib/web/http/with-api-handler";
import { API_OPERATIONS } from "@/lib/openapi/api-operations";
import { findingImportStatusSchema } from "@/lib/findings/schemas";

export const GET = withApiHandler(API_OPERATIONS.getFindingImport, async ({ ctx, params }) => {
  const { importId } = parseInput(getFindingImportSchema, params);
  return jsonResponse(findingImportStatusSchema.parse(await getFindingImport({ ctx, input: { importId } })));
});
