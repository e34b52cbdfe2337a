import { describe, expect, it } from "vitest";
import { computeEventHash, type HashedEventContent } from "./compute-event-hash";

const event: HashedEventContent = {
  orgId: "o1",
  seq: 1,
  actorType: "user",
  actorId: "u1",
  actorLabel: "Ada <ada@example.com>",
  action: "system.update",
  entityType: "system",
  entityId: "s1",
  subjectId: "s1",
  changes: { name: { before: "A", after: "B" } },
  createdAt: "2026-11-22T10:00:00.000Z",
  prevHash: null,
};

describe("computeEventHash", () => {
  it("is a stable SHA-256 hex digest", () => {
    expect(computeEventHash(event)).toMatch(/^[0-9a-f]{64}$/);
    expect(computeEventHash(event)).toBe(computeEventHash({ ...event }));
  });

  it("does not depend on key order (jsonb reorders keys)", () => {
    const reordered = { ...event, changes: { name: { after: "B", before: "A" } } };
    expect(computeEventHash(reordered)).toBe(computeEventHash(event));
  });

  it("changes when any field or the previous hash changes", () => {
    const base = computeEventHash(event);
    expect(computeEventHash({ ...event, actorLabel: "Mallory" })).not.toBe(base);
    expect(computeEventHash({ ...event, changes: { name: { before: "A", after: "C" } } })).not.toBe(base);
    expect(computeEventHash({ ...event, prevHash: "0".repeat(64) })).not.toBe(base);
    expect(computeEventHash({ ...event, seq: 2 })).not.toBe(base);
  });
});
