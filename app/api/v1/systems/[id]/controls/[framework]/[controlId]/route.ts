// PATCH /api/v1/systems/{id}/controls/{framework}/{controlId} – set a control's status, justification, owner, review date
import { decodePathParam } from "@/lib/web/control-path-param";
import { updateSystemControl } from "@/lib/controls/update-system-control";
import { systemControlSchema, updateSystemControlBodySchema } from "@/lib/controls/schemas";
import { systemIdSchema } from "@/lib/systems/schemas";
import { parseInput } from "@/lib/validation/parse-input";
import { jsonResponse, readJsonObject, versionEtag, withApiHandler, withIfMatchVersion } from "@/lib/web/http/with-api-handler";
import { API_OPERATIONS } from "@/lib/openapi/api-operations";

export const PATCH = withApiHandler(API_OPERATIONS.updateSystemControl, async ({ req, ctx, params }) => {
  const { id } = parseInput(systemIdSchema, params);
  const body = parseInput(updateSystemControlBodySchema, withIfMatchVersion(req, await readJsonObject(req)));
  const control = await updateSystemControl({
    ctx,
    input: {
      ...body,
      version: body.version ?? null,
      systemId: id,
      framework: decodePathParam(params.framework),
      controlId: decodePathParam(params.controlId),
    },
  });
  return jsonResponse(systemControlSchema.parse(control), { headers: control.version === null ? {} : { etag: versionEtag(control.version) } });
});
