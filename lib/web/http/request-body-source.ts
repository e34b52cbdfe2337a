/**
 * A request body as an async iterable of its chunks, read one chunk at a time as the consumer asks for
 * them (nothing is buffered beyond the chunk in hand). Stopping early (a `return` from the consumer, or
 * an error) cancels the rest of the body. No body reads as empty.
 */
export function requestBodySource(req: Request): AsyncIterable<Uint8Array> {
  const body = req.body;
  return {
    async *[Symbol.asyncIterator]() {
      if (!body) return;
      const reader = body.getReader();
      let finished = false;
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) {
            finished = true;
            return;
          }
          if (value.byteLength > 0) yield value;
        }
      } finally {
        if (!finished) await reader.cancel().catch(() => undefined);
        reader.releaseLock();
      }
    },
  };
}
