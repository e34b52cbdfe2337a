// GET /api/v1/systems/{id}/model-card?format=hf|mct[&componentId=] – the model card of an AI system or of one of its model components
import { getModelCard } from "@/lib/model-cards/get-model-card";
import { modelCardQuerySchema } from "@/lib/model-cards/schemas";
import { systemIdSchema } from "@/lib/systems/schemas";
import { parseInput } from "@/lib/validation/parse-input";
import { readQuery, strictQuerySchema, withApiHandler } from "@/lib/web/http/with-api-handler";
import { API_OPERATIONS } from "@/lib/openapi/api-operations";

const querySchema = strictQuerySchema(modelCardQuerySchema);

export const GET = withApiHandler(API_OPERATIONS.getModelCard, async ({ req, ctx, params }) => {
  const { id } = parseInput(systemIdSchema, params);
  const { format, componentId } = readQuery(req, querySchema);
  const card = await getModelCard({ ctx, input: { systemId: id, componentId, format } });
  return new Response(card.content, { headers: { "content-type": card.contentType, "content-disposition": `attachment; filename="${card.filename}"` } });
});
