// POST /systems/{id}/findings/import?format=…&fileName=… – upload a scanner file from the system's Findings tab.
// The body is the raw file (no multipart framing). It is first received into a private temporary file
// (spoolRequestBody: never whole in memory, so a 200 MB report costs no 200 MB, and a slow connection holds no
// database transaction), then imported from there. A body whose Content-Length is over FINDINGS_MAX_BYTES is
// refused (413) before it is read, and any body as soon as it passes the limit. The answer is
// application/x-ndjson: `{"type":"progress","stage":"receiving","bytes"}` lines while the file arrives,
// `{"type":"progress","stage":"importing","bytes","records"}` lines while it is imported, then one
// `{"type":"summary", …ImportSummary}` or `{"type":"error","message"}` (mapped by describeRouteError, the one
// mapping). Not matched by proxy.ts (Next would buffer and truncate the body there). Same-origin check, session
// and permission before the body: lib/web/session-route.ts.
import { importFindings } from "@/lib/findings/import-findings";
import { formatBytes } from "@/lib/findings/schemas";
import { HttpError } from "@/lib/web/http/problem";
import { describeRouteError, withSessionRoute } from "@/lib/web/session-route";
import { spoolRequestBody } from "@/lib/web/http/spool-request-body";
import { findingsUploadMaxBodyBytes } from "@/lib/web/upload-limits";

type Params = { id: string };

/** Progress lines at most this often: the import reports a few times a second already. */
const PROGRESS_INTERVAL_MS = 200;

export const POST = withSessionRoute<Params>({ mutating: true, permission: "finding:import" }, async ({ req, session, params, requestId }) => {
  const maxBytes = findingsUploadMaxBodyBytes();
  const declared = Number(req.headers.get("content-length"));
  if (req.headers.has("content-length") && Number.isFinite(declared) && declared > maxBytes) {
    throw new HttpError("PAYLOAD_TOO_LARGE", `The file is larger than the limit of ${formatBytes(maxBytes)}.`, [
      { path: "file", message: `Larger than ${formatBytes(maxBytes)}` },
    ]);
  }
  const url = new URL(req.url);
  const tooLarge = () =>
    new HttpError("PAYLOAD_TOO_LARGE", `The file is larger than the limit of ${formatBytes(maxBytes)}.`, [
      { path: "file", message: `Larger than ${formatBytes(maxBytes)}` },
    ]);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: Record<string, unknown>) => controller.enqueue(encoder.encode(JSON.stringify(line) + "\n"));
      let lastSent = 0;
      const throttled = (line: Record<string, unknown>) => {
        const now = Date.now();
        if (now - lastSent < PROGRESS_INTERVAL_MS) return;
        lastSent = now;
        send(line);
      };
      let spooled: Awaited<ReturnType<typeof spoolRequestBody>> | null = null;
      try {
        spooled = await spoolRequestBody(req, maxBytes, tooLarge, (bytes) => throttled({ type: "progress", stage: "receiving", bytes, records: 0 }));
        const summary = await importFindings({
          ctx: session.ctx,
          input: {
            systemId: params.id,
            format: url.searchParams.get("format") ?? "auto",
            fileName: url.searchParams.get("fileName") ?? "",
            source: spooled.source(),
            onProgress: ({ bytes, records }) => throttled({ type: "progress", stage: "importing", bytes, records }),
          },
        });
        send({ type: "progress", stage: "importing", bytes: summary.bytes, records: summary.records });
        send({ type: "summary", ...summary });
      } catch (error) {
        const { message, issues } = describeRouteError(error, requestId);
        send({ type: "error", message, issues });
      } finally {
        await spooled?.cleanup();
        controller.close();
      }
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      // no-transform: no compression buffering the progress lines; no-store as every session route
      "cache-control": "no-store, no-transform",
      "x-accel-buffering": "no",
    },
  });
});
