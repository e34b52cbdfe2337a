// POST /api/v1/evidence/{evidenceId}/links – attach existing evidence to another control of its system
import { linkEvidence } from "@/lib/evidence/link-evidence";
import { evidenceLinkBodySchema } from "@/lib/evidence/schemas";
import { evidenceSummarySchema } from "@/lib/controls/schemas";
import { parseInput } from "@/lib/validation/parse-input";
import { jsonResponse, readJsonBody, withApiHandler } from "@/lib/web/http/with-api-handler";
import { API_OPERATIONS } from "@/lib/openapi/api-operations";

export const POST = withApiHandler(API_OPERATIONS.linkEvidence, async ({ req, ctx, params }) => {
  const link = parseInput(evidenceLinkBodySchema, await readJsonBody(req));
  const evidence = await linkEvidence({ ctx, input: { evidenceId: params.evidenceId ?? "", ...link } });
  return jsonResponse(evidenceSummarySchema.parse(evidence), { status: 201 });
});
