// GET /api/v1/systems/{id}/controls/posture – compliance posture of one AI system per framework
import { getCompliancePosture } from "@/lib/controls/get-compliance-posture";
import { compliancePostureSchema } from "@/lib/controls/schemas";
import { systemIdSchema } from "@/lib/systems/schemas";
import { parseInput } from "@/lib/validation/parse-input";
import { jsonResponse, withApiHandler } from "@/lib/web/http/with-api-handler";
import { API_OPERATIONS } from "@/lib/openapi/api-operations";

export const GET = withApiHandler(API_OPERATIONS.getSystemCompliancePosture, async ({ ctx, params }) => {
  const { id } = parseInput(systemIdSchema, params);
  return jsonResponse(compliancePostureSchema.parse(await getCompliancePosture({ ctx, input: { systemId: id } })));
});
