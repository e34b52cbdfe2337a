// GET /api/v1/systems – list AI systems; POST /api/v1/systems – create an AI system
import { createSystem } from "@/lib/systems/create-system";
import { listSystems } from "@/lib/systems/list-systems";
import { listSystemsSchema, systemDetailSchema, systemListSchema } from "@/lib/systems/schemas";
import { jsonResponse, readJsonObject, readQuery, strictQuerySchema, versionEtag, withApiHandler } from "@/lib/web/http/with-api-handler";
import { API_OPERATIONS } from "@/lib/openapi/api-operations";

// The inventory page's filters, but an invalid value is a 422 here instead of being ignored.
const listQuerySchema = strictQuerySchema(listSystemsSchema);

export const GET = withApiHandler(API_OPERATIONS.listSystems, async ({ req, ctx }) => {
  const input = readQuery(req, listQuerySchema);
  const list = await listSystems({ ctx, input });
  return jsonResponse(systemListSchema.parse(list));
});

export const POST = withApiHandler(API_OPERATIONS.createSystem, async ({ req, ctx }) => {
  // createSystem validates the body with createSystemSchema (422 with field paths)
  const system = await createSystem({ ctx, input: await readJsonObject(req) });
  return jsonResponse(systemDetailSchema.parse(system), {
    status: 201,
    headers: { location: `/api/v1/systems/${encodeURIComponent(system.id)}`, etag: versionEtag(system.version) },
  });
});
