// A fixed stand-in origin: the URL parser resolves the candidate against it, so every trick a
// browser would apply (tabs and newlines removed, "\" read as "/", "//host" meaning another host,
// "/./" collapsed) is applied here too before deciding.
const PROBE_ORIGIN = "http://callback.invalid";

function appOrigin(origin: string | undefined): string | null {
  if (!origin) return null;
  try {
    return new URL(origin).origin;
  } catch {
    return null;
  }
}

/**
 * Where to send someone after sign-in: a path on this app, never another site (no open redirect).
 * Relative paths are resolved against the app's origin exactly as a browser would; absolute URLs
 * are accepted only when their origin is the app's own (`origin`, default NEXTAUTH_URL). Returns a
 * normalised path ("/systems?tier=high") or "/" for anything else.
 */
export function safeCallbackUrl(raw: string | undefined | null, origin: string | undefined = process.env.NEXTAUTH_URL): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2000) return "/";
  // control characters and backslashes are never part of a path we link to; browsers strip or
  // rewrite them (the "/\t/evil.example" and "/\\evil.example" tricks), so refuse outright
  if ([...raw].some((c) => c <= "\u001f" || c === "\u007f" || c === "\\")) return "/";
  const own = appOrigin(origin);
  let url: URL;
  try {
    url = new URL(raw, PROBE_ORIGIN);
  } catch {
    return "/";
  }
  const sameOrigin = url.origin === PROBE_ORIGIN ? raw.startsWith("/") : own !== null && url.origin === own;
  if (!sameOrigin) return "/";
  const path = url.pathname + url.search + url.hash;
  // "/.//evil.example" normalises to "//evil.example": a protocol-relative URL once it is a Location
  if (!path.startsWith("/") || path.startsWith("//")) return "/";
  // the result, read again by a browser relative to this app, must stay on this app
  if (new URL(path, PROBE_ORIGIN).origin !== PROBE_ORIGIN) return "/";
  return path;
}
