import { readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { HttpError } from "./problem";
import { spoolRequestBody } from "./spool-request-body";

const tooLarge = () => new HttpError("PAYLOAD_TOO_LARGE", "too large");
const request = (parts: string[]) =>
  new Request("http://localhost/upload", {
    method: "POST",
    body: new ReadableStream<Uint8Array>({
      start(controller) {
        for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
        controller.close();
      },
    }),
    duplex: "half",
  } as RequestInit);
const spoolDirs = async () => (await readdir(tmpdir())).filter((name) => name.startsWith("aigov-upload-")).sort();

async function text(source: AsyncIterable<Uint8Array>) {
  const chunks: Buffer[] = [];
  for await (const chunk of source) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}

describe("spoolRequestBody", () => {
  it("keeps the body in a temporary file that can be read more than once, and deletes it", async () => {
    const before = await spoolDirs();
    const body = await spoolRequestBody(request(["line 1\n", "line 2\n"]), 100, tooLarge);
    expect(body.bytes).toBe(14);
    expect(await text(body.source())).toBe("line 1\nline 2\n");
    expect(await text(body.source())).toBe("line 1\nline 2\n");
    await body.cleanup();
    expect(await spoolDirs()).toEqual(before);
  });

  it("refuses a body over the limit as soon as it passes it, leaving no file", async () => {
    const before = await spoolDirs();
    await expect(spoolRequestBody(request(["12345", "67890", "x"]), 10, tooLarge)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(await spoolDirs()).toEqual(before);
  });
});
