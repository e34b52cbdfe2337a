// GET /api/v1/risks – the organisation's risk register across all AI systems (same filters as the /risks page)
import { listRisks } from "@/lib/risks/list-risks";
import { listRisksSchema, riskListSchema } from "@/lib/risks/schemas";
import { jsonResponse, readQuery, strictQuerySchema, withApiHandler } from "@/lib/web/http/with-api-handler";
import { API_OPERATIONS } from "@/lib/openapi/api-operations";

const listQuerySchema = strictQuerySchema(listRisksSchema);

export const GET = withApiHandler(API_OPERATIONS.listRisks, async ({ req, ctx }) => {
  return jsonResponse(riskListSchema.parse(await listRisks({ ctx, input: readQuery(req, listQuerySchema) })));
});
