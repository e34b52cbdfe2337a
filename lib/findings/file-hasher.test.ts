import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { FileHasher } from "./file-hasher";

async function hashOf(bytes: Buffer, chunkSize: number): Promise<string> {
  const hasher = new FileHasher();
  for (let i = 0; i < bytes.length; i += chunkSize) await hasher.update(bytes.subarray(i, i + chunkSize));
  return hasher.digest();
}

describe("FileHasher", () => {
  it("gives the SHA-256 of small files (this thread) and large ones (a worker thread), whatever the chunking", async () => {
    for (const size of [0, 1, 1000, 4 * 1024 * 1024 - 1, 4 * 1024 * 1024, 50 * 1024 * 1024 + 17]) {
      const bytes = randomBytes(size);
      const expected = createHash("sha256").update(bytes).digest("hex");
      for (const chunk of [65_536, 1_000_003]) expect(await hashOf(bytes, chunk), `${size} bytes in ${chunk}-byte chunks`).toBe(expected);
    }
  }, 60_000);

  it("leaves the caller's chunks intact (the parser reads them after hashing)", async () => {
    const bytes = randomBytes(6 * 1024 * 1024);
    const copy = Buffer.from(bytes);
    const hasher = new FileHasher();
    await hasher.update(bytes);
    expect(bytes.equals(copy)).toBe(true);
    await hasher.digest();
  });
});
