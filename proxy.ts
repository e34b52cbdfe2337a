import { NextResponse, type NextRequest } from "next/server";

// Only a convenience redirect for signed-out visitors. It is NOT the authorisation gate: every
// domain verb checks the actor's permission itself (ARCHITECTURE.md, CVE-2025-29927).
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(req: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => req.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const url = new URL("/login", req.url);
  url.searchParams.set("callbackUrl", req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/((?!login|api|_next|favicon.ico|icon.svg|robots.txt).*)"],
};
