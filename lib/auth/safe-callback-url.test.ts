import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./safe-callback-url";

const ORIGIN = "https://aigov.example.org";

describe("safeCallbackUrl", () => {
  it("keeps same-origin paths", () => {
    expect(safeCallbackUrl("/systems?tier=high", ORIGIN)).toBe("/systems?tier=high");
    expect(safeCallbackUrl("/risks#r1", ORIGIN)).toBe("/risks#r1");
    expect(safeCallbackUrl("/invite/abc_DEF-123", ORIGIN)).toBe("/invite/abc_DEF-123");
    expect(safeCallbackUrl("/%2F%2Fevil.example", ORIGIN)).toBe("/%2F%2Fevil.example"); // stays a path on this app
  });

  it("accepts absolute URLs only on the app's own origin, as a path", () => {
    expect(safeCallbackUrl(`${ORIGIN}/systems?x=1`, ORIGIN)).toBe("/systems?x=1");
    expect(safeCallbackUrl("https://aigov.example.org.evil.example/systems", ORIGIN)).toBe("/");
    expect(safeCallbackUrl("http://aigov.example.org/systems", ORIGIN)).toBe("/"); // other scheme = other origin
    expect(safeCallbackUrl(`${ORIGIN}/systems`, undefined)).toBe("/");
  });

  const hostile = [
    "https://evil.example",
    "http://evil.example/",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    "/\t/evil.example",
    "/%09/evil.example".replace("%09", "\t"),
    "/\n/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    " //evil.example",
    "/.//evil.example",
    "/./\\evil.example",
    "/../..//evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "https:evil.example",
    "http:/evil.example",
    "evil.example",
    "//evil.example@aigov.example.org",
    "https://aigov.example.org@evil.example/",
    "",
    undefined,
    null,
  ];
  it.each(hostile.map((h) => [JSON.stringify(h), h]))("refuses %s", (_label, bad) => {
    const result = safeCallbackUrl(bad as string | undefined | null, ORIGIN);
    expect(result).toBe("/");
  });

  it("whatever it returns resolves to the app's origin, also for percent-encoded tricks", () => {
    for (const candidate of [
      "/%2F%2Fevil.example",
      "/%5Cevil.example",
      "/%2f%5c/evil.example",
      "/%09/evil.example",
      "/%0d%0a/evil.example",
      "/a/../..//evil",
    ]) {
      const out = safeCallbackUrl(candidate, ORIGIN);
      expect(new URL(out, ORIGIN).origin, candidate).toBe(ORIGIN);
      expect(out.startsWith("//")).toBe(false);
    }
  });

  it("the reported case: /login?callbackUrl=%2F%09%2Fevil.example", () => {
    const callbackUrl = new URLSearchParams("callbackUrl=%2F%09%2Fevil.example").get("callbackUrl");
    expect(safeCallbackUrl(callbackUrl, ORIGIN)).toBe("/");
  });
});
