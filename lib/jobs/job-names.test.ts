import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { isJobName, JOB_NAMES, JOB_SPECS, parseJobPayload } from "./job-names";

const spec = JOB_SPECS["finding-import"];

function issuesOf(payload: unknown) {
  try {
    parseJobPayload("finding-import", spec, payload);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("VALIDATION");
    return (error as AppError).issues;
  }
  throw new Error("the payload was accepted");
}

describe("job payloads", () => {
  it("finding-import takes { importId } (trimmed) and keys its singleton by the import id", () => {
    const payload = parseJobPayload("finding-import", spec, { importId: "  imp_123 " });
    expect(payload).toEqual({ importId: "imp_123" });
    expect(spec.singletonKey(payload)).toBe("imp_123");
  });

  it("refuses a missing, empty, non-string or over-long import id with the field path", () => {
    for (const bad of [{}, { importId: "" }, { importId: "   " }, { importId: 42 }, { importId: "x".repeat(101) }]) {
      expect(issuesOf(bad)).toEqual([expect.objectContaining({ path: "importId" })]);
    }
  });

  it("refuses unknown fields and a payload that is not an object", () => {
    expect(issuesOf({ importId: "imp_1", orgId: "org_1" })).toEqual([expect.objectContaining({ path: "orgId", message: "Unknown field" })]);
    expect(issuesOf(null)).toEqual([expect.objectContaining({ path: "(body)" })]);
    expect(issuesOf("imp_1")).toHaveLength(1);
  });

  it("every job has a retry policy that retries, and an attempt limit long enough for its work", () => {
    expect(JOB_NAMES).toEqual(["finding-import"]);
    expect(isJobName("finding-import")).toBe(true);
    expect(isJobName("toString")).toBe(false);
    for (const name of JOB_NAMES) {
      const { policy } = JOB_SPECS[name];
      expect(policy.retryLimit).toBeGreaterThanOrEqual(1);
      expect(policy.expireInSeconds).toBeGreaterThanOrEqual(60);
    }
    // a 200 MB file must fit into one attempt
    expect(spec.policy.expireInSeconds).toBeGreaterThanOrEqual(15 * 60);
  });
});
