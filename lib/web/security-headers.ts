/**
 * Security headers for every response. Pages get a per-request nonce-based Content-Security-Policy from
 * proxy.ts (Next reads the nonce from the request's CSP header and puts it on its own scripts, so pages
 * render dynamically); everything the proxy does not see (REST API, uploads, static files) gets the same
 * headers with a CSP that allows nothing, from next.config.ts `headers()`. Kept free of Next imports so
 * next.config.ts and the unit test can use it.
 */

export type SecurityHeaderOptions = {
  /** Per-request nonce for the page CSP; without one the CSP is the deny-all policy for non-documents. */
  nonce?: string;
  /** Served over https (adds Strict-Transport-Security and upgrade-insecure-requests). */
  https: boolean;
  /** `next dev`: React needs eval for its debugging aids. */
  dev?: boolean;
};

/** Browser features the application never uses; denied for it and for anything it could embed. */
export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "usb=()",
  "fullscreen=(self)",
].join(", ");

export const HSTS = "max-age=63072000; includeSubDomains";

/**
 * For everything that is not a page: API responses, downloads, static files. Should a browser render one
 * as a document (an uploaded evidence file, say), it may load nothing and runs sandboxed (no script, a
 * unique origin). Next sends these instead of a route handler's own CSP (config headers win).
 */
export const DENY_ALL_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox";

export function contentSecurityPolicy({ nonce, https, dev = false }: SecurityHeaderOptions): string {
  if (!nonce) return DENY_ALL_CSP;
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts loaded by the nonce'd Next runtime are trusted, nothing inline without the nonce
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React style props and the charts' inline styles; a nonce here would disable 'unsafe-inline'
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Every security header for one response (lower-case names, as Next merges them). */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(options),
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": PERMISSIONS_POLICY,
    ...(options.https && { "strict-transport-security": HSTS }),
  };
}

/** A fresh CSP nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Whether the browser reached the application over https: the public URL (NEXTAUTH_URL) says so, or a
 * reverse proxy we trust (TRUST_PROXY) reports it in X-Forwarded-Proto. Without TRUST_PROXY the header
 * is the client's word and ignored.
 */
export function servedOverHttps(
  headers: Headers,
  env: { NEXTAUTH_URL?: string; TRUST_PROXY?: string } = { NEXTAUTH_URL: process.env.NEXTAUTH_URL, TRUST_PROXY: process.env.TRUST_PROXY },
): boolean {
  if (env.NEXTAUTH_URL?.trim().toLowerCase().startsWith("https:")) return true;
  const trusted = /^\d{1,2}$/.test(env.TRUST_PROXY?.trim() ?? "") && Number(env.TRUST_PROXY) > 0;
  return trusted && headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() === "https";
}
