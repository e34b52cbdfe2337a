// POST /systems/{id}/controls/evidence – upload evidence (file or link) from the system's controls page.
// A route handler rather than a server action: uploads go up to 10 MB, and server actions accept 1 MB
// bodies. With JavaScript the form posts here with fetch and gets an ActionState as JSON; without, it is
// redirected back with ?evidence=added|failed. Same-origin check, session, errors: lib/web/session-route.ts;
// the body is refused (413) past EVIDENCE_UPLOAD_MAX_BODY_BYTES without reading the rest.
import type { ActionState } from "@/lib/web/action-state";
import { createEvidence } from "@/lib/evidence/create-evidence";
import { evidenceFormInput } from "@/lib/web/forms/evidence-form-input";
import { MAX_EVIDENCE_FILE_LABEL } from "@/lib/evidence/schemas";
import { describeRouteError, withSessionRoute } from "@/lib/web/session-route";
import { readLimitedFormData } from "@/lib/web/read-limited-body";
import { EVIDENCE_UPLOAD_MAX_BODY_BYTES } from "@/lib/web/upload-limits";

type Params = { id: string };

function reply(req: Request, systemId: string, state: ActionState, status: number): Response {
  if ((req.headers.get("accept") ?? "").includes("application/json")) return Response.json(state, { status });
  const outcome = state.status === "success" ? "added" : "failed";
  return new Response(null, { status: 303, headers: { location: `/systems/${encodeURIComponent(systemId)}/controls?evidence=${outcome}` } });
}

export const POST = withSessionRoute<Params>(
  {
    mutating: true,
    permission: "control:write",
    onError: (error, { req, params, requestId }) => {
      const { status, message, issues } = describeRouteError(error, requestId);
      const fieldErrors = Object.fromEntries(issues.map((i) => [i.path, i.message]));
      return reply(req, params.id, { status: "error", message, fieldErrors }, status);
    },
  },
  async ({ req, session, params, requestId }) => {
    const form = await readLimitedFormData(req, EVIDENCE_UPLOAD_MAX_BODY_BYTES, MAX_EVIDENCE_FILE_LABEL);
    const parsed = await evidenceFormInput(params.id, form);
    try {
      await createEvidence({ ctx: session.ctx, input: parsed.input });
    } catch (error) {
      // the same mapping, keeping what was typed beside the refused fields
      const { status, message, issues } = describeRouteError(error, requestId);
      return reply(
        req,
        params.id,
        { status: "error", message, fieldErrors: Object.fromEntries(issues.map((i) => [i.path, i.message])), values: parsed.values },
        status,
      );
    }
    return reply(req, params.id, { status: "success", message: "Evidence added." }, 200);
  },
);
