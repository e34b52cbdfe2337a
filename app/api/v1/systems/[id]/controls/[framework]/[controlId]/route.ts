// PATCH /api/v1/systems/{id}/controls/{framework}/{controlId} – set a control's status, justification, owner, review date
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { decodePathParam } from "@/lib/web/control-path-param";
import { updateSystemControl } from "@/lib/controls/update-system-control";
import { systemControlSchema, updateSystemControlBodySchema, type UpdateSystemControlInput } from "@/lib/controls/schemas";
import { systemIdSchema } from "@/lib/systems/schemas";
import { parseInput } from "@/lib/validation/parse-input";
import { jsonResponse, readIfMatchVersion, readJsonBody, versionEtag, withApiHandler } from "@/lib/web/http/with-api-handler";

export const PATCH = withApiHandler(async ({ req, ctx, params }) => {
  const { id } = parseInput(systemIdSchema, params);
  // the permission first (as the verb would), so a read-only token gets 403 rather than 422
  assertCan(ctx, "control:write");
  const body = parseInput(updateSystemControlBodySchema, await readJsonBody(req));
  const ifMatch = readIfMatchVersion(req);
  if (ifMatch !== undefined && body.version !== undefined && body.version !== ifMatch) {
    throw new AppError("VALIDATION", "The body's version and the If-Match header disagree.", [
      { path: "version", message: `Differs from If-Match (${ifMatch})` },
    ]);
  }
  const control = await updateSystemControl({
    ctx,
    input: {
      ...body,
      version: body.version ?? ifMatch ?? null,
      systemId: id,
      framework: decodePathParam(params.framework) as UpdateSystemControlInput["framework"],
      controlId: decodePathParam(params.controlId),
    },
  });
  return jsonResponse(systemControlSchema.parse(control), { headers: control.version === null ? {} : { etag: versionEtag(control.version) } });
});
