import { describe, expect, it } from "vitest";
import { contrastRatio, readableTextOn, tintOnWhite } from "@/lib/utils/contrast";
import { DEFAULT_RISK_MATRIX } from "@/lib/risks/risk-matrix";

describe("colour contrast (WCAG 2.1)", () => {
  it("computes the known ratios", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBeCloseTo(1, 5);
    expect(contrastRatio("#64748b", "#ffffff")).toBeCloseTo(4.76, 1); // slate-500 on white
  });

  it("the text on every default level colour, full or tinted, reaches 4.5:1", () => {
    for (const level of DEFAULT_RISK_MATRIX.levels) {
      for (const fill of [level.color, tintOnWhite(level.color, 0.45), tintOnWhite(level.color, 0.15)]) {
        expect(contrastRatio(readableTextOn(fill), fill), `${level.key} on ${fill}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it("picks whichever text colour contrasts more, for any colour an admin may choose", () => {
    for (let v = 0; v <= 255; v += 15) {
      for (const hex of [
        `#${v.toString(16).padStart(2, "0").repeat(3)}`,
        `#ff${v.toString(16).padStart(2, "0")}00`,
        `#00${v.toString(16).padStart(2, "0")}ff`,
      ]) {
        expect(contrastRatio(readableTextOn(hex), hex), hex).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it("lays a colour over white", () => {
    expect(tintOnWhite("#000000", 0.5)).toBe("#808080");
    expect(tintOnWhite("#b91c1c", 1)).toBe("#b91c1c");
    expect(tintOnWhite("#b91c1c", 0)).toBe("#ffffff");
  });
});
