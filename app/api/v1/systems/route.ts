// GET /api/v1/systems – list AI systems; POST /api/v1/systems – create an AI system
import { createSystem } from "@/lib/systems/create-system";
import { listSystems } from "@/lib/systems/list-systems";
import { createSystemSchema, listSystemsSchema, systemDetailSchema, systemListSchema } from "@/lib/systems/schemas";
import { parseInput } from "@/lib/validation/parse-input";
import { assertCan } from "@/lib/auth/permissions";
import { jsonResponse, readJsonBody, readQuery, strictQuerySchema, versionEtag, withApiHandler } from "@/lib/web/http/with-api-handler";

// The inventory page's filters, but an invalid value is a 422 here instead of being ignored.
const listQuerySchema = strictQuerySchema(listSystemsSchema);

export const GET = withApiHandler(async ({ req, ctx }) => {
  const input = readQuery(req, listQuerySchema);
  const list = await listSystems({ ctx, input });
  return jsonResponse(systemListSchema.parse(list));
});

export const POST = withApiHandler(async ({ req, ctx }) => {
  // Parsed here, not only in the verb: createSystem also accepts the internal `isDemo` flag (seed),
  // which an API client must not be able to set; the strict schema rejects it as an unknown field.
  // The permission is checked first (as the verb would) so a read-only token gets 403, not 422.
  assertCan(ctx, "system:create");
  const input = parseInput(createSystemSchema, await readJsonBody(req));
  const system = await createSystem({ ctx, input });
  return jsonResponse(systemDetailSchema.parse(system), {
    status: 201,
    headers: { location: `/api/v1/systems/${encodeURIComponent(system.id)}`, etag: versionEtag(system.version) },
  });
});
