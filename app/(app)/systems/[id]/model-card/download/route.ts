// GET /systems/{id}/model-card/download?format=hf|mct[&componentId=] – the model card as a file
import { getModelCard } from "@/lib/model-cards/get-model-card";
import { modelCardQuerySchema } from "@/lib/model-cards/schemas";
import { parseInput } from "@/lib/validation/parse-input";
import { withSessionRoute } from "@/lib/web/session-route";

// another organisation's id is NOT_FOUND (404), like a guessed one; errors are problem+json (lib/web/session-route.ts)
export const GET = withSessionRoute<{ id: string }>({ mutating: false, permission: "inventory:read" }, async ({ req, session, params }) => {
  const url = new URL(req.url);
  const query = parseInput(modelCardQuerySchema, {
    format: url.searchParams.get("format") ?? undefined,
    componentId: url.searchParams.get("componentId") || undefined,
  });
  const card = await getModelCard({ ctx: session.ctx, input: { systemId: params.id, ...query } });
  return new Response(card.content, { headers: { "content-type": card.contentType, "content-disposition": `attachment; filename="${card.filename}"` } });
});
