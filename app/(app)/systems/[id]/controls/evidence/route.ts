// POST /systems/{id}/controls/evidence – upload evidence (file or link) from the system's controls page.
// A route handler rather than a server action: uploads go up to 10 MB, and server actions accept 1 MB
// bodies unless next.config raises serverActions.bodySizeLimit. With JavaScript the form posts here with
// fetch and gets an ActionState as JSON; without, it is redirected back with ?evidence=added|failed.
import { getSessionContext } from "@/lib/auth/get-session-context";
import { toActionState, type ActionState } from "@/lib/web/action-state";
import { AppError, HTTP_STATUS } from "@/lib/errors";
import { createEvidence } from "@/lib/evidence/create-evidence";
import { evidenceFormInput } from "@/lib/web/forms/evidence-form-input";
import { MAX_EVIDENCE_FILE_BYTES, MAX_EVIDENCE_FILE_LABEL } from "@/lib/evidence/schemas";

const TOO_LARGE = new AppError("VALIDATION", "The input is not valid.", [{ path: "file", message: `The file is larger than ${MAX_EVIDENCE_FILE_LABEL}` }]);

/**
 * A cookie-authenticated POST, so refuse other origins as Next does for server actions (Origin against
 * x-forwarded-host or host); the session cookie is SameSite=Lax as well. No Origin header: not a
 * cross-site browser request.
 */
function isSameOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  if (origin === null) return true;
  try {
    return new URL(origin).host === (req.headers.get("x-forwarded-host") ?? req.headers.get("host"));
  } catch {
    return false;
  }
}

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const wantsJson = (req.headers.get("accept") ?? "").includes("application/json");
  const back = (outcome: "added" | "failed") =>
    new Response(null, { status: 303, headers: { location: `/systems/${encodeURIComponent(id)}/controls?evidence=${outcome}` } });
  const reply = (state: ActionState, status: number) =>
    wantsJson ? Response.json(state, { status, headers: { "cache-control": "no-store" } }) : back(state.status === "success" ? "added" : "failed");

  if (!isSameOrigin(req)) return reply({ status: "error", message: "Cross-site upload refused." }, 403);
  const session = await getSessionContext();
  if (!session) return reply({ status: "error", message: "Your session has ended. Sign in again." }, 401);

  let values: Record<string, unknown> | undefined;
  try {
    // multipart overhead is small; a larger body cannot hold a file within the limit
    if (Number(req.headers.get("content-length") ?? 0) > MAX_EVIDENCE_FILE_BYTES + 256 * 1024) throw TOO_LARGE;
    let form: FormData;
    try {
      form = await req.formData();
    } catch {
      throw new AppError("VALIDATION", "The upload could not be read (interrupted, or larger than the limit).", [
        { path: "file", message: `Upload a file of at most ${MAX_EVIDENCE_FILE_LABEL}` },
      ]);
    }
    const parsed = await evidenceFormInput(id, form);
    values = parsed.values;
    await createEvidence({ ctx: session.ctx, input: parsed.input });
  } catch (error) {
    const state = toActionState(error, values);
    return reply(state, error instanceof AppError ? HTTP_STATUS[error.code] : 500);
  }
  return reply({ status: "success", message: "Evidence added." }, 200);
}
