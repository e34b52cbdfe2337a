// GET /api/v1/findings – the organisation's findings (every status unless filtered), filtered and paginated like the findings page
import { listFindings } from "@/lib/findings/list-findings";
import { findingFiltersSchema } from "@/lib/findings/schemas";
import { jsonResponse, readQuery, strictQuerySchema, withApiHandler } from "@/lib/web/http/with-api-handler";
import { API_OPERATIONS } from "@/lib/openapi/api-operations";
import { findingListSchema } from "@/lib/findings/schemas";

const listQuerySchema = strictQuerySchema(findingFiltersSchema);

export const GET = withApiHandler(API_OPERATIONS.listFindings, async ({ req, ctx }) => {
  return jsonResponse(findingListSchema.parse(await listFindings({ ctx, input: readQuery(req, listQuerySchema) })));
});
