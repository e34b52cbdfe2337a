// GET /systems/{id}/threats/layer – the AI system's threat profile as an ATLAS Navigator layer download
import { getSessionContext } from "@/lib/auth/get-session-context";
import { AppError } from "@/lib/errors";
import { exportNavigatorLayer } from "@/lib/threats/export-navigator-layer";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const session = await getSessionContext();
  const headers = { "cache-control": "no-store" };
  if (!session) return new Response("Sign in to export the layer.", { status: 401, headers });
  const { id } = await params;
  try {
    const { layer, filename } = await exportNavigatorLayer({ ctx: session.ctx, input: { systemId: id } });
    return Response.json(layer, { headers: { ...headers, "content-disposition": `attachment; filename="${filename}"` } });
  } catch (error) {
    // another organisation's id is NOT_FOUND, like a guessed one
    if (error instanceof AppError && error.code === "NOT_FOUND") return new Response("AI system not found.", { status: 404, headers });
    throw error;
  }
}
