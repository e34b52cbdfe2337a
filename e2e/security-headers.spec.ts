/**
 * Security headers on every kind of response of the production server (pages through proxy.ts, the REST
 * API and static files through next.config.ts), and a page that still works under its nonce-based CSP:
 * no Content-Security-Policy violation is reported while signing in and opening a page with charts.
 */
import type { APIResponse, ConsoleMessage } from "@playwright/test";
import { test, expect, SEEDED_NAMES, sidebar } from "./fixtures";

function directives(csp: string | undefined): Map<string, string[]> {
  return new Map(
    (csp ?? "")
      .split(";")
      .map((d) => d.trim().split(/\s+/) as [string, ...string[]])
      .map(([k, ...v]) => [k, v]),
  );
}

function expectCommonHeaders(res: APIResponse) {
  const h = res.headers();
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"]).toMatch(/camera=\(\)/);
  expect(directives(h["content-security-policy"]).get("frame-ancestors")).toEqual(["'none'"]);
  // served over http here (NEXTAUTH_URL http://localhost, no TRUST_PROXY): no HSTS
  expect(h["strict-transport-security"]).toBeUndefined();
}

test("pages, the REST API and static files carry the security headers", async ({ request }) => {
  const login = await request.get("/login");
  expect(login.status()).toBe(200);
  expectCommonHeaders(login);
  const csp = directives(login.headers()["content-security-policy"]);
  const scriptSrc = csp.get("script-src") ?? [];
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  const nonce = scriptSrc.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
  expect(nonce, "a nonce in script-src").toBeTruthy();
  // Next put the nonce on its scripts; a second request gets another one
  const html = await login.text();
  expect(html).toContain(`nonce="${nonce}"`);
  const again = directives((await request.get("/login")).headers()["content-security-policy"]).get("script-src");
  expect(again).not.toEqual(scriptSrc);

  // a signed-out visit to an app page is still only redirected, with the headers
  const redirected = await request.get("/systems", { maxRedirects: 0 });
  expect(redirected.status()).toBe(307);
  expect(redirected.headers()["location"]).toMatch(/\/login\?callbackUrl=%2Fsystems$/);
  expectCommonHeaders(redirected);

  const openapi = await request.get("/api/v1/openapi.json");
  expect(openapi.status()).toBe(200);
  expectCommonHeaders(openapi);
  expect(directives(openapi.headers()["content-security-policy"]).get("default-src")).toEqual(["'none'"]);

  const script = html.match(/<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/)?.[1];
  expect(script, "a static script on the login page").toBeTruthy();
  const asset = await request.get(script!);
  expect(asset.status()).toBe(200);
  expectCommonHeaders(asset);

  const icon = await request.get("/icon.svg");
  expect(icon.status()).toBe(200);
  expectCommonHeaders(icon);
});

test("signing in and the dashboard work under the CSP, with no violation reported", async ({ page, loginAs }) => {
  const violations: string[] = [];
  const onConsole = (msg: ConsoleMessage) => {
    if (msg.type() === "error" && /Content Security Policy|Content-Security-Policy|Permissions-Policy|nonce/i.test(msg.text())) violations.push(msg.text());
  };
  page.on("console", onConsole);
  page.on("pageerror", (error) => violations.push(`pageerror: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
  });

  await loginAs("admin");
  await expect(sidebar(page)).toBeVisible();
  // a client-side navigation (scripts ran) and a page with charts (inline styles)
  await sidebar(page).getByRole("link", { name: "Inventory" }).click();
  await expect(page.getByRole("link", { name: SEEDED_NAMES.seeded })).toBeVisible();
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  expect(violations).toEqual([]);

  // session route handlers (not proxied): the deny-all, sandboxed CSP; cross-site posts refused
  const layer = await page.request.get("/threats/layer");
  expect(layer.status()).toBe(200);
  expect(layer.headers()["content-disposition"]).toMatch(/^attachment/);
  expectCommonHeaders(layer);
  expect(directives(layer.headers()["content-security-policy"]).get("default-src")).toEqual(["'none'"]);
  expect(directives(layer.headers()["content-security-policy"]).has("sandbox")).toBe(true);
  const crossSite = await page.request.post("/threats/catalog/import", {
    headers: { origin: "https://evil.example", accept: "application/json" },
    multipart: { file: { name: "ATLAS.yaml", mimeType: "application/yaml", buffer: Buffer.from("x: 1\n") } },
  });
  expect(crossSite.status()).toBe(403);
  expectCommonHeaders(crossSite);
  // the same post from the application's origin reaches the importer (which refuses the file)
  const sameOrigin = await page.request.post("/threats/catalog/import", {
    headers: { origin: new URL(page.url()).origin, accept: "application/json" },
    multipart: { file: { name: "ATLAS.yaml", mimeType: "application/yaml", buffer: Buffer.from("x: 1\n") } },
  });
  expect(sameOrigin.status()).toBe(422);
});
