import { createHash } from "node:crypto";
import { Worker } from "node:worker_threads";

/** Below this many bytes a file is hashed on the calling thread (starting a thread costs more than it saves). */
const THREAD_THRESHOLD = 4 * 1024 * 1024;
/** Bytes posted to the hashing thread and not yet hashed before `update` waits (memory stays bounded). */
const MAX_IN_FLIGHT = 32 * 1024 * 1024;

// Plain JavaScript run with `eval`, so no bundler has to know about a worker file.
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const hash = require("node:crypto").createHash("sha256");
parentPort.on("message", (chunk) => {
  if (chunk === null) parentPort.postMessage({ digest: hash.digest("hex") });
  else { hash.update(chunk); parentPort.postMessage({ hashed: chunk.byteLength }); }
});`;

/**
 * SHA-256 of a file read as a stream, computed beside the parser: a large file is hashed on a worker thread, so on
 * two cores hashing and parsing overlap; a small one on this thread. Call `digest()` once at the end, or `dispose()`
 * when the file is abandoned.
 */
export class FileHasher {
  private readonly held: Uint8Array[] = [];
  private heldBytes = 0;
  private worker: Worker | null = null;
  private inFlight = 0;
  private failure: Error | null = null;
  private drained: (() => void) | null = null;
  private digested: ((hex: string) => void) | null = null;

  async update(chunk: Uint8Array): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.worker) {
      this.held.push(chunk);
      this.heldBytes += chunk.byteLength;
      if (this.heldBytes < THREAD_THRESHOLD) return;
      this.start();
      for (const part of this.held.splice(0)) this.post(part);
      return;
    }
    this.post(chunk);
    if (this.inFlight > MAX_IN_FLIGHT) {
      await new Promise<void>((resolve) => (this.drained = resolve));
      if (this.failure) throw this.failure;
    }
  }

  async digest(): Promise<string> {
    if (this.failure) throw this.failure;
    if (!this.worker) {
      const hash = createHash("sha256");
      for (const part of this.held) hash.update(part);
      return hash.digest("hex");
    }
    const worker = this.worker;
    const hex = await new Promise<string>((resolve, reject) => {
      this.digested = resolve;
      worker.once("error", reject);
      worker.postMessage(null);
    });
    this.dispose();
    return hex;
  }

  dispose(): void {
    const worker = this.worker;
    this.worker = null;
    if (worker) void worker.terminate();
  }

  private start() {
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.unref();
    worker.on("message", (message: { hashed?: number; digest?: string }) => {
      if (message.digest !== undefined) this.digested?.(message.digest);
      if (message.hashed !== undefined) {
        this.inFlight -= message.hashed;
        if (this.drained && this.inFlight <= MAX_IN_FLIGHT / 4) {
          const resolve = this.drained;
          this.drained = null;
          resolve();
        }
      }
    });
    worker.on("error", (error) => {
      this.failure = error;
      this.drained?.();
    });
    this.worker = worker;
  }

  private post(chunk: Uint8Array) {
    // a copy: the parser still reads the chunk on this thread
    const copy = new Uint8Array(chunk);
    this.inFlight += copy.byteLength;
    this.worker!.postMessage(copy, [copy.buffer]);
  }
}
