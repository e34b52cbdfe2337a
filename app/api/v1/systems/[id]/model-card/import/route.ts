// POST /api/v1/systems/{id}/model-card/import[?componentId=] – import a Hugging Face model card (README.md as the body) into a model component
import { importModelCard } from "@/lib/components/import-model-card";
import { importModelCardOptionsSchema, importModelCardResultSchema, MODEL_CARD_MAX_BYTES } from "@/lib/model-cards/schemas";
import { systemIdSchema } from "@/lib/systems/schemas";
import { parseInput } from "@/lib/validation/parse-input";
import { readLimitedBody } from "@/lib/web/read-limited-body";
import { jsonResponse, readQuery, strictQuerySchema, withApiHandler } from "@/lib/web/http/with-api-handler";
import { API_OPERATIONS } from "@/lib/openapi/api-operations";

const querySchema = strictQuerySchema(importModelCardOptionsSchema);

export const POST = withApiHandler(API_OPERATIONS.importModelCard, async ({ req, ctx, params }) => {
  const { id } = parseInput(systemIdSchema, params);
  const { componentId } = readQuery(req, querySchema);
  // the body is the README.md as it is (any content type), read as UTF-8 text
  const text = new TextDecoder("utf-8").decode(await readLimitedBody(req, MODEL_CARD_MAX_BYTES));
  const result = await importModelCard({ ctx, input: { systemId: id, componentId, text } });
  return jsonResponse(importModelCardResultSchema.parse(result), { status: result.created ? 201 : 200 });
});
