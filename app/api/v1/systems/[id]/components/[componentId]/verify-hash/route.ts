// POST /api/v1/systems/{id}/components/{componentId}/verify-hash – check an artefact's SHA-256 against the component's; the result is audited
import { verifyComponentHash } from "@/lib/components/verify-component-hash";
import { componentPathSchema } from "@/lib/components/schemas";
import { verifyHashResultSchema } from "@/lib/model-cards/schemas";
import { parseInput } from "@/lib/validation/parse-input";
import { jsonResponse, readJsonObject, withApiHandler } from "@/lib/web/http/with-api-handler";
import { API_OPERATIONS } from "@/lib/openapi/api-operations";

export const POST = withApiHandler(API_OPERATIONS.verifyComponentHash, async ({ req, ctx, params }) => {
  const { id, componentId } = parseInput(componentPathSchema, params);
  const body = await readJsonObject(req);
  return jsonResponse(verifyHashResultSchema.parse(await verifyComponentHash({ ctx, input: { id: componentId, systemId: id, check: body } })));
});
