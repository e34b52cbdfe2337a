// GET /threats/layer – the organisation's threat profiles (all active systems) as an ATLAS Navigator layer download
import { exportNavigatorLayer } from "@/lib/threats/export-navigator-layer";
import { withSessionRoute } from "@/lib/web/session-route";

export const GET = withSessionRoute({ mutating: false, permission: "inventory:read" }, async ({ session }) => {
  const { layer, filename } = await exportNavigatorLayer({ ctx: session.ctx, input: {} });
  return Response.json(layer, { headers: { "content-disposition": `attachment; filename="${filename}"` } });
});
