import { createHash } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import type { ServiceContext } from "@/lib/context";
import { createTestOrg, type TestOrg } from "@/scripts/support/create-test-org";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { createSystem } from "@/lib/systems/create-system";
import { problemSchema, type Problem } from "@/lib/web/http/problem";
import { compliancePostureSchema, evidenceSummarySchema, systemControlListSchema, systemControlSchema } from "@/lib/controls/schemas";
import { buildOpenApiDocument } from "@/lib/openapi/build-openapi-document";
import { GET as listControlsRoute } from "@/app/api/v1/systems/[id]/controls/route";
import { PATCH as patchControlRoute } from "@/app/api/v1/systems/[id]/controls/[framework]/[controlId]/route";
import { GET as postureRoute } from "@/app/api/v1/systems/[id]/controls/posture/route";
import { POST as createEvidenceRoute } from "@/app/api/v1/evidence/route";
import { DELETE as deleteEvidenceRoute } from "@/app/api/v1/evidence/[evidenceId]/route";
import { GET as evidenceContentRoute } from "@/app/api/v1/evidence/[evidenceId]/content/route";
import { POST as linkEvidenceRoute } from "@/app/api/v1/evidence/[evidenceId]/links/route";

// The session download route reads the signed-in member through getSessionContext (next-auth + cookies);
// here it is replaced by a stub returning the context under test.
const session = vi.hoisted(() => ({ ctx: null as ServiceContext | null }));
vi.mock("@/lib/auth/get-session-context", () => ({
  getSessionContext: async () => (session.ctx ? { ctx: session.ctx } : null),
}));
const { GET: sessionDownloadRoute } = await import("@/app/(app)/systems/[id]/controls/evidence/[evidenceId]/route");
const { POST: sessionUploadRoute } = await import("@/app/(app)/systems/[id]/controls/evidence/route");

type Handler = (req: Request, segment: { params: Promise<Record<string, string>> }) => Promise<Response>;

type CallOptions = {
  token?: string | null;
  params?: Record<string, string>;
  query?: string;
  json?: unknown;
  raw?: string;
  contentType?: string;
  headers?: Record<string, string>;
};

async function call(handler: Handler, method: string, path: string, opts: CallOptions = {}) {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.json !== undefined) {
    body = JSON.stringify(opts.json);
    headers["content-type"] = opts.contentType ?? "application/json";
  } else if (opts.raw !== undefined) {
    body = opts.raw;
    headers["content-type"] = opts.contentType ?? "application/json";
  }
  const req = new Request(`http://localhost/api/v1${path}${opts.query ? `?${opts.query}` : ""}`, { method, headers, body });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const isJson = /json/.test(res.headers.get("content-type") ?? "");
  const data = isJson && bytes.length ? JSON.parse(new TextDecoder().decode(bytes)) : null;
  return { res, data, bytes };
}

function expectProblem(result: { res: Response; data: unknown }, status: number, code: Problem["code"]): Problem {
  expect(result.res.status).toBe(status);
  expect(result.res.headers.get("content-type")).toBe("application/problem+json");
  const problem = problemSchema.parse(result.data);
  expect(problem).toMatchObject({ status, code });
  return problem;
}

const paths = (problem: Problem) => (problem.errors ?? []).map((e) => e.path);

async function writeState(orgId: string) {
  const [org, controls, evidence, links] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { auditSeq: true, auditHeadHash: true } }),
    db.systemControl.findMany({ where: { orgId }, orderBy: { id: "asc" } }),
    db.evidence.count({ where: { orgId } }),
    db.evidenceLink.count({ where: { orgId } }),
  ]);
  return { ...org, controls, evidence, links };
}

async function tokenFor(org: TestOrg, scopes: ("read" | "write")[]) {
  return (await createApiToken({ ctx: org.as("admin"), input: { name: `t ${scopes.join("+")}`, scopes } })).secret;
}

const controlPath = (systemId: string, framework: string, controlId: string) => ({
  path: `/systems/${systemId}/controls/${framework}/${encodeURIComponent(controlId)}`,
  params: { id: systemId, framework, controlId },
});

let a: TestOrg;
let b: TestOrg;
let readA: string;
let writeA: string;
let writeB: string;
let systemId: string;

beforeAll(async () => {
  [a, b] = await Promise.all([createTestOrg("ctl-api-a"), createTestOrg("ctl-api-b")]);
  [readA, writeA, writeB] = await Promise.all([tokenFor(a, ["read"]), tokenFor(a, ["read", "write"]), tokenFor(b, ["read", "write"])]);
  systemId = (
    await createSystem({ ctx: a.as("admin"), input: { name: "API provider system", riskTier: "high", euAiActRole: "provider", lifecycleStage: "production" } })
  ).id;
});

describe("GET /api/v1/systems/{id}/controls", () => {
  it("returns the applicable controls with reasons, statuses and evidence metadata", async () => {
    const { res, data } = await call(listControlsRoute, "GET", `/systems/${systemId}/controls`, { token: readA, params: { id: systemId } });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const list = systemControlListSchema.parse(data);
    expect(list.controls).toHaveLength(38 + 16 + 72);
    expect(list.controls.find((c) => c.controlId === "Art 9")).toMatchObject({
      status: "not_started",
      version: null,
      reason: expect.stringMatching(/risk management/),
    });
    const eu = await call(listControlsRoute, "GET", `/systems/${systemId}/controls`, { token: readA, params: { id: systemId }, query: "framework=eu_ai_act" });
    expect(eu.data.controls).toHaveLength(16);
  });

  it.each([
    ["framework=owasp_llm_2025", "framework"],
    ["status=implemented", "status"],
    ["framework=iso42001&framework=eu_ai_act", "framework"],
  ])("rejects ?%s with 422 naming %s", async (query, path) => {
    const problem = expectProblem(
      await call(listControlsRoute, "GET", `/systems/${systemId}/controls`, { token: readA, params: { id: systemId }, query }),
      422,
      "VALIDATION",
    );
    expect(paths(problem)).toContain(path);
  });

  it("401 without a token, 404 for another organisation's token or an unknown id", async () => {
    expectProblem(await call(listControlsRoute, "GET", `/systems/${systemId}/controls`, { params: { id: systemId } }), 401, "UNAUTHENTICATED");
    expectProblem(await call(listControlsRoute, "GET", `/systems/${systemId}/controls`, { token: writeB, params: { id: systemId } }), 404, "NOT_FOUND");
    expectProblem(await call(listControlsRoute, "GET", "/systems/cnope/controls", { token: readA, params: { id: "cnope" } }), 404, "NOT_FOUND");
  });
});

describe("PATCH /api/v1/systems/{id}/controls/{framework}/{controlId}", () => {
  it("sets a status (ETag = version), then refuses a stale If-Match with 409", async () => {
    const target = controlPath(systemId, "nist_ai_rmf", "GOVERN 1.1");
    const before = await writeState(a.orgId);
    const first = await call(patchControlRoute, "PATCH", target.path, {
      token: writeA,
      params: target.params,
      json: { status: "in_progress", reviewDate: "2027-01-15", ownerId: a.users.risk_owner.id },
    });
    expect(first.res.status).toBe(200);
    expect(first.res.headers.get("etag")).toBe('"1"');
    expect(systemControlSchema.parse(first.data)).toMatchObject({
      framework: "nist_ai_rmf",
      controlId: "GOVERN 1.1",
      status: "in_progress",
      version: 1,
      reviewDate: "2027-01-15",
    });
    const after = await writeState(a.orgId);
    expect(after.auditSeq).toBe(before.auditSeq + 1);
    expect(await db.auditEvent.findFirstOrThrow({ where: { orgId: a.orgId, seq: after.auditSeq } })).toMatchObject({
      action: "control.update",
      actorType: "token",
    });

    const second = await call(patchControlRoute, "PATCH", target.path, {
      token: writeA,
      params: target.params,
      json: { status: "implemented" },
      headers: { "if-match": '"1"' },
    });
    expect(second.res.status).toBe(200);
    expect(second.res.headers.get("etag")).toBe('"2"');
    const stale = await writeState(a.orgId);
    expectProblem(
      await call(patchControlRoute, "PATCH", target.path, {
        token: writeA,
        params: target.params,
        json: { status: "not_started" },
        headers: { "if-match": '"1"' },
      }),
      409,
      "CONFLICT",
    );
    expectProblem(
      await call(patchControlRoute, "PATCH", target.path, { token: writeA, params: target.params, json: { status: "not_started" } }),
      409,
      "CONFLICT",
    );
    expect(await writeState(a.orgId)).toEqual(stale);
  });

  it("accepts a still-encoded control id in the path", async () => {
    const res = await call(patchControlRoute, "PATCH", "/x", {
      token: writeA,
      params: { id: systemId, framework: "eu_ai_act", controlId: "Art%2010" },
      json: { status: "in_progress" },
    });
    expect(res.res.status).toBe(200);
    expect(res.data).toMatchObject({ controlId: "Art 10", status: "in_progress" });
  });

  const bad: [string, { framework?: string; controlId?: string; json?: unknown; raw?: string; headers?: Record<string, string> }, string][] = [
    ["an unknown status", { json: { status: "done" } }, "status"],
    ["not_applicable without a justification", { json: { status: "not_applicable" } }, "justification"],
    ["not_applicable with a 9-character justification", { json: { status: "not_applicable", justification: "too short" } }, "justification"],
    ["an impossible review date", { json: { reviewDate: "2026-13-01" } }, "reviewDate"],
    ["an owner from another organisation", { json: { ownerId: "cnotamember000000000000" } }, "ownerId"],
    ["an unknown field", { json: { status: "implemented", orgId: "x" } }, "orgId"],
    ["a path parameter in the body", { json: { status: "implemented", systemId: "x" } }, "systemId"],
    ["a non-object body", { json: ["implemented"] }, "(body)"],
    ["a framework without per-system controls", { framework: "owasp_llm_2025", controlId: "LLM01:2025", json: { status: "implemented" } }, "framework"],
    ["an unknown control", { framework: "iso42001", controlId: "A.99", json: { status: "implemented" } }, "controlId"],
    ["a control that does not apply (Art 26 for a provider)", { framework: "eu_ai_act", controlId: "Art 26", json: { status: "implemented" } }, "controlId"],
    ["a body version differing from If-Match", { json: { status: "implemented", version: 2 }, headers: { "if-match": '"1"' } }, "version"],
    ["a malformed If-Match", { json: { status: "implemented" }, headers: { "if-match": 'W/"1"' } }, "If-Match"],
  ];

  it.each(bad)("rejects %s with 422 naming the field, writing nothing", async (_name, input, path) => {
    const target = controlPath(systemId, input.framework ?? "iso42001", input.controlId ?? "A.2.3");
    const before = await writeState(a.orgId);
    const problem = expectProblem(
      await call(patchControlRoute, "PATCH", target.path, { token: writeA, params: target.params, json: input.json, headers: input.headers }),
      422,
      "VALIDATION",
    );
    expect(paths(problem)).toContain(path);
    expect(await writeState(a.orgId)).toEqual(before);
  });

  it("400 for malformed JSON, 415 for another media type, 403 for a read token, 404 for org B, 401 without a token", async () => {
    const target = controlPath(systemId, "iso42001", "A.2.3");
    const before = await writeState(a.orgId);
    expectProblem(await call(patchControlRoute, "PATCH", target.path, { token: writeA, params: target.params, raw: '{"status":' }), 400, "MALFORMED_JSON");
    expectProblem(
      await call(patchControlRoute, "PATCH", target.path, {
        token: writeA,
        params: target.params,
        raw: "status=implemented",
        contentType: "application/x-www-form-urlencoded",
      }),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    );
    expectProblem(
      await call(patchControlRoute, "PATCH", target.path, { token: readA, params: target.params, json: { status: "implemented" } }),
      403,
      "FORBIDDEN",
    );
    expectProblem(
      await call(patchControlRoute, "PATCH", target.path, { token: writeB, params: target.params, json: { status: "implemented" } }),
      404,
      "NOT_FOUND",
    );
    expectProblem(await call(patchControlRoute, "PATCH", target.path, { params: target.params, json: { status: "implemented" } }), 401, "UNAUTHENTICATED");
    expect(await writeState(a.orgId)).toEqual(before);
  });
});

describe("GET /api/v1/systems/{id}/controls/posture", () => {
  it("returns the posture per framework, and changes as statuses change", async () => {
    const org = await createTestOrg("ctl-api-posture");
    const token = await tokenFor(org, ["read", "write"]);
    const id = (await createSystem({ ctx: org.as("admin"), input: { name: "Limited chatbot", riskTier: "limited", lifecycleStage: "production" } })).id;
    const get = async () => compliancePostureSchema.parse((await call(postureRoute, "GET", `/systems/${id}/controls/posture`, { token, params: { id } })).data);
    const start = await get();
    expect(start).toMatchObject({ scope: "system", systemId: id, systems: 1 });
    expect(start.frameworks.find((f) => f.framework === "eu_ai_act")).toMatchObject({ applicable: 2, implemented: 0, percent: 0 });
    const target = controlPath(id, "eu_ai_act", "Art 50");
    await call(patchControlRoute, "PATCH", target.path, { token, params: target.params, json: { status: "implemented" } });
    expect((await get()).frameworks.find((f) => f.framework === "eu_ai_act")).toMatchObject({ implemented: 1, percent: 50 });
    expectProblem(await call(postureRoute, "GET", `/systems/${id}/controls/posture`, { token: writeB, params: { id } }), 404, "NOT_FOUND");
  });
});

describe("evidence over REST", () => {
  const content = new TextEncoder().encode("%PDF-1.7 fake model card\n");
  const sha = createHash("sha256").update(content).digest("hex");

  it("creates a file from base64 (201), downloads it with its digest, links it, deletes it; org B gets 404", async () => {
    const created = await call(createEvidenceRoute, "POST", "/evidence", {
      token: writeA,
      json: {
        systemId,
        kind: "file",
        title: "Model card",
        file: { name: "model-card.pdf", mimeType: "application/pdf", contentBase64: Buffer.from(content).toString("base64") },
        links: [{ framework: "iso42001", controlId: "A.6.2.7" }],
      },
    });
    expect(created.res.status).toBe(201);
    const evidence = evidenceSummarySchema.parse(created.data);
    expect(evidence).toMatchObject({ kind: "file", title: "Model card", fileName: "model-card.pdf", size: content.byteLength, sha256: sha });
    expect(created.res.headers.get("location")).toBe(`/api/v1/evidence/${evidence.id}/content`);

    const download = await call(evidenceContentRoute, "GET", `/evidence/${evidence.id}/content`, { token: readA, params: { evidenceId: evidence.id } });
    expect(download.res.status).toBe(200);
    expect(Buffer.from(download.bytes).equals(Buffer.from(content))).toBe(true);
    expect(download.res.headers.get("content-type")).toBe("application/pdf");
    expect(download.res.headers.get("content-disposition")).toMatch(/^attachment; filename="model-card.pdf"/);
    expect(download.res.headers.get("repr-digest")).toBe(`sha-256=:${Buffer.from(sha, "hex").toString("base64")}:`);
    expect(download.res.headers.get("x-request-id")).toBeTruthy();
    expectProblem(
      await call(evidenceContentRoute, "GET", `/evidence/${evidence.id}/content`, { token: writeB, params: { evidenceId: evidence.id } }),
      404,
      "NOT_FOUND",
    );

    // the ISO A.6.2.7 evidence shows on the crosswalked Art 11 via the list endpoint
    const list = systemControlListSchema.parse(
      (await call(listControlsRoute, "GET", `/systems/${systemId}/controls`, { token: readA, params: { id: systemId }, query: "framework=eu_ai_act" })).data,
    );
    expect(list.controls.find((c) => c.controlId === "Art 11")!.evidence).toEqual([
      expect.objectContaining({ id: evidence.id, via: expect.objectContaining({ framework: "iso42001", controlId: "A.6.2.7" }) }),
    ]);

    const linked = await call(linkEvidenceRoute, "POST", `/evidence/${evidence.id}/links`, {
      token: writeA,
      params: { evidenceId: evidence.id },
      json: { framework: "eu_ai_act", controlId: "Art 13" },
    });
    expect(linked.res.status).toBe(201);
    expect(linked.data.links).toHaveLength(2);
    expectProblem(
      await call(linkEvidenceRoute, "POST", `/evidence/${evidence.id}/links`, {
        token: writeA,
        params: { evidenceId: evidence.id },
        json: { framework: "eu_ai_act", controlId: "Art 13" },
      }),
      409,
      "CONFLICT",
    );
    expectProblem(
      await call(linkEvidenceRoute, "POST", `/evidence/${evidence.id}/links`, {
        token: writeB,
        params: { evidenceId: evidence.id },
        json: { framework: "eu_ai_act", controlId: "Art 14" },
      }),
      404,
      "NOT_FOUND",
    );

    expectProblem(
      await call(deleteEvidenceRoute, "DELETE", `/evidence/${evidence.id}`, { token: writeB, params: { evidenceId: evidence.id } }),
      404,
      "NOT_FOUND",
    );
    expectProblem(
      await call(deleteEvidenceRoute, "DELETE", `/evidence/${evidence.id}`, { token: readA, params: { evidenceId: evidence.id } }),
      403,
      "FORBIDDEN",
    );
    const deleted = await call(deleteEvidenceRoute, "DELETE", `/evidence/${evidence.id}`, { token: writeA, params: { evidenceId: evidence.id } });
    expect(deleted.res.status).toBe(204);
    expectProblem(
      await call(evidenceContentRoute, "GET", `/evidence/${evidence.id}/content`, { token: readA, params: { evidenceId: evidence.id } }),
      404,
      "NOT_FOUND",
    );
  });

  it.each([
    ["a non-http URL", { kind: "link", title: "x", url: "javascript:alert(1)", links: [{ framework: "iso42001", controlId: "A.2.2" }] }, "url"],
    ["no controls", { kind: "link", title: "x", url: "https://example.test", links: [] }, "links"],
    [
      "an inapplicable control",
      { kind: "link", title: "x", url: "https://example.test", links: [{ framework: "eu_ai_act", controlId: "Art 26" }] },
      "links.0.controlId",
    ],
    ["an unknown kind", { kind: "video", title: "x", links: [] }, "kind"],
    [
      "content that is not base64",
      { kind: "file", file: { name: "a.txt", contentBase64: "not base64!" }, links: [{ framework: "iso42001", controlId: "A.2.2" }] },
      "file.contentBase64",
    ],
    ["an empty file", { kind: "file", file: { name: "a.txt", contentBase64: "" }, links: [{ framework: "iso42001", controlId: "A.2.2" }] }, "file"],
  ])("POST /evidence rejects %s with 422 naming %s, writing nothing", async (_name, body, path) => {
    const before = await writeState(a.orgId);
    const problem = expectProblem(await call(createEvidenceRoute, "POST", "/evidence", { token: writeA, json: { systemId, ...body } }), 422, "VALIDATION");
    expect(paths(problem)).toContain(path);
    expect(await writeState(a.orgId)).toEqual(before);
  });

  it("POST /evidence: 403 for a read token, 404 for another organisation's system", async () => {
    const body = { systemId, kind: "link", title: "x", url: "https://example.test", links: [{ framework: "iso42001", controlId: "A.2.2" }] };
    expectProblem(await call(createEvidenceRoute, "POST", "/evidence", { token: readA, json: body }), 403, "FORBIDDEN");
    expectProblem(await call(createEvidenceRoute, "POST", "/evidence", { token: writeB, json: body }), 404, "NOT_FOUND");
  });
});

describe("session download route /systems/{id}/controls/evidence/{evidenceId}", () => {
  let evidenceId: string;
  const content = new TextEncoder().encode("<html><script>alert(1)</script></html>");

  beforeAll(async () => {
    evidenceId = (
      await call(createEvidenceRoute, "POST", "/evidence", {
        token: writeA,
        json: {
          systemId,
          kind: "file",
          file: { name: "page.html", mimeType: "text/html", contentBase64: Buffer.from(content).toString("base64") },
          links: [{ framework: "iso42001", controlId: "A.2.2" }],
        },
      })
    ).data.id;
  });
  beforeEach(() => {
    session.ctx = null;
  });

  const download = (id: string, evidence: string) =>
    sessionDownloadRoute(new Request(`http://localhost/systems/${id}/controls/evidence/${evidence}`), {
      params: Promise.resolve({ id, evidenceId: evidence }),
    });

  it("serves the file to a member of the organisation as an inert attachment", async () => {
    session.ctx = a.as("auditor");
    const res = await download(systemId, evidenceId);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(content))).toBe(true);
    expect(res.headers.get("content-type")).toBe("application/octet-stream");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("is 404 for another organisation's member and for a mismatched system, 401 without a session", async () => {
    session.ctx = b.as("admin");
    expect((await download(systemId, evidenceId)).status).toBe(404);
    session.ctx = a.as("admin");
    const otherSystem = (await createSystem({ ctx: a.as("admin"), input: { name: "Other" } })).id;
    expect((await download(otherSystem, evidenceId)).status).toBe(404);
    session.ctx = null;
    expect((await download(systemId, evidenceId)).status).toBe(401);
  });
});

describe("session upload route POST /systems/{id}/controls/evidence", () => {
  beforeEach(() => {
    session.ctx = null;
  });

  function upload(fields: [string, string | Blob, string?][], headers: Record<string, string> = { accept: "application/json" }, id = systemId) {
    const form = new FormData();
    for (const [name, value, fileName] of fields) {
      if (typeof value === "string") form.append(name, value);
      else form.append(name, value, fileName);
    }
    return sessionUploadRoute(
      new Request(`http://localhost/systems/${id}/controls/evidence`, { method: "POST", body: form, headers: { host: "localhost", ...headers } }),
      { params: Promise.resolve({ id }) },
    );
  }

  it("stores an uploaded file (multipart) and answers with the form state as JSON", async () => {
    session.ctx = a.as("compliance_officer");
    const bytes = new TextEncoder().encode("uploaded through the page");
    const res = await upload(
      [
        ["kind", "file"],
        ["title", ""],
        ["file", new Blob([bytes], { type: "text/plain" }), "notes.txt"],
        ["links", "iso42001|A.7.5"],
        ["links", "eu_ai_act|Art 10"],
      ],
      { accept: "application/json", origin: "http://localhost" },
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "success", message: "Evidence added." });
    const stored = await db.evidence.findFirstOrThrow({
      where: { orgId: a.orgId, fileName: "notes.txt" },
      select: { size: true, sha256: true, title: true, links: { select: { framework: true, controlId: true } } },
    });
    expect(stored).toMatchObject({ size: bytes.byteLength, sha256: createHash("sha256").update(bytes).digest("hex"), title: "notes.txt" });
    expect(stored.links).toHaveLength(2);
  });

  it("answers a refused upload with the field errors and the submitted values, writing nothing", async () => {
    session.ctx = a.as("admin");
    const before = await writeState(a.orgId);
    const res = await upload([
      ["kind", "link"],
      ["title", "Bad"],
      ["url", "javascript:alert(1)"],
      ["links", "eu_ai_act|Art 26"],
    ]);
    expect(res.status).toBe(422);
    const state = await res.json();
    expect(state).toMatchObject({
      status: "error",
      fieldErrors: { url: expect.any(String) },
      values: { kind: "link", title: "Bad", url: "javascript:alert(1)" },
    });
    const missing = await upload([
      ["kind", "file"],
      ["links", "iso42001|A.7.5"],
    ]);
    expect(await missing.json()).toMatchObject({ status: "error", fieldErrors: { file: "The file is empty" } });
    expect(await writeState(a.orgId)).toEqual(before);
  });

  it("refuses other origins, read-only roles, other organisations and missing sessions; without JavaScript it redirects back", async () => {
    const link: [string, string][] = [
      ["kind", "link"],
      ["title", "A link"],
      ["url", "https://example.test/x"],
      ["links", "iso42001|A.7.5"],
    ];
    const before = await writeState(a.orgId);
    session.ctx = a.as("admin");
    expect((await upload(link, { accept: "application/json", origin: "https://evil.example" })).status).toBe(403);
    session.ctx = a.as("auditor");
    expect((await upload(link)).status).toBe(403);
    session.ctx = b.as("admin");
    expect((await upload(link)).status).toBe(404);
    session.ctx = null;
    expect((await upload(link)).status).toBe(401);
    expect(await writeState(a.orgId)).toEqual(before);
    session.ctx = a.as("admin");
    const plain = await upload(link, {});
    expect(plain.status).toBe(303);
    expect(plain.headers.get("location")).toBe(`/systems/${systemId}/controls?evidence=added`);
    const failed = await upload(
      [
        ["kind", "link"],
        ["title", ""],
        ["url", "x"],
        ["links", "iso42001|A.7.5"],
      ],
      {},
    );
    expect(failed.headers.get("location")).toBe(`/systems/${systemId}/controls?evidence=failed`);
  });
});

describe("OpenAPI", () => {
  it("documents the control and evidence operations, and every $ref resolves", () => {
    const doc = buildOpenApiDocument() as { paths: Record<string, Record<string, { operationId?: string }>>; components: { schemas: Record<string, unknown> } };
    const ops = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([m]) => ["get", "patch", "post", "delete"].includes(m))
        .map(([m, op]) => `${m.toUpperCase()} ${path} ${op.operationId}`),
    );
    expect(ops).toEqual(
      expect.arrayContaining([
        "GET /systems/{id}/controls listSystemControls",
        "PATCH /systems/{id}/controls/{framework}/{controlId} updateSystemControl",
        "GET /systems/{id}/controls/posture getSystemCompliancePosture",
        "POST /evidence createEvidence",
        "DELETE /evidence/{evidenceId} deleteEvidence",
        "GET /evidence/{evidenceId}/content getEvidenceContent",
        "POST /evidence/{evidenceId}/links linkEvidence",
      ]),
    );
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining([
        "UpdateSystemControl",
        "SystemControl",
        "SystemControlList",
        "CompliancePosture",
        "CreateEvidence",
        "EvidenceSummary",
        "LinkEvidence",
      ]),
    );
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of refs) {
      const pointer = ref.slice(8, -1).replace(/^#\//, "").split("/");
      const target = pointer.reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), doc);
      expect(target, ref).toBeDefined();
    }
  });
});
