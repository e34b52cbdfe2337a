import { describe, expect, it } from "vitest";
import { diffChanges } from "./diff-changes";

describe("diffChanges", () => {
  it("lists only the fields that changed, with before and after", () => {
    expect(diffChanges({ name: "A", stage: "idea", tags: ["x"] }, { name: "B", stage: "idea", tags: ["x"] }, ["name", "stage", "tags"])).toEqual({
      name: { before: "A", after: "B" },
    });
  });

  it("compares arrays and dates by value and records creation/deletion against null", () => {
    const d = new Date("2026-01-01T00:00:00Z");
    expect(diffChanges({ at: d, tags: ["a"] }, { at: new Date(d), tags: ["a", "b"] }, ["at", "tags"])).toEqual({ tags: { before: ["a"], after: ["a", "b"] } });
    expect(diffChanges(null, { name: "A" }, ["name"])).toEqual({ name: { before: null, after: "A" } });
    expect(diffChanges({ name: "A" }, null, ["name"])).toEqual({ name: { before: "A", after: null } });
  });
});
