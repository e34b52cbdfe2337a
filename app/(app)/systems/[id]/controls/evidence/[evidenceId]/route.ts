// GET /systems/{id}/controls/evidence/{evidenceId} – download an evidence file with the signed-in session
import { getSessionContext } from "@/lib/auth/get-session-context";
import { AppError, HTTP_STATUS } from "@/lib/errors";
import { getEvidenceFile } from "@/lib/evidence/get-evidence-file";
import { evidenceDownloadHeaders } from "@/lib/web/evidence-download-headers";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string; evidenceId: string }> }): Promise<Response> {
  const session = await getSessionContext();
  if (!session)
    return new Response("Sign in to download evidence.", {
      status: 401,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  const { id, evidenceId } = await params;
  try {
    const file = await getEvidenceFile({ ctx: session.ctx, input: { evidenceId, systemId: id } });
    return new Response(new Uint8Array(file.bytes), { status: 200, headers: evidenceDownloadHeaders(file) });
  } catch (error) {
    if (error instanceof AppError) {
      return new Response(error.message, {
        status: HTTP_STATUS[error.code],
        headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
      });
    }
    throw error;
  }
}
