import { AppError } from "@/lib/errors";
import { readIfMatchVersion } from "@/lib/web/http/with-api-handler";

/**
 * The body with `version` taken from `If-Match: "<version>"` when the body has none; if both are sent
 * they must agree (422 otherwise). The domain schema then validates the body as usual.
 */
export function withIfMatchVersion(req: Request, body: unknown): unknown {
  const ifMatch = readIfMatchVersion(req);
  if (ifMatch === undefined || body === null || typeof body !== "object" || Array.isArray(body)) return body;
  const bodyVersion = (body as { version?: unknown }).version;
  if (bodyVersion === undefined) return { ...body, version: ifMatch };
  if (bodyVersion !== ifMatch)
    throw new AppError("VALIDATION", "The body's version and the If-Match header disagree.", [
      { path: "version", message: `Differs from If-Match (${ifMatch})` },
    ]);
  return body;
}
