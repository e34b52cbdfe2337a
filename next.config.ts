import type { NextConfig } from "next";
import { securityHeaders } from "./lib/web/security-headers";

const nextConfig: NextConfig = {
  // Node-only packages stay outside the Turbopack server bundle (PGlite ships wasm + data files).
  // the CycloneDX library loads its optional parts (validators, XML) and its bundled JSON schemas at run time from its own folder
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "bcryptjs", "@cyclonedx/cyclonedx-library"],
  poweredByHeader: false,
  experimental: {
    // Server actions keep Next's default body limit (1 MB): large uploads (evidence files, ATLAS releases)
    // are session route handlers that stream-limit their own bodies (lib/web/upload-limits.ts) and are
    // not matched by proxy.ts. Next buffers a proxied body up to this size and silently truncates the
    // rest, so it stays above the server-action limit: a truncated body is always one the action refuses.
    proxyClientMaxBodySize: "2mb",
  },
  // Security headers for what proxy.ts does not see (REST API, uploads, static files), with a deny-all
  // CSP; on pages the proxy replaces them with the same headers and a nonce-based CSP. HSTS here follows
  // NEXTAUTH_URL at build time; the proxy decides per request (TRUST_PROXY + X-Forwarded-Proto).
  async headers() {
    const https = process.env.NEXTAUTH_URL?.trim().toLowerCase().startsWith("https:") ?? false;
    return [{ source: "/:path*", headers: Object.entries(securityHeaders({ https })).map(([key, value]) => ({ key, value })) }];
  },
};

export default nextConfig;
