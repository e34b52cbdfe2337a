import readline from "node:readline";
import { Readable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ParseRejection } from "./errors";
import { MAX_LINE_BYTES, readLines } from "./read";

async function* chunks(bytes: Buffer, sizes: number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  for (let i = 0; at < bytes.length; i++) {
    const size = Math.max(1, sizes[i % Math.max(1, sizes.length)] ?? bytes.length);
    yield bytes.subarray(at, at + size);
    at += size;
  }
}

async function viaReadline(bytes: Buffer): Promise<string[]> {
  const out: string[] = [];
  for await (const line of readline.createInterface({ input: Readable.from([bytes]), crlfDelay: Infinity }))
    out.push(out.length === 0 ? line.replace(/^\uFEFF/, "") : line);
  return out;
}

async function viaReadLines(bytes: Buffer, sizes: number[]) {
  const out: { line: number; text: string }[] = [];
  for await (const entry of readLines(chunks(bytes, sizes), "garak")) out.push(entry);
  return out;
}

describe("readLines", () => {
  it("splits like readline (\\n, \\r\\n, lone \\r, BOM, multi-byte characters), whatever the chunk boundaries", async () => {
    const text = fc
      .array(fc.constantFrom("a", "{", '"', "\n", "\r", "\r\n", "\uFEFF", "é", "€", "😀", " ", ""), { maxLength: 40 })
      .map((parts) => parts.join(""));
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 10 }), async (value, sizes) => {
        const bytes = Buffer.from(value, "utf8");
        const expected = await viaReadline(bytes);
        const got = await viaReadLines(bytes, sizes);
        expect(got.map((l) => l.text)).toEqual(expected);
        expect(got.map((l) => l.line)).toEqual(expected.map((_, i) => i + 1));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 500) },
    );
  });

  it("rejects a line longer than the limit at its line, across chunks, before holding it whole", async () => {
    async function* source(): AsyncGenerator<Uint8Array> {
      yield Buffer.from("{}\n");
      const block = Buffer.alloc(1024 * 1024, 0x61);
      for (let sent = 0; sent <= MAX_LINE_BYTES; sent += block.length) yield block;
      throw new Error("read past the limit");
    }
    const lines: number[] = [];
    const run = async () => {
      for await (const entry of readLines(source(), "garak")) lines.push(entry.line);
    };
    await expect(run()).rejects.toBeInstanceOf(ParseRejection);
    await expect(
      (async () => {
        for await (const _ of readLines(source(), "garak")) void _;
      })(),
    ).rejects.toMatchObject({ location: { line: 2 } });
    expect(lines).toEqual([1]);
  });
});
