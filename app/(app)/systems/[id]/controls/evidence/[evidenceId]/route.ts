// GET /systems/{id}/controls/evidence/{evidenceId} – download an evidence file with the signed-in session
import { getEvidenceFile } from "@/lib/evidence/get-evidence-file";
import { evidenceDownloadHeaders } from "@/lib/web/evidence-download-headers";
import { withSessionRoute } from "@/lib/web/session-route";

// another organisation's file, a link, or a system id that is not the file's own: 404 (problem+json, lib/web/session-route.ts)
export const GET = withSessionRoute<{ id: string; evidenceId: string }>({ mutating: false, permission: "inventory:read" }, async ({ session, params }) => {
  const file = await getEvidenceFile({ ctx: session.ctx, input: { evidenceId: params.evidenceId, systemId: params.id } });
  return new Response(new Uint8Array(file.bytes), { status: 200, headers: evidenceDownloadHeaders(file) });
});
