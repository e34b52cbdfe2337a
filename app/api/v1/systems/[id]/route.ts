// GET/PATCH/DELETE /api/v1/systems/{id} – read, edit (optimistic concurrency) and archive one AI system
import { archiveSystem } from "@/lib/systems/archive-system";
import { getSystem } from "@/lib/systems/get-system";
import { updateSystem } from "@/lib/systems/update-system";
import { systemDetailSchema, systemIdSchema, type UpdateSystemInput } from "@/lib/systems/schemas";
import { parseInput } from "@/lib/validation/parse-input";
import { AppError } from "@/lib/errors";
import { jsonResponse, readIfMatchVersion, readJsonBody, versionEtag, withApiHandler } from "@/lib/web/http/with-api-handler";
import type { SystemDetail } from "@/lib/systems/schemas";

function detailResponse(system: SystemDetail): Response {
  return jsonResponse(systemDetailSchema.parse(system), { headers: { etag: versionEtag(system.version) } });
}

export const GET = withApiHandler(async ({ ctx, params }) => {
  const { id } = parseInput(systemIdSchema, params);
  return detailResponse(await getSystem({ ctx, input: { id } }));
});

export const PATCH = withApiHandler(async ({ req, ctx, params }) => {
  const { id } = parseInput(systemIdSchema, params);
  const body = await readJsonBody(req);
  const ifMatch = readIfMatchVersion(req);
  let patch = body;
  if (ifMatch !== undefined && body !== null && typeof body === "object" && !Array.isArray(body)) {
    const bodyVersion = (body as { version?: unknown }).version;
    if (bodyVersion === undefined) patch = { ...body, version: ifMatch };
    else if (bodyVersion !== ifMatch) {
      throw new AppError("VALIDATION", "The body's version and the If-Match header disagree.", [
        { path: "version", message: `Differs from If-Match (${ifMatch})` },
      ]);
    }
  }
  // updateSystem validates the patch with updateSystemSchema (422 with field paths)
  return detailResponse(await updateSystem({ ctx, input: { id, patch: patch as UpdateSystemInput } }));
});

export const DELETE = withApiHandler(async ({ ctx, params }) => {
  const { id } = parseInput(systemIdSchema, params);
  // archives: AI systems are never hard-deleted (their audit trail must stay meaningful)
  return detailResponse(await archiveSystem({ ctx, input: { id } }));
});
