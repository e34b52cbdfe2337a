// GET /api/v1/threat-profile/navigator-layer – every active system's threat profile as one ATLAS Navigator layer
import { exportNavigatorLayer } from "@/lib/threats/export-navigator-layer";
import { navigatorLayerOutputSchema } from "@/lib/threats/build-navigator-layer";
import { jsonResponse, withApiHandler } from "@/lib/web/http/with-api-handler";
import { API_OPERATIONS } from "@/lib/openapi/api-operations";

export const GET = withApiHandler(API_OPERATIONS.exportOrganizationNavigatorLayer, async ({ ctx }) => {
  const { layer, filename } = await exportNavigatorLayer({ ctx, input: {} });
  return jsonResponse(navigatorLayerOutputSchema.parse(layer), { headers: { "content-disposition": `attachment; filename="${filename}"` } });
});
