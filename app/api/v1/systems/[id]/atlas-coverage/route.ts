// GET /api/v1/systems/{id}/atlas-coverage – the system's threat profile against the ATLAS techniques its imported tests exercise and fail
import { getAtlasCoverage } from "@/lib/findings/get-atlas-coverage";
import { systemIdSchema } from "@/lib/systems/schemas";
import { parseInput } from "@/lib/validation/parse-input";
import { jsonResponse, withApiHandler } from "@/lib/web/http/with-api-handler";
import { API_OPERATIONS } from "@/lib/openapi/api-operations";
import { atlasCoverageSchema } from "@/lib/findings/schemas";

export const GET = withApiHandler(API_OPERATIONS.getAtlasCoverage, async ({ ctx, params }) => {
  const { id } = parseInput(systemIdSchema, params);
  return jsonResponse(atlasCoverageSchema.parse(await getAtlasCoverage({ ctx, input: { systemId: id } })));
});
