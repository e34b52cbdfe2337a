// GET /api/v1/systems/{id}/controls – the system's applicable controls with reasons, statuses and evidence metadata
import { listSystemControls } from "@/lib/controls/list-system-controls";
import { listSystemControlsQuerySchema, systemControlListSchema } from "@/lib/controls/schemas";
import { systemIdSchema } from "@/lib/systems/schemas";
import { parseInput } from "@/lib/validation/parse-input";
import { jsonResponse, readQuery, withApiHandler } from "@/lib/web/http/with-api-handler";
import { API_OPERATIONS } from "@/lib/openapi/api-operations";

export const GET = withApiHandler(API_OPERATIONS.listSystemControls, async ({ req, ctx, params }) => {
  const { id } = parseInput(systemIdSchema, params);
  const { framework } = readQuery(req, listSystemControlsQuerySchema);
  const list = await listSystemControls({ ctx, input: { systemId: id, framework } });
  return jsonResponse(systemControlListSchema.parse(list));
});
