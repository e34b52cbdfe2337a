import { randomUUID } from "node:crypto";
import { getSessionContext, type SessionContext } from "@/lib/auth/get-session-context";
import { canOnSome, type Permission } from "@/lib/auth/permissions";
import { AppError, HTTP_STATUS, type FieldIssue } from "@/lib/errors";
import { HttpError, problemResponse } from "@/lib/web/http/problem";
import { withHeader } from "@/lib/web/http/with-api-handler";

/**
 * The fourth transport: route handlers inside app/(app) that the signed-in browser calls with its session
 * cookie (evidence upload and download, ATLAS release upload, Navigator layer downloads). Pages, server
 * actions and the REST API have their own plumbing; these share this one:
 *
 * - non-GET requests (and any declared `mutating`) must come from the application's own origin, checked
 *   before the session is even read (the cookie is SameSite=Lax as well; this is the CSRF check Next
 *   applies to server actions, which route handlers do not get);
 * - the session context (lib/auth/get-session-context.ts) or 401, then the route's `permission` (403)
 *   before the handler runs, so before an upload's body is read; the verb checks again, with ownership;
 * - errors mapped once: AppError / HttpError → their status, anything else → 500, logged with a reference
 *   and never shown raw. The default body is application/problem+json (as the REST API); a route whose
 *   client expects something else (a form's ActionState, a redirect without JavaScript) passes `onError`;
 * - `cache-control: no-store` unless the handler set its own.
 */

export type SessionRouteArgs<P> = { req: Request; session: SessionContext; params: P; requestId: string };
export type SessionRouteErrorArgs<P> = { req: Request; params: P; requestId: string };
export type SessionRouteOptions<P> = {
  /** A state-changing route: the same-origin check applies whatever the method. */
  mutating: boolean;
  /** Checked with canOnSome before the handler (ownership-scoped grants are re-checked by the verb). */
  permission: Permission;
  /** Renders a refused or failed request; default application/problem+json. Must not rethrow. */
  onError?: (error: unknown, args: SessionRouteErrorArgs<P>) => Response;
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function originHost(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.protocol === "http:" || url.protocol === "https:" ? url.host : null;
  } catch {
    return null;
  }
}

/**
 * Whether a request was sent by a page of this application. `Sec-Fetch-Site: same-origin` (set by the
 * browser, not writable by a page) is enough; otherwise the `Origin` must be the application's: the
 * origin of NEXTAUTH_URL, or the host the request was sent to (X-Forwarded-Host, which Next fills in,
 * or Host; a cross-site form cannot set either to anything but ours). A request with neither header is
 * not from a browser (every current browser sends at least one of them on a cross-site POST), so there
 * is no ambient cookie to abuse: allowed.
 */
export function isSameOriginRequest(req: Request, appUrl: string | undefined = process.env.NEXTAUTH_URL): boolean {
  const site = req.headers.get("sec-fetch-site");
  if (site === "same-origin") return true;
  const origin = req.headers.get("origin");
  if (origin === null) return site === null;
  if (appUrl) {
    try {
      if (new URL(appUrl).origin === origin) return true;
    } catch {
      // a malformed NEXTAUTH_URL is no origin to match
    }
  }
  const host = originHost(origin);
  if (host === null) return false; // "null" (sandboxed frames, file:) and other schemes
  const targets = [req.headers.get("x-forwarded-host")?.split(",")[0]?.trim(), req.headers.get("host")].filter(Boolean);
  return targets.includes(host);
}

/**
 * The one mapping of an error for `onError` renderers that do not answer problem+json: its status, a
 * message fit to show and the field issues. Unexpected errors are logged with a reference, never shown.
 */
export function describeRouteError(error: unknown, requestId: string): { status: number; message: string; issues: FieldIssue[] } {
  if (error instanceof AppError) return { status: HTTP_STATUS[error.code], message: error.message, issues: error.issues };
  if (error instanceof HttpError) return { status: error.status, message: error.message, issues: error.issues };
  console.error(`[session-route] unhandled error (reference ${requestId})`, error);
  return { status: 500, message: `Something went wrong (reference ${requestId.slice(0, 8)}). Nothing was saved.`, issues: [] };
}

function withNoStore(res: Response): Response {
  return res.headers.has("cache-control") ? res : withHeader(res, "cache-control", "no-store");
}

/** Wraps a session-cookie route handler (see above). `P` is the route's dynamic segments. */
export function withSessionRoute<P extends Record<string, string> = Record<string, never>>(
  options: SessionRouteOptions<P>,
  handler: (args: SessionRouteArgs<P>) => Promise<Response>,
) {
  return async function sessionRoute(req: Request, segment: { params: Promise<P> }): Promise<Response> {
    const requestId = randomUUID();
    const params = ((await segment?.params) ?? {}) as P;
    try {
      if ((options.mutating || !SAFE_METHODS.has(req.method)) && !isSameOriginRequest(req)) {
        throw new AppError("FORBIDDEN", "Cross-site request refused.");
      }
      const session = await getSessionContext();
      if (!session) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
      if (!canOnSome(session.ctx.actor, options.permission)) throw new AppError("FORBIDDEN", "Your role does not allow this action.");
      return withNoStore(await handler({ req, session, params, requestId }));
    } catch (error) {
      return withNoStore(options.onError ? options.onError(error, { req, params, requestId }) : problemResponse(error, requestId));
    }
  };
}
