import { createHash } from "node:crypto";

/**
 * The finding a test result counts for: one per system × tool × test × detector (the system is the other half of
 * the unique key). The tool name is compared case-insensitively; the test and detector as the tool writes them.
 */
export function findingFingerprint(tool: string, testId: string, detector: string | null): string {
  return createHash("sha256")
    .update(JSON.stringify([tool.trim().toLowerCase(), testId, detector ?? ""]))
    .digest("hex");
}
