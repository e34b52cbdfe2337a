import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import type { ServiceContext } from "@/lib/context";
import { createTestOrg, type TestOrg } from "@/scripts/support/create-test-org";
import { createSystem } from "@/lib/systems/create-system";
import { isSameOriginRequest } from "@/lib/web/session-route";
import { ATLAS_UPLOAD_MAX_BODY_BYTES, EVIDENCE_UPLOAD_MAX_BODY_BYTES } from "@/lib/web/upload-limits";

// The session routes (lib/web/session-route.ts) read the signed-in member through getSessionContext
// (next-auth + cookies); here it is replaced by a stub returning the context under test.
const session = vi.hoisted(() => ({ ctx: null as ServiceContext | null }));
vi.mock("@/lib/auth/get-session-context", () => ({
  getSessionContext: async () => (session.ctx ? { ctx: session.ctx } : null),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { POST: atlasUploadRoute } = await import("@/app/(app)/threats/catalog/import/route");
const { POST: evidenceUploadRoute } = await import("@/app/(app)/systems/[id]/controls/evidence/route");
const { GET: systemLayerRoute } = await import("@/app/(app)/systems/[id]/threats/layer/route");
const { GET: orgLayerRoute } = await import("@/app/(app)/threats/layer/route");

let a: TestOrg;
let b: TestOrg;
let systemId: string;
beforeAll(async () => {
  [a, b] = await Promise.all([createTestOrg("sroute-a"), createTestOrg("sroute-b")]);
  systemId = (await createSystem({ ctx: a.as("admin"), input: { name: "Session routes" } })).id;
});

const SAME_ORIGIN = { origin: "http://localhost", host: "localhost" };

/** A body of `total` bytes streamed in 64 KiB chunks (no Content-Length); counts what the server pulled. */
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

function multipart(fields: [string, string | Blob, string?][]) {
  const form = new FormData();
  for (const [name, value, fileName] of fields) {
    if (typeof value === "string") form.append(name, value);
    else form.append(name, value, fileName);
  }
  return form;
}

const atlasPost = (body: BodyInit, headers: Record<string, string> = {}) =>
  atlasUploadRoute(
    new Request("http://localhost/threats/catalog/import", {
      method: "POST",
      body,
      headers: { accept: "application/json", ...headers },
      duplex: "half",
    } as RequestInit),
    {
      params: Promise.resolve({}),
    },
  );

describe("isSameOriginRequest", () => {
  const req = (headers: Record<string, string>) => new Request("http://localhost/x", { method: "POST", headers });
  it("accepts the application's origin or Sec-Fetch-Site same-origin; refuses other sites", () => {
    expect(isSameOriginRequest(req({ origin: "https://gov.example", host: "internal:3000" }), "https://gov.example")).toBe(true);
    expect(isSameOriginRequest(req({ origin: "http://localhost:3000", host: "localhost:3000" }), undefined)).toBe(true);
    expect(isSameOriginRequest(req({ "sec-fetch-site": "same-origin", origin: "http://elsewhere" }), undefined)).toBe(true);
    expect(isSameOriginRequest(req({ origin: "https://evil.example", host: "localhost:3000" }), "http://localhost:3000")).toBe(false);
    expect(isSameOriginRequest(req({ origin: "null", host: "localhost:3000" }), undefined)).toBe(false);
    expect(isSameOriginRequest(req({ "sec-fetch-site": "cross-site" }), undefined)).toBe(false);
    expect(isSameOriginRequest(req({ "sec-fetch-site": "same-site", origin: "https://sub.localhost" }), undefined)).toBe(false);
    // no browser headers at all: not a browser, no ambient cookie to abuse
    expect(isSameOriginRequest(req({}), undefined)).toBe(true);
  });
});

describe("ATLAS release upload (session route)", () => {
  it("refuses cross-site posts and non-admins before reading the body", async () => {
    session.ctx = a.as("admin");
    const cross = streamedBody(1024 * 1024);
    const res = await atlasPost(cross.stream, { "content-type": "multipart/form-data; boundary=x", origin: "https://evil.example", host: "localhost" });
    expect(res.status).toBe(403);
    expect(cross.counter.pulled).toBeLessThanOrEqual(64 * 1024 * 2);

    session.ctx = a.as("compliance_officer");
    const officer = streamedBody(1024 * 1024);
    const refused = await atlasPost(officer.stream, { "content-type": "multipart/form-data; boundary=x", ...SAME_ORIGIN });
    expect(refused.status).toBe(403);
    expect(officer.counter.pulled).toBeLessThanOrEqual(64 * 1024 * 2);

    session.ctx = null;
    expect((await atlasPost(multipart([["file", new Blob(["x"]), "ATLAS.yaml"]]), SAME_ORIGIN)).status).toBe(401);
  });

  it("answers 413 on a Content-Length over the limit, and stops reading a streamed body once past it", async () => {
    session.ctx = a.as("admin");
    const declared = streamedBody(1024);
    const byLength = await atlasPost(declared.stream, {
      "content-type": "multipart/form-data; boundary=x",
      "content-length": String(ATLAS_UPLOAD_MAX_BODY_BYTES + 1),
      ...SAME_ORIGIN,
    });
    expect(byLength.status).toBe(413);
    expect(declared.counter.pulled).toBeLessThanOrEqual(64 * 1024 * 2);

    const big = streamedBody(ATLAS_UPLOAD_MAX_BODY_BYTES * 2);
    const streamed = await atlasPost(big.stream, { "content-type": "multipart/form-data; boundary=x", ...SAME_ORIGIN });
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toMatchObject({ status: "error", issues: [{ path: "file" }] });
    expect(big.counter.pulled).toBeLessThan(ATLAS_UPLOAD_MAX_BODY_BYTES + 3 * 64 * 1024);
  });

  it("imports nothing from a malformed file and lists the problems; without JavaScript it redirects back", async () => {
    session.ctx = a.as("admin");
    const before = await db.atlasRelease.count({ where: { orgId: a.orgId } });
    const res = await atlasPost(multipart([["file", new Blob(["matrices: 3\n"], { type: "application/yaml" }), "ATLAS.yaml"]]), SAME_ORIGIN);
    expect(res.status).toBe(422);
    const state = await res.json();
    expect(state.status).toBe("error");
    expect(state.issues.length).toBeGreaterThan(0);
    const empty = await atlasPost(multipart([["file", new Blob([]), "ATLAS.yaml"]]), SAME_ORIGIN);
    expect(await empty.json()).toMatchObject({ status: "error", issues: [{ path: "file", message: "Required" }] });
    const plain = await atlasUploadRoute(
      new Request("http://localhost/threats/catalog/import", {
        method: "POST",
        body: multipart([["file", new Blob(["x: 1\n"]), "ATLAS.yaml"]]),
        headers: SAME_ORIGIN,
      }),
      { params: Promise.resolve({}) },
    );
    expect(plain.status).toBe(303);
    expect(plain.headers.get("location")).toBe("/threats/catalog?import=failed");
    expect(await db.atlasRelease.count({ where: { orgId: a.orgId } })).toBe(before);
  });
});

describe("evidence upload (session route)", () => {
  it("stops reading a streamed body past the limit (413), writing nothing", async () => {
    session.ctx = a.as("admin");
    const big = streamedBody(EVIDENCE_UPLOAD_MAX_BODY_BYTES * 3);
    const res = await evidenceUploadRoute(
      new Request(`http://localhost/systems/${systemId}/controls/evidence`, {
        method: "POST",
        body: big.stream,
        headers: { "content-type": "multipart/form-data; boundary=x", accept: "application/json", ...SAME_ORIGIN },
        duplex: "half",
      } as RequestInit),
      { params: Promise.resolve({ id: systemId }) },
    );
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ status: "error", fieldErrors: { file: expect.any(String) } });
    expect(big.counter.pulled).toBeLessThan(EVIDENCE_UPLOAD_MAX_BODY_BYTES + 3 * 64 * 1024);
    expect(await db.evidence.count({ where: { systemId } })).toBe(0);
  });
});

describe("Navigator layer downloads (session routes)", () => {
  it("answer 401 without a session, problem+json 404 for another organisation's system, no-store", async () => {
    session.ctx = null;
    const anon = await orgLayerRoute(new Request("http://localhost/threats/layer"), { params: Promise.resolve({}) });
    expect(anon.status).toBe(401);
    expect(anon.headers.get("content-type")).toMatch(/application\/problem\+json/);

    session.ctx = b.as("admin");
    const other = await systemLayerRoute(new Request(`http://localhost/systems/${systemId}/threats/layer`), { params: Promise.resolve({ id: systemId }) });
    expect(other.status).toBe(404);
    expect(await other.json()).toMatchObject({ code: "NOT_FOUND" });

    session.ctx = a.as("auditor");
    const own = await systemLayerRoute(new Request(`http://localhost/systems/${systemId}/threats/layer`), { params: Promise.resolve({ id: systemId }) });
    expect(own.status).toBe(200);
    expect(own.headers.get("cache-control")).toBe("no-store");
    expect(own.headers.get("content-disposition")).toMatch(/^attachment; filename=".+\.json"$/);
  });
});
