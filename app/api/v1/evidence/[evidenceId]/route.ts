// DELETE /api/v1/evidence/{evidenceId} – delete a piece of evidence and its attachments to controls
import { deleteEvidence } from "@/lib/evidence/delete-evidence";
import { withApiHandler } from "@/lib/web/http/with-api-handler";
import { API_OPERATIONS } from "@/lib/openapi/api-operations";

export const DELETE = withApiHandler(API_OPERATIONS.deleteEvidence, async ({ ctx, params }) => {
  await deleteEvidence({ ctx, input: { evidenceId: params.evidenceId ?? "" } });
  return new Response(null, { status: 204 });
});
