// GET /api/v1/evidence/{evidenceId}/content – download an evidence file (org-scoped)
import { getEvidenceFile } from "@/lib/evidence/get-evidence-file";
import { evidenceDownloadHeaders } from "@/lib/web/evidence-download-headers";
import { withApiHandler } from "@/lib/web/http/with-api-handler";
import { API_OPERATIONS } from "@/lib/openapi/api-operations";

export const GET = withApiHandler(API_OPERATIONS.getEvidenceContent, async ({ ctx, params }) => {
  const file = await getEvidenceFile({ ctx, input: { evidenceId: params.evidenceId ?? "" } });
  return new Response(new Uint8Array(file.bytes), { status: 200, headers: evidenceDownloadHeaders(file) });
});
