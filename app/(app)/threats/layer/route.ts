// GET /threats/layer – the organisation's threat profiles (all active systems) as an ATLAS Navigator layer download
import { getSessionContext } from "@/lib/auth/get-session-context";
import { exportNavigatorLayer } from "@/lib/threats/export-navigator-layer";

export async function GET(): Promise<Response> {
  const session = await getSessionContext();
  if (!session) return new Response("Sign in to export the layer.", { status: 401, headers: { "cache-control": "no-store" } });
  const { layer, filename } = await exportNavigatorLayer({ ctx: session.ctx, input: {} });
  return Response.json(layer, { headers: { "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store" } });
}
