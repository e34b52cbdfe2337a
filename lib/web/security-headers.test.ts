import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, DENY_ALL_CSP, newNonce, securityHeaders, servedOverHttps } from "./security-headers";

const directives = (csp: string) =>
  new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/) as [string, ...string[]])
      .map(([k, ...v]) => [k, v]),
  );

describe("securityHeaders", () => {
  it("gives pages a nonce-based CSP without unsafe-inline scripts, framing denied", () => {
    const h = securityHeaders({ nonce: "abc123==", https: false });
    const csp = directives(h["content-security-policy"]);
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
    expect(csp.get("script-src")).not.toContain("'unsafe-eval'");
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
    expect(h).toMatchObject({
      "x-frame-options": "DENY",
      "x-content-type-options": "nosniff",
      "referrer-policy": "strict-origin-when-cross-origin",
    });
    expect(h["permissions-policy"]).toMatch(/camera=\(\)/);
    expect(h["permissions-policy"]).toMatch(/geolocation=\(\)/);
    expect(h["strict-transport-security"]).toBeUndefined();
  });

  it("adds HSTS and upgrade-insecure-requests over https; eval only in development", () => {
    const h = securityHeaders({ nonce: "n", https: true });
    expect(h["strict-transport-security"]).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    expect(directives(h["content-security-policy"]).has("upgrade-insecure-requests")).toBe(true);
    expect(directives(contentSecurityPolicy({ nonce: "n", https: false, dev: true })).get("script-src")).toContain("'unsafe-eval'");
  });

  it("denies everything to responses without a nonce (API, downloads, static files)", () => {
    const h = securityHeaders({ https: false });
    expect(h["content-security-policy"]).toBe(DENY_ALL_CSP);
    expect(directives(DENY_ALL_CSP).get("default-src")).toEqual(["'none'"]);
    expect(directives(DENY_ALL_CSP).get("frame-ancestors")).toEqual(["'none'"]);
    expect(directives(DENY_ALL_CSP).get("sandbox")).toEqual([]);
  });

  it("makes a fresh unguessable nonce each time", () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });
});

describe("servedOverHttps", () => {
  const h = (proto?: string) => new Headers(proto ? { "x-forwarded-proto": proto } : {});
  it("trusts NEXTAUTH_URL, and X-Forwarded-Proto only behind a trusted proxy", () => {
    expect(servedOverHttps(h(), { NEXTAUTH_URL: "https://gov.example" })).toBe(true);
    expect(servedOverHttps(h("https"), { NEXTAUTH_URL: "http://localhost:3000" })).toBe(false);
    expect(servedOverHttps(h("https"), { NEXTAUTH_URL: "http://localhost:3000", TRUST_PROXY: "1" })).toBe(true);
    expect(servedOverHttps(h("http"), { TRUST_PROXY: "1" })).toBe(false);
    expect(servedOverHttps(h("https"), { TRUST_PROXY: "yes" })).toBe(false);
  });
});
