// DELETE /api/v1/systems/{id}/threat-profile/{techniqueId} – remove a technique from the AI system's threat profile
import { removeThreatProfileEntry } from "@/lib/threats/remove-threat-profile-entry";
import { systemTechniqueParamsSchema } from "@/lib/threats/schemas";
import { parseInput } from "@/lib/validation/parse-input";
import { withApiHandler } from "@/lib/web/http/with-api-handler";
import { API_OPERATIONS } from "@/lib/openapi/api-operations";

export const DELETE = withApiHandler(API_OPERATIONS.removeThreatProfileEntry, async ({ ctx, params }) => {
  const { id, techniqueId } = parseInput(systemTechniqueParamsSchema, params);
  await removeThreatProfileEntry({ ctx, input: { systemId: id, techniqueId } });
  return new Response(null, { status: 204 });
});
