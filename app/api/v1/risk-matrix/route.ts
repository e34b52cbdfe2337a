// GET /api/v1/risk-matrix – the organisation's risk matrix, with every cell scored
import { getScoredRiskMatrix } from "@/lib/risks/get-scored-risk-matrix";
import { riskMatrixResponseSchema } from "@/lib/risks/schemas";
import { jsonResponse, versionEtag, withApiHandler } from "@/lib/web/http/with-api-handler";

export const GET = withApiHandler({ permission: "inventory:read" }, async ({ ctx }) => {
  const matrix = await getScoredRiskMatrix({ ctx });
  return jsonResponse(riskMatrixResponseSchema.parse(matrix), { headers: { etag: versionEtag(matrix.version) } });
});
