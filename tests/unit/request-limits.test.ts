import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { config as proxyConfig } from "@/proxy";
import { securityHeaders } from "@/lib/web/security-headers";

// Body limits and the proxy matcher must agree: server actions keep Next's 1 MB default, uploads are
// route handlers the proxy does not match (Next would buffer and silently truncate their bodies), and
// everything the proxy does not see gets its security headers from next.config.ts.

const require = createRequire(import.meta.url);
const { getMiddlewareMatchers } = require("next/dist/build/analysis/get-page-static-info.js") as {
  getMiddlewareMatchers: (matcher: unknown, config: { basePath: string; i18n?: unknown }) => { regexp: string }[];
};
const matchers = getMiddlewareMatchers(proxyConfig.matcher, { basePath: "" }).map((m) => new RegExp(m.regexp));
const proxied = (path: string) => matchers.some((re) => re.test(path));

function bytes(size: string | number | undefined): number {
  if (typeof size === "number") return size;
  const m = /^(\d+(?:\.\d+)?)(b|kb|mb|gb)$/i.exec(size ?? "");
  if (!m) throw new Error(`unparsable size ${size}`);
  return Number(m[1]) * { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[m[2].toLowerCase() as "b"];
}

describe("request body limits", () => {
  it("leaves the server-action body limit at Next's default", () => {
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBeUndefined();
  });

  it("buffers proxied bodies beyond the 1 MB server-action limit, so a truncated body is one the action refuses", () => {
    expect(bytes(nextConfig.experimental?.proxyClientMaxBodySize)).toBeGreaterThan(1024 ** 2);
  });

  it("keeps the session route handlers (uploads, downloads), the REST API and static files out of the proxy; pages in", () => {
    const sessionRoutes = [
      "/systems/abc/controls/evidence",
      "/systems/abc/controls/evidence/e1",
      "/systems/abc/threats/layer",
      "/threats/layer",
      "/threats/catalog/import",
      "/systems/abc/findings/import",
      "/findings/csv-template",
    ];
    for (const path of [...sessionRoutes, "/api/v1/systems", "/api/auth/session", "/_next/static/chunks/a.js", "/icon.svg"]) {
      expect(proxied(path), path).toBe(false);
    }
    for (const path of [
      "/",
      "/login",
      "/systems",
      "/systems/abc/controls",
      "/systems/abc/threats",
      "/threats",
      "/threats/catalog",
      "/settings",
      "/findings",
      "/findings/f1",
      "/findings/mappings",
      "/systems/abc/findings",
    ]) {
      expect(proxied(path), path).toBe(true);
    }
  });
});

describe("session route handlers", () => {
  it("are all kept out of the proxy (every route.ts under app/, beyond the REST API)", () => {
    const routes = readdirSync("app", { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith("route.ts"))
      .map((f) => "/" + f.replace(/\\/g, "/").replace(/\/?route\.ts$/, ""))
      .map((f) =>
        f
          .replace(/\/\([^)]+\)/g, "")
          .replace(/\[\.{3}[^\]]+\]/g, "x/y")
          .replace(/\[[^\]]+\]/g, "abc"),
      );
    expect(routes).toContain("/threats/catalog/import");
    for (const path of routes) expect(proxied(path), path).toBe(false);
  });
});

describe("next.config.ts headers()", () => {
  it("sends the security headers with a deny-all CSP on every path", async () => {
    const rules = await nextConfig.headers!();
    expect(rules).toHaveLength(1);
    expect(rules[0].source).toBe("/:path*");
    expect(Object.fromEntries(rules[0].headers.map((h) => [h.key, h.value]))).toEqual(securityHeaders({ https: false }));
  });
});
