import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { once } from "node:events";
import { HttpError } from "./problem";

export type SpooledBody = {
  /** The body's bytes, read back from the temporary file (as often as asked). */
  source: () => AsyncIterable<Uint8Array>;
  bytes: number;
  /** Deletes the temporary file; call it in a `finally`. */
  cleanup: () => Promise<void>;
};

/**
 * Receives a request body into a private temporary file (at most `maxBytes`: 413 as soon as one byte more has
 * arrived), so a verb that writes it into the database in one transaction does not hold that transaction open
 * while a slow client is still sending. Memory stays at one chunk whatever the size.
 */
export async function spoolRequestBody(
  req: Request,
  maxBytes: number,
  tooLarge: () => HttpError,
  /** Called after each chunk with the bytes received so far. */
  onProgress?: (bytes: number) => void,
): Promise<SpooledBody> {
  const dir = await mkdtemp(path.join(tmpdir(), "aigov-upload-"));
  const file = path.join(dir, "body");
  const cleanup = () => rm(dir, { recursive: true, force: true });
  let bytes = 0;
  try {
    const out = createWriteStream(file, { mode: 0o600 });
    try {
      if (req.body) {
        const reader = req.body.getReader();
        try {
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            bytes += value.byteLength;
            if (bytes > maxBytes) {
              await reader.cancel().catch(() => undefined);
              throw tooLarge();
            }
            if (!out.write(value)) await once(out, "drain");
            onProgress?.(bytes);
          }
        } finally {
          reader.releaseLock();
        }
      }
    } finally {
      out.end();
      await once(out, "close");
    }
  } catch (error) {
    await cleanup();
    throw error;
  }
  return { source: () => createReadStream(file, { highWaterMark: 256 * 1024 }), bytes, cleanup };
}
