// GET /api/v1/systems/{id}/threat-profile/navigator-layer – the profile as an ATLAS Navigator layer; POST – import a layer into it
import { exportNavigatorLayer } from "@/lib/threats/export-navigator-layer";
import { importNavigatorLayer } from "@/lib/threats/import-navigator-layer";
import { navigatorLayerOutputSchema } from "@/lib/threats/build-navigator-layer";
import { importLayerOptionsSchema, importNavigatorLayerResultSchema } from "@/lib/threats/schemas";
import { systemIdSchema } from "@/lib/systems/schemas";
import { parseInput } from "@/lib/validation/parse-input";
import { jsonResponse, readJsonBody, readQuery, withApiHandler } from "@/lib/web/http/with-api-handler";
import { API_OPERATIONS } from "@/lib/openapi/api-operations";

/** A layer with a comment on each of ATLAS's ~180 entries stays far below this. */
const MAX_LAYER_BYTES = 1024 * 1024;

export const GET = withApiHandler(API_OPERATIONS.exportNavigatorLayer, async ({ ctx, params }) => {
  const { id } = parseInput(systemIdSchema, params);
  const { layer, filename } = await exportNavigatorLayer({ ctx, input: { systemId: id } });
  return jsonResponse(navigatorLayerOutputSchema.parse(layer), { headers: { "content-disposition": `attachment; filename="${filename}"` } });
});

export const POST = withApiHandler(API_OPERATIONS.importNavigatorLayer, async ({ req, ctx, params }) => {
  const { id } = parseInput(systemIdSchema, params);
  const { rationale } = readQuery(req, importLayerOptionsSchema);
  // the body is the layer file itself, as ATLAS Navigator saves it; the verb validates it (422 with techniques.<n>.… paths)
  const layer = await readJsonBody(req, MAX_LAYER_BYTES);
  return jsonResponse(importNavigatorLayerResultSchema.parse(await importNavigatorLayer({ ctx, input: { systemId: id, layer, rationale } })));
});
