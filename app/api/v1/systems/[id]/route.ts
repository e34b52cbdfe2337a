// GET/PATCH/DELETE /api/v1/systems/{id} – read, edit (optimistic concurrency) and archive one AI system
import { archiveSystem } from "@/lib/systems/archive-system";
import { getSystem } from "@/lib/systems/get-system";
import { updateSystem } from "@/lib/systems/update-system";
import { systemDetailSchema, systemIdSchema } from "@/lib/systems/schemas";
import { parseInput } from "@/lib/validation/parse-input";
import { jsonResponse, readJsonObject, versionEtag, withApiHandler, withIfMatchVersion } from "@/lib/web/http/with-api-handler";
import type { SystemDetail } from "@/lib/systems/schemas";
import { API_OPERATIONS } from "@/lib/openapi/api-operations";

function detailResponse(system: SystemDetail): Response {
  return jsonResponse(systemDetailSchema.parse(system), { headers: { etag: versionEtag(system.version) } });
}

export const GET = withApiHandler(API_OPERATIONS.getSystem, async ({ ctx, params }) => {
  const { id } = parseInput(systemIdSchema, params);
  return detailResponse(await getSystem({ ctx, input: { id } }));
});

export const PATCH = withApiHandler(API_OPERATIONS.updateSystem, async ({ req, ctx, params }) => {
  const { id } = parseInput(systemIdSchema, params);
  const patch = withIfMatchVersion(req, await readJsonObject(req));
  // updateSystem validates the patch with updateSystemSchema (422 with field paths)
  return detailResponse(await updateSystem({ ctx, input: { id, patch } }));
});

export const DELETE = withApiHandler(API_OPERATIONS.archiveSystem, async ({ ctx, params }) => {
  const { id } = parseInput(systemIdSchema, params);
  // archives: AI systems are never hard-deleted (their audit trail must stay meaningful)
  return detailResponse(await archiveSystem({ ctx, input: { id } }));
});
