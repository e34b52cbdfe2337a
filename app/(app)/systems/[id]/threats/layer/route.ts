// GET /systems/{id}/threats/layer – the AI system's threat profile as an ATLAS Navigator layer download
import { exportNavigatorLayer } from "@/lib/threats/export-navigator-layer";
import { withSessionRoute } from "@/lib/web/session-route";

// another organisation's id is NOT_FOUND (404), like a guessed one; errors are problem+json (lib/web/session-route.ts)
export const GET = withSessionRoute<{ id: string }>({ mutating: false, permission: "inventory:read" }, async ({ session, params }) => {
  const { layer, filename } = await exportNavigatorLayer({ ctx: session.ctx, input: { systemId: params.id } });
  return Response.json(layer, { headers: { "content-disposition": `attachment; filename="${filename}"` } });
});
