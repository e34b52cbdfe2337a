// GET /api/v1/risk-matrix – the organisation's risk matrix, with every cell scored
import { getScoredRiskMatrix } from "@/lib/risks/get-scored-risk-matrix";
import { riskMatrixResponseSchema } from "@/lib/risks/schemas";
import { jsonResponse, versionEtag, withApiHandler } from "@/lib/web/http/with-api-handler";
import { API_OPERATIONS } from "@/lib/openapi/api-operations";

export const GET = withApiHandler(API_OPERATIONS.getRiskMatrix, async ({ ctx }) => {
  const matrix = await getScoredRiskMatrix({ ctx });
  return jsonResponse(riskMatrixResponseSchema.parse(matrix), { headers: { etag: versionEtag(matrix.version) } });
});
