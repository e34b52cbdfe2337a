// GET /api/v1/posture – the organisation's compliance posture per framework (all active AI systems)
import { getCompliancePosture } from "@/lib/controls/get-compliance-posture";
import { compliancePostureSchema } from "@/lib/controls/schemas";
import { jsonResponse, withApiHandler } from "@/lib/web/http/with-api-handler";

export const GET = withApiHandler({ permission: "inventory:read" }, async ({ ctx }) =>
  jsonResponse(compliancePostureSchema.parse(await getCompliancePosture({ ctx }))),
);
