// POST /api/v1/systems/{id}/restore – restore an archived AI system
import { restoreSystem } from "@/lib/systems/restore-system";
import { systemDetailSchema, systemIdSchema } from "@/lib/systems/schemas";
import { parseInput } from "@/lib/validation/parse-input";
import { jsonResponse, versionEtag, withApiHandler } from "@/lib/web/http/with-api-handler";
import { API_OPERATIONS } from "@/lib/openapi/api-operations";

export const POST = withApiHandler(API_OPERATIONS.restoreSystem, async ({ ctx, params }) => {
  const { id } = parseInput(systemIdSchema, params);
  const system = await restoreSystem({ ctx, input: { id } });
  return jsonResponse(systemDetailSchema.parse(system), { headers: { etag: versionEtag(system.version) } });
});
