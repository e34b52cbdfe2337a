import { describe, expect, it } from "vitest";
import { percentile, summarize } from "./stats";

describe("bench stats", () => {
  it("uses nearest-rank percentiles", () => {
    const s = Array.from({ length: 200 }, (_, i) => i + 1);
    expect(percentile(s, 50)).toBe(100);
    expect(percentile(s, 95)).toBe(190);
    expect(percentile([7], 95)).toBe(7);
  });
  it("summarizes unsorted samples", () => {
    expect(summarize([3, 1, 2])).toMatchObject({ n: 3, p50: 2, min: 1, max: 3, mean: 2 });
  });
});
