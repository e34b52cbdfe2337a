// POST /threats/catalog/import – an admin uploads an official MITRE ATLAS release file (ATLAS.yaml).
// A session route handler rather than a server action: release files may be up to ATLAS_MAX_BYTES (20 MB)
// and server actions keep Next's 1 MB body limit. The body is refused (413) past ATLAS_UPLOAD_MAX_BODY_BYTES
// without reading the rest; this path is not matched by proxy.ts (no proxy body buffering). With
// JavaScript the form posts here with fetch and gets an AtlasImportFormState as JSON; without, it is
// redirected back to the catalog page.
import { revalidatePath } from "next/cache";
import { importAtlasRelease } from "@/lib/atlas/import-atlas-release";
import { ATLAS_MAX_BYTES, type AtlasImportFormState } from "@/lib/atlas/schemas";
import { AppError } from "@/lib/errors";
import { describeRouteError, withSessionRoute } from "@/lib/web/session-route";
import { readLimitedFormData } from "@/lib/web/read-limited-body";
import { ATLAS_UPLOAD_MAX_BODY_BYTES } from "@/lib/web/upload-limits";

const LIMIT_LABEL = `${ATLAS_MAX_BYTES / 1024 / 1024} MB`;

function reply(req: Request, state: AtlasImportFormState, status: number): Response {
  if ((req.headers.get("accept") ?? "").includes("application/json")) return Response.json(state, { status });
  return new Response(null, { status: 303, headers: { location: `/threats/catalog?import=${state.status === "success" ? "done" : "failed"}` } });
}

export const POST = withSessionRoute(
  {
    mutating: true,
    permission: "catalog:import",
    onError: (error, { req, requestId }) => {
      const { status, message, issues } = describeRouteError(error, requestId);
      return reply(req, { status: "error", message, issues }, status);
    },
  },
  async ({ req, session }) => {
    const form = await readLimitedFormData(req, ATLAS_UPLOAD_MAX_BODY_BYTES, LIMIT_LABEL);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      throw new AppError("VALIDATION", "Choose the release file (ATLAS.yaml) to upload.", [{ path: "file", message: "Required" }]);
    }
    if (file.size > ATLAS_MAX_BYTES) {
      throw new AppError("VALIDATION", "The file is too large.", [{ path: "file", message: `Larger than the limit of ${LIMIT_LABEL}` }]);
    }
    const result = await importAtlasRelease({ ctx: session.ctx, input: { yaml: await file.text() } });
    if (result.status === "imported") revalidatePath("/threats/catalog");
    return reply(req, { status: "success", message: result.message, result }, 200);
  },
);
