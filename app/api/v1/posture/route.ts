// GET /api/v1/posture – the organisation's compliance posture per framework (all active AI systems)
import { getCompliancePosture } from "@/lib/controls/get-compliance-posture";
import { compliancePostureSchema } from "@/lib/controls/schemas";
import { jsonResponse, withApiHandler } from "@/lib/web/http/with-api-handler";
import { API_OPERATIONS } from "@/lib/openapi/api-operations";

export const GET = withApiHandler(API_OPERATIONS.getOrganizationCompliancePosture, async ({ ctx }) =>
  jsonResponse(compliancePostureSchema.parse(await getCompliancePosture({ ctx }))),
);
