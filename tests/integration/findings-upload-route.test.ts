import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import type { ServiceContext } from "@/lib/context";
import { createTestOrg, type TestOrg } from "@/scripts/support/create-test-org";
import { createSystem } from "@/lib/systems/create-system";
import { CSV_COLUMNS } from "@/lib/findings/parsers/csv";
import { REPO_ROOT } from "@/tests/support/tree";

// The findings upload session route (app/(app)/systems/[id]/findings/import/route.ts): raw file body streamed into
// importFindings, progress and the summary answered as NDJSON; the CSV template download beside it.
const session = vi.hoisted(() => ({ ctx: null as ServiceContext | null }));
vi.mock("@/lib/auth/get-session-context", () => ({
  getSessionContext: async () => (session.ctx ? { ctx: session.ctx } : null),
}));
const { POST: importRoute } = await import("@/app/(app)/systems/[id]/findings/import/route");
const { GET: templateRoute } = await import("@/app/(app)/findings/csv-template/route");

const GARAK = readFileSync(path.join(REPO_ROOT, "e2e/fixtures/garak-support-chat.report.jsonl"));
const SAME_ORIGIN = { origin: "http://localhost", host: "localhost" };

let a: TestOrg;
let b: TestOrg;
let systemId: string;
beforeAll(async () => {
  [a, b] = await Promise.all([createTestOrg("fupload-a"), createTestOrg("fupload-b")]);
  systemId = (await createSystem({ ctx: a.as("admin"), input: { name: "Findings upload route" } })).id;
});
afterEach(() => vi.unstubAllEnvs());

/** A body of `total` bytes streamed in 64 KiB chunks; counts what the server pulled. */
function streamedBody(total: number) {
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= total) return controller.close();
      counter.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, counter };
}

function post(id: string, body: BodyInit, query: Record<string, string> = {}, headers: Record<string, string> = SAME_ORIGIN) {
  const search = new URLSearchParams({ format: "auto", fileName: "report.jsonl", ...query });
  return importRoute(
    new Request(`http://localhost/systems/${id}/findings/import?${search}`, {
      method: "POST",
      body,
      headers: { "content-type": "application/octet-stream", ...headers },
      duplex: "half",
    } as RequestInit),
    { params: Promise.resolve({ id }) },
  );
}

async function lines(res: Response): Promise<Record<string, unknown>[]> {
  return (await res.text())
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("findings upload (session route)", () => {
  it("streams progress lines, then the import's summary", async () => {
    session.ctx = a.as("compliance_officer");
    const res = await post(systemId, GARAK, { fileName: "garak.report.jsonl" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/x-ndjson");
    expect(res.headers.get("cache-control")).toContain("no-store");
    const out = await lines(res);
    expect(out.at(-1)).toMatchObject({ type: "summary", status: "completed", format: "garak", tool: "garak", bytes: GARAK.byteLength, duplicate: false });
    expect(out.at(-1)).toMatchObject({ findings: { opened: 3 } });
    const progress = out.filter((l) => l.type === "progress");
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toEqual({ type: "progress", stage: "importing", bytes: GARAK.byteLength, records: expect.any(Number) });
    // the file is received first (into a temporary file), then imported
    expect(progress[0]).toMatchObject({ stage: "receiving" });
    const stored = await db.findingImport.findFirstOrThrow({ where: { systemId }, select: { fileName: true } });
    expect(stored.fileName).toBe("garak.report.jsonl");

    // the same bytes again: a duplicate, nothing stored
    const again = await lines(await post(systemId, GARAK));
    expect(again.at(-1)).toMatchObject({ type: "summary", duplicate: true });
    expect(await db.findingImport.count({ where: { systemId } })).toBe(1);
  });

  it("reports a file the parser refuses as a rejected summary with its location", async () => {
    session.ctx = a.as("admin");
    const out = await lines(await post(systemId, '{"entry_type": "eval", "probe": "dan.Dan_11_0", "passed": -1}\n', { format: "garak" }));
    expect(out.at(-1)).toMatchObject({ type: "summary", status: "rejected", importId: null });
    expect((out.at(-1)!.rejected as { location: string }[])[0].location).toMatch(/line 1/);
  });

  it("answers an error line, mapped once, for another organisation's system and a bad format", async () => {
    session.ctx = b.as("admin");
    expect((await lines(await post(systemId, GARAK))).at(-1)).toEqual({ type: "error", message: expect.stringMatching(/not found/i), issues: [] });
    session.ctx = a.as("admin");
    const bad = (await lines(await post(systemId, GARAK, { format: "pdf" }))).at(-1)!;
    expect(bad).toMatchObject({ type: "error", issues: [{ path: "format" }] });
  });

  it("refuses cross-site posts, roles without finding:import and signed-out visitors before reading the body", async () => {
    session.ctx = a.as("admin");
    const cross = streamedBody(1024 * 1024);
    expect((await post(systemId, cross.stream, {}, { origin: "https://evil.example", host: "localhost" })).status).toBe(403);
    expect(cross.counter.pulled).toBeLessThanOrEqual(64 * 1024 * 2);
    session.ctx = a.as("auditor");
    const auditor = streamedBody(1024 * 1024);
    expect((await post(systemId, auditor.stream)).status).toBe(403);
    expect(auditor.counter.pulled).toBeLessThanOrEqual(64 * 1024 * 2);
    session.ctx = null;
    expect((await post(systemId, GARAK)).status).toBe(401);
  });

  it("answers 413 on a Content-Length over FINDINGS_MAX_BYTES without reading the body; a longer stream is stopped as it arrives", async () => {
    vi.stubEnv("FINDINGS_MAX_BYTES", String(256 * 1024));
    session.ctx = a.as("admin");
    const declared = streamedBody(1024);
    const res = await post(systemId, declared.stream, {}, { ...SAME_ORIGIN, "content-length": String(256 * 1024 + 1) });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: "PAYLOAD_TOO_LARGE", errors: [{ path: "file" }] });
    expect(declared.counter.pulled).toBeLessThanOrEqual(64 * 1024 * 2);

    const big = streamedBody(4 * 1024 * 1024);
    const out = await lines(await post(systemId, big.stream));
    expect(out.at(-1)).toMatchObject({ type: "error", message: expect.stringMatching(/larger than the limit of 256 KB/) });
    expect(big.counter.pulled).toBeLessThan(256 * 1024 + 3 * 64 * 1024);
    expect(await db.findingImport.count({ where: { systemId, bytes: { gt: 256 * 1024 } } })).toBe(0);
  });
});

describe("CSV template (session route)", () => {
  it("is a CSV attachment with the CSV_COLUMNS header and one example row", async () => {
    session.ctx = a.as("auditor");
    const res = await templateRoute(new Request("http://localhost/findings/csv-template"), { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="findings-template\.csv"$/);
    const rows = (await res.text()).trim().split("\r\n");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toBe(Object.keys(CSV_COLUMNS).join(","));
    session.ctx = null;
    expect((await templateRoute(new Request("http://localhost/findings/csv-template"), { params: Promise.resolve({}) })).status).toBe(401);
  });
});
