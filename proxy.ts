import { NextResponse, type NextRequest } from "next/server";
import { newNonce, securityHeaders, servedOverHttps } from "@/lib/web/security-headers";

// Two jobs, neither of them authorisation:
// 1. a convenience redirect for signed-out visitors. It is NOT the authorisation gate: every domain verb
//    checks the actor's permission itself (ARCHITECTURE.md, CVE-2025-29927);
// 2. the security headers of every page, with a fresh CSP nonce per request. Next reads the nonce from
//    the request's Content-Security-Policy header and puts it on its scripts (pages render dynamically,
//    see app/layout.tsx). Paths the matcher skips get the same headers, with a deny-all CSP, from
//    next.config.ts.
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
/** Pages a visitor without a session may open: sign-in, and invitation links (app/invite/[token]). */
const PUBLIC_PAGES = /^\/(login|invite)(\/|$)/;

export function proxy(req: NextRequest) {
  const nonce = newNonce();
  const headers = securityHeaders({ nonce, https: servedOverHttps(req.headers), dev: process.env.NODE_ENV === "development" });
  const hasSession = SESSION_COOKIES.some((name) => req.cookies.has(name));
  let res: NextResponse;
  if (hasSession || PUBLIC_PAGES.test(req.nextUrl.pathname)) {
    const requestHeaders = new Headers(req.headers);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("content-security-policy", headers["content-security-policy"]);
    res = NextResponse.next({ request: { headers: requestHeaders } });
  } else {
    const url = new URL("/login", req.url);
    url.searchParams.set("callbackUrl", req.nextUrl.pathname + req.nextUrl.search);
    res = NextResponse.redirect(url);
  }
  for (const [name, value] of Object.entries(headers)) res.headers.set(name, value);
  return res;
}

export const config = {
  // Not: the REST API and next-auth (api/), static files, and the session route handlers (lib/web/session-route.ts):
  // - uploads, because Next buffers a proxied request body up to experimental.proxyClientMaxBodySize and
  //   silently truncates the rest; their handlers stream-limit the body themselves (lib/web/upload-limits.ts);
  // - downloads, because headers set here win over the handler's own (Next only adds a handler's header
  //   when none is set), and a download must keep next.config's deny-all, sandboxed CSP, not a page's.
  // A route handler added under app/(app) belongs in this list (tests/unit/request-limits.test.ts).
  matcher: [
    "/((?!api/|_next/static/|_next/image|favicon.ico$|icon.svg$|robots.txt$|systems/[^/]+/controls/evidence(?:/[^/]+)?$|systems/[^/]+/threats/layer$|threats/layer$|threats/catalog/import$|systems/[^/]+/findings/import$|findings/csv-template$|systems/[^/]+/model-card/download$|systems/[^/]+/bom$).*)",
  ],
};
