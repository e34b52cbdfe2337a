import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./safe-callback-url";

describe("safeCallbackUrl", () => {
  it("keeps same-origin paths and refuses everything else", () => {
    expect(safeCallbackUrl("/systems?tier=high")).toBe("/systems?tier=high");
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "", undefined]) {
      expect(safeCallbackUrl(bad)).toBe("/");
    }
  });
});
