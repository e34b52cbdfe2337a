import { describe, expect, it } from "vitest";
import { requestBodySource } from "./request-body-source";

/** A request whose body hands out `chunks` one per read, counting reads and noting a cancel. */
function request(chunks: string[]) {
  const state = { pulls: 0, cancelled: false };
  let i = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        state.pulls++;
        if (i < chunks.length) controller.enqueue(new TextEncoder().encode(chunks[i++]));
        else controller.close();
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  const req = new Request("http://localhost/", { method: "POST", body, duplex: "half" } as RequestInit);
  return { req, state };
}

describe("requestBodySource", () => {
  it("yields the body's chunks in order, reading one only when the consumer asks for it", async () => {
    const { req, state } = request(["a", "bc", "", "def"]);
    const seen: string[] = [];
    const readsSoFar: number[] = [];
    for await (const chunk of requestBodySource(req)) {
      seen.push(new TextDecoder().decode(chunk));
      readsSoFar.push(state.pulls);
    }
    // nothing is read ahead; the empty third chunk is read and skipped
    expect(seen).toEqual(["a", "bc", "def"]);
    expect(readsSoFar).toEqual([1, 2, 4]);
    expect(state.cancelled).toBe(false);
  });

  it("cancels the rest of the body when the consumer stops early", async () => {
    const { req, state } = request(["a", "b", "c", "d"]);
    for await (const chunk of requestBodySource(req)) {
      expect(new TextDecoder().decode(chunk)).toBe("a");
      break;
    }
    expect(state.cancelled).toBe(true);
    expect(state.pulls).toBe(1);
  });

  it("reads a request without a body as empty", async () => {
    const seen: Uint8Array[] = [];
    for await (const chunk of requestBodySource(new Request("http://localhost/", { method: "POST" }))) seen.push(chunk);
    expect(seen).toEqual([]);
  });
});
