// GET /api/v1/evidence/{evidenceId}/content – download an evidence file (org-scoped)
import { getEvidenceFile } from "@/lib/evidence/get-evidence-file";
import { evidenceDownloadHeaders } from "@/lib/web/evidence-download-headers";
import { withApiHandler } from "@/lib/web/http/with-api-handler";

export const GET = withApiHandler({ permission: "inventory:read" }, async ({ ctx, params }) => {
  const file = await getEvidenceFile({ ctx, input: { evidenceId: params.evidenceId ?? "" } });
  return new Response(new Uint8Array(file.bytes), { status: 200, headers: evidenceDownloadHeaders(file) });
});
