import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { createTestOrg, type TestOrg } from "@/scripts/support/create-test-org";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";
import { createSystem } from "@/lib/systems/create-system";
import { archiveSystem } from "@/lib/systems/archive-system";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { systemDetailSchema, systemSummarySchema, type CreateSystemInput } from "@/lib/systems/schemas";
import { problemResponse, problemSchema, type Problem } from "@/lib/web/http/problem";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/systems/route";
import { DELETE as archiveRoute, GET as getRoute, PATCH as patchRoute } from "@/app/api/v1/systems/[id]/route";
import { POST as restoreRoute } from "@/app/api/v1/systems/[id]/restore/route";

type Handler = (req: Request, segment: { params: Promise<Record<string, string>> }) => Promise<Response>;

type CallOptions = {
  token?: string | null;
  query?: string;
  id?: string;
  /** serialised with JSON.stringify and sent as application/json */
  json?: unknown;
  /** sent as is, with `contentType` */
  raw?: string;
  contentType?: string;
  headers?: Record<string, string>;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Calls an exported route handler the way Next does: a Request plus `{ params: Promise }`. */
async function call(handler: Handler, method: string, opts: CallOptions = {}) {
  const path = opts.id ? `/api/v1/systems/${opts.id}` : "/api/v1/systems";
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.json !== undefined) {
    body = JSON.stringify(opts.json);
    headers["content-type"] = opts.contentType ?? "application/json";
  } else if (opts.raw !== undefined) {
    body = opts.raw;
    if (opts.contentType) headers["content-type"] = opts.contentType;
  }
  const req = new Request(`http://localhost${path}${opts.query ? `?${opts.query}` : ""}`, { method, headers, body });
  const params: Record<string, string> = opts.id ? { id: opts.id } : {};
  const res = await handler(req, { params: Promise.resolve(params) });
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  return { res, data };
}

/** Asserts a problem+json response and returns its parsed body. */
function expectProblem(result: { res: Response; data: unknown }, status: number, code: Problem["code"]): Problem {
  expect(result.res.status).toBe(status);
  expect(result.res.headers.get("content-type")).toBe("application/problem+json");
  const problem = problemSchema.parse(result.data);
  expect(problem).toMatchObject({ status, code });
  expect(problem.type).toMatch(/^\/problems\//);
  expect(problem.requestId).toBe(result.res.headers.get("x-request-id"));
  return problem;
}

function paths(problem: Problem): string[] {
  return (problem.errors ?? []).map((e) => e.path);
}

/** What a request could have written: the org's audit head and its number of systems. */
async function writeState(orgId: string) {
  const [org, systems] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { auditSeq: true, auditHeadHash: true } }),
    db.aISystem.count({ where: { orgId } }),
  ]);
  return { ...org, systems };
}

async function tokenFor(org: TestOrg, scopes: ("read" | "write")[]) {
  const { secret } = await createApiToken({ ctx: org.as("admin"), input: { name: `test ${scopes.join("+")}`, scopes } });
  return secret;
}

let orgA: TestOrg;
let orgB: TestOrg;
let writeA: string;
let readA: string;
let writeB: string;

beforeAll(async () => {
  [orgA, orgB] = await Promise.all([createTestOrg("api-a"), createTestOrg("api-b")]);
  writeA = await tokenFor(orgA, ["read", "write"]);
  readA = await tokenFor(orgA, ["read"]);
  writeB = await tokenFor(orgB, ["write"]);
});

describe("GET /api/v1/systems", () => {
  let org: TestOrg;
  let token: string;
  const seed: (CreateSystemInput & { archived?: boolean })[] = [
    { name: "Alpha CV screening", riskTier: "high", lifecycleStage: "production", businessUnit: "HR", vendor: "Acme" },
    { name: "Bravo chatbot", riskTier: "limited", lifecycleStage: "production", businessUnit: "Support" },
    { name: "Charlie fraud scoring", riskTier: "high", lifecycleStage: "development", businessUnit: "Finance" },
    { name: "Delta spam filter", riskTier: "minimal", lifecycleStage: "retired", businessUnit: "IT" },
    { name: "Echo forecasting", riskTier: "unclassified", lifecycleStage: "idea", businessUnit: "Finance", description: "Demand planning with ACME data" },
    { name: "Foxtrot legacy scorer", riskTier: "high", lifecycleStage: "retired", businessUnit: "Finance", archived: true },
  ];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    org = await createTestOrg("api-list");
    token = await tokenFor(org, ["read"]);
    for (const { archived, ...input } of seed) {
      const created = await createSystem({ ctx: org.as("compliance_officer"), input });
      ids[input.name] = created.id;
      if (archived) await archiveSystem({ ctx: org.as("compliance_officer"), input: { id: created.id } });
    }
  });

  const names = (data: { items: { name: string }[] }) => data.items.map((i) => i.name);

  it("lists the active systems sorted by name, only with the summary fields", async () => {
    const { res, data } = await call(listRoute, "GET", { token });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("x-request-id")).toMatch(UUID);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(data).toMatchObject({ total: 5, page: 1, pageSize: 50 });
    expect(names(data)).toEqual(["Alpha CV screening", "Bravo chatbot", "Charlie fraud scoring", "Delta spam filter", "Echo forecasting"]);
    for (const item of data.items) expect(Object.keys(item).sort()).toEqual(Object.keys(systemSummarySchema.shape).sort());
  });

  it("filters by tier, stage, business unit, owner, search text and status", async () => {
    expect(names((await call(listRoute, "GET", { token, query: "tier=high" })).data)).toEqual(["Alpha CV screening", "Charlie fraud scoring"]);
    expect(names((await call(listRoute, "GET", { token, query: "tier=high&stage=development" })).data)).toEqual(["Charlie fraud scoring"]);
    expect(names((await call(listRoute, "GET", { token, query: "businessUnit=Finance" })).data)).toEqual(["Charlie fraud scoring", "Echo forecasting"]);
    expect(names((await call(listRoute, "GET", { token, query: "q=acme" })).data)).toEqual(["Alpha CV screening", "Echo forecasting"]);
    expect(names((await call(listRoute, "GET", { token, query: `ownerId=${orgA.users.admin.id}` })).data)).toEqual([]);
    expect(names((await call(listRoute, "GET", { token, query: "status=archived" })).data)).toEqual(["Foxtrot legacy scorer"]);
    const all = await call(listRoute, "GET", { token, query: "status=all&tier=high" });
    expect(names(all.data)).toEqual(["Alpha CV screening", "Charlie fraud scoring", "Foxtrot legacy scorer"]);
    expect(all.data.items.find((i: { name: string }) => i.name === "Foxtrot legacy scorer").archivedAt).not.toBeNull();
    // empty values count as absent, as an HTML form sends them
    expect((await call(listRoute, "GET", { token, query: "q=&tier=&page=" })).data.total).toBe(5);
  });

  it("sorts in both directions", async () => {
    expect(names((await call(listRoute, "GET", { token, query: "sort=name&dir=desc" })).data)[0]).toBe("Echo forecasting");
    const byUnit = await call(listRoute, "GET", { token, query: "sort=businessUnit&dir=asc" });
    expect(byUnit.data.items.map((i: { businessUnit: string }) => i.businessUnit)).toEqual(["Finance", "Finance", "HR", "IT", "Support"]);
  });

  it("paginates with stable pages", async () => {
    const pages = await Promise.all([1, 2, 3].map((page) => call(listRoute, "GET", { token, query: `pageSize=2&page=${page}` })));
    expect(pages.map((p) => p.data.items.length)).toEqual([2, 2, 1]);
    for (const [i, p] of pages.entries()) expect(p.data).toMatchObject({ total: 5, page: i + 1, pageSize: 2 });
    const seen = pages.flatMap((p) => names(p.data));
    expect(seen).toEqual(names((await call(listRoute, "GET", { token })).data));
    expect((await call(listRoute, "GET", { token, query: "pageSize=2&page=9" })).data).toMatchObject({ items: [], total: 5, page: 9 });
  });

  it.each([
    ["tier=extreme", "tier"],
    ["stage=launched", "stage"],
    ["status=deleted", "status"],
    ["sort=orgId", "sort"],
    ["dir=up", "dir"],
    ["page=0", "page"],
    ["page=abc", "page"],
    ["pageSize=101", "pageSize"],
    ["riskTier=high", "riskTier"],
    ["tier=high&tier=limited", "tier"],
  ])("rejects the invalid query %s with 422 naming %s", async (query, path) => {
    const before = await writeState(org.orgId);
    const problem = expectProblem(await call(listRoute, "GET", { token, query }), 422, "VALIDATION");
    expect(paths(problem)).toContain(path);
    expect(await writeState(org.orgId)).toEqual(before);
  });
});

describe("POST /api/v1/systems", () => {
  it("creates a system: 201, Location, ETag, defaults applied, audited", async () => {
    const before = await writeState(orgA.orgId);
    const { res, data } = await call(createRoute, "POST", {
      token: writeA,
      json: { name: "  Resume ranker  ", riskTier: "high", dataCategories: ["personal_data"], ownerId: orgA.users.risk_owner.id },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`/api/v1/systems/${data.id}`);
    expect(res.headers.get("etag")).toBe('"1"');
    expect(res.headers.get("x-request-id")).toMatch(UUID);
    const detail = systemDetailSchema.parse(data);
    expect(detail).toMatchObject({
      name: "Resume ranker",
      riskTier: "high",
      lifecycleStage: "idea",
      euAiActRole: "deployer",
      version: 1,
      archivedAt: null,
      components: [],
    });
    expect(detail.owner).toEqual({ id: orgA.users.risk_owner.id, name: expect.any(String) });
    expect(Object.keys(data)).not.toContain("orgId");
    expect(await writeState(orgA.orgId)).toMatchObject({ auditSeq: before.auditSeq + 1, systems: before.systems + 1 });
    const event = await db.auditEvent.findFirstOrThrow({ where: { orgId: orgA.orgId, seq: before.auditSeq + 1 } });
    expect(event).toMatchObject({ action: "system.create", actorType: "token", entityId: data.id });

    const fetched = await call(getRoute, "GET", { token: readA, id: data.id });
    expect(fetched.res.status).toBe(200);
    expect(fetched.data).toEqual(data);
  });

  it("serialises concurrent creates in one organisation into an intact audit chain", async () => {
    const before = await writeState(orgA.orgId);
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => call(createRoute, "POST", { token: writeA, json: { name: `Concurrent ${i}` } })));
    expect(results.map((r) => r.res.status)).toEqual(Array(6).fill(201));
    expect(await writeState(orgA.orgId)).toMatchObject({ auditSeq: before.auditSeq + 6, systems: before.systems + 6 });
    expect(await verifyAuditChain({ ctx: orgA.as("auditor") })).toMatchObject({ ok: true });
  });

  it("accepts a JSON content type with parameters", async () => {
    const { res } = await call(createRoute, "POST", { token: writeA, json: { name: "Charset test" }, contentType: "application/json; charset=utf-8" });
    expect(res.status).toBe(201);
  });
});

describe("bad input writes nothing", () => {
  const cases: { label: string; opts: CallOptions; status: number; code: Problem["code"]; path?: string; detail?: RegExp }[] = [
    { label: "missing name", opts: { json: { description: "no name" } }, status: 422, code: "VALIDATION", path: "name" },
    { label: "empty name", opts: { json: { name: "   " } }, status: 422, code: "VALIDATION", path: "name" },
    { label: "wrong enum", opts: { json: { name: "X", riskTier: "extreme" } }, status: 422, code: "VALIDATION", path: "riskTier" },
    { label: "name of 201 characters", opts: { json: { name: "n".repeat(201) } }, status: 422, code: "VALIDATION", path: "name" },
    {
      label: "description of 5001 characters",
      opts: { json: { name: "X", description: "d".repeat(5001) } },
      status: 422,
      code: "VALIDATION",
      path: "description",
    },
    { label: "wrong type", opts: { json: { name: "X", dataCategories: "children" } }, status: 422, code: "VALIDATION", path: "dataCategories" },
    {
      label: "nested wrong enum",
      opts: { json: { name: "X", dataCategories: ["children", "pets"] } },
      status: 422,
      code: "VALIDATION",
      path: "dataCategories.1",
    },
    { label: "unknown field", opts: { json: { name: "X", colour: "blue" } }, status: 422, code: "VALIDATION", path: "colour" },
    { label: "internal isDemo flag", opts: { json: { name: "X", isDemo: true } }, status: 422, code: "VALIDATION", path: "isDemo" },
    { label: "owner from another organisation", opts: { json: { name: "X", ownerId: "not-a-member" } }, status: 422, code: "VALIDATION", path: "ownerId" },
    { label: "a JSON array", opts: { json: [{ name: "X" }] }, status: 422, code: "VALIDATION", path: "(body)" },
    {
      label: "malformed JSON",
      opts: { raw: '{"name": "X",}', contentType: "application/json" },
      status: 400,
      code: "MALFORMED_JSON",
      path: "(body)",
      detail: /line 1, column 14/,
    },
    { label: "empty body", opts: { raw: "", contentType: "application/json" }, status: 400, code: "MALFORMED_JSON", path: "(body)" },
    { label: "wrong content type", opts: { raw: "name=X", contentType: "application/x-www-form-urlencoded" }, status: 415, code: "UNSUPPORTED_MEDIA_TYPE" },
    { label: "missing content type", opts: { raw: '{"name":"X"}' }, status: 415, code: "UNSUPPORTED_MEDIA_TYPE" },
    { label: "body over 256 KiB", opts: { json: { name: "X", description: "d".repeat(300 * 1024) } }, status: 413, code: "PAYLOAD_TOO_LARGE" },
    {
      label: "declared Content-Length over the limit",
      opts: { raw: '{"name":"X"}', contentType: "application/json", headers: { "content-length": String(10 * 1024 * 1024) } },
      status: 413,
      code: "PAYLOAD_TOO_LARGE",
    },
  ];

  it.each(cases)("POST with $label → $status", async ({ opts, status, code, path, detail }) => {
    const before = await writeState(orgA.orgId);
    const problem = expectProblem(await call(createRoute, "POST", { token: writeA, ...opts }), status, code);
    if (path) expect(paths(problem)).toContain(path);
    if (detail) expect(problem.detail).toMatch(detail);
    expect(await writeState(orgA.orgId)).toEqual(before);
  });

  it("PATCH with invalid input → 422 naming the field, nothing written", async () => {
    const system = await createSystem({ ctx: orgA.as("compliance_officer"), input: { name: "Patch target" } });
    const before = await writeState(orgA.orgId);
    const invalid: [unknown, string][] = [
      [{ riskTier: "extreme", version: 1 }, "riskTier"],
      [{ name: "n".repeat(201), version: 1 }, "name"],
      [{ name: "No version" }, "version"],
      [{ name: "X", version: "1" }, "version"],
      [{ name: "X", version: 1, orgId: orgB.orgId }, "orgId"],
    ];
    for (const [json, path] of invalid) {
      const problem = expectProblem(await call(patchRoute, "PATCH", { token: writeA, id: system.id, json }), 422, "VALIDATION");
      expect(paths(problem)).toContain(path);
    }
    expectProblem(await call(patchRoute, "PATCH", { token: writeA, id: system.id, raw: "{", contentType: "application/json" }), 400, "MALFORMED_JSON");
    expectProblem(await call(patchRoute, "PATCH", { token: writeA, id: system.id, raw: "x", contentType: "text/plain" }), 415, "UNSUPPORTED_MEDIA_TYPE");
    expect(await writeState(orgA.orgId)).toEqual(before);
    expect((await db.aISystem.findUniqueOrThrow({ where: { id: system.id } })).version).toBe(1);
  });
});

describe("GET / PATCH / DELETE /api/v1/systems/{id} and restore", () => {
  it("edits with optimistic concurrency; a stale version is a 409 and writes nothing", async () => {
    const { data: created } = await call(createRoute, "POST", { token: writeA, json: { name: "Credit model" } });
    // the tier changes only through classification: an edit naming it is refused and writes nothing
    const tierEdit = await call(patchRoute, "PATCH", {
      token: writeA,
      id: created.id,
      json: { riskTier: "high", riskTierBasis: "Annex III 5(b)", version: 1 },
    });
    expectProblem(tierEdit, 422, "VALIDATION");
    expect((await db.aISystem.findUniqueOrThrow({ where: { id: created.id }, select: { riskTier: true, version: true } })).riskTier).toBe("unclassified");

    const v2 = await call(patchRoute, "PATCH", { token: writeA, id: created.id, json: { businessUnit: "Lending", version: 1 } });
    expect(v2.res.status).toBe(200);
    expect(v2.res.headers.get("etag")).toBe('"2"');
    expect(v2.data).toMatchObject({ name: "Credit model", businessUnit: "Lending", riskTier: "unclassified", version: 2 });

    // version from If-Match when the body has none
    const v3 = await call(patchRoute, "PATCH", {
      token: writeA,
      id: created.id,
      json: { name: "Credit model v3" },
      headers: { "if-match": v2.res.headers.get("etag")! },
    });
    expect(v3.res.status).toBe(200);
    expect(v3.data).toMatchObject({ name: "Credit model v3", version: 3 });

    const before = await writeState(orgA.orgId);
    const stale = expectProblem(await call(patchRoute, "PATCH", { token: writeA, id: created.id, json: { name: "Overwrite", version: 2 } }), 409, "CONFLICT");
    expect(stale.detail).toMatch(/version 2.*version 3/);
    const staleIfMatch = await call(patchRoute, "PATCH", { token: writeA, id: created.id, json: { name: "Overwrite" }, headers: { "if-match": '"1"' } });
    expectProblem(staleIfMatch, 409, "CONFLICT");
    // body and If-Match disagreeing, or a malformed If-Match, are refused before anything is written
    expect(
      paths(
        expectProblem(
          await call(patchRoute, "PATCH", { token: writeA, id: created.id, json: { name: "Overwrite", version: 3 }, headers: { "if-match": '"2"' } }),
          422,
          "VALIDATION",
        ),
      ),
    ).toEqual(["version"]);
    expect(
      paths(
        expectProblem(
          await call(patchRoute, "PATCH", { token: writeA, id: created.id, json: { name: "Overwrite" }, headers: { "if-match": "*" } }),
          422,
          "VALIDATION",
        ),
      ),
    ).toEqual(["If-Match"]);
    expect(await writeState(orgA.orgId)).toEqual(before);
    const current = await call(getRoute, "GET", { token: readA, id: created.id });
    expect(current.data).toMatchObject({ name: "Credit model v3", version: 3 });
    expect(current.res.headers.get("etag")).toBe('"3"');
  });

  it("archives with DELETE and restores with POST …/restore", async () => {
    const { data: created } = await call(createRoute, "POST", { token: writeA, json: { name: "Archive me" } });
    const before = await writeState(orgA.orgId);

    const archived = await call(archiveRoute, "DELETE", { token: writeA, id: created.id });
    expect(archived.res.status).toBe(200);
    expect(systemDetailSchema.parse(archived.data)).toMatchObject({ id: created.id, version: 2, archivedAt: expect.any(String) });
    expect(await writeState(orgA.orgId)).toMatchObject({ auditSeq: before.auditSeq + 1, systems: before.systems });

    const active = await call(listRoute, "GET", { token: readA, query: "pageSize=100" });
    expect(active.data.items.map((i: { id: string }) => i.id)).not.toContain(created.id);
    const archivedList = await call(listRoute, "GET", { token: readA, query: "status=archived&pageSize=100" });
    expect(archivedList.data.items.map((i: { id: string }) => i.id)).toContain(created.id);

    expectProblem(await call(archiveRoute, "DELETE", { token: writeA, id: created.id }), 409, "CONFLICT");
    expectProblem(await call(patchRoute, "PATCH", { token: writeA, id: created.id, json: { name: "Edit archived", version: 2 } }), 409, "CONFLICT");

    const restored = await call(restoreRoute, "POST", { token: writeA, id: created.id });
    expect(restored.res.status).toBe(200);
    expect(restored.data).toMatchObject({ id: created.id, version: 3, archivedAt: null });
    expectProblem(await call(restoreRoute, "POST", { token: writeA, id: created.id }), 409, "CONFLICT");
    expect(await writeState(orgA.orgId)).toMatchObject({ auditSeq: before.auditSeq + 2 });
    const actions = await db.auditEvent.findMany({ where: { orgId: orgA.orgId, subjectId: created.id }, orderBy: { seq: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["system.create", "system.archive", "system.restore"]);
  });

  it("answers 404 for an unknown id", async () => {
    expectProblem(await call(getRoute, "GET", { token: readA, id: "does-not-exist" }), 404, "NOT_FOUND");
    expectProblem(await call(getRoute, "GET", { token: readA, id: "x".repeat(65) }), 422, "VALIDATION");
  });
});

describe("authentication and scopes", () => {
  it("refuses a read-scope token to write (403) and writes nothing", async () => {
    const system = await createSystem({ ctx: orgA.as("compliance_officer"), input: { name: "Read-only target" } });
    const before = await writeState(orgA.orgId);
    expectProblem(await call(createRoute, "POST", { token: readA, json: { name: "Not allowed" } }), 403, "FORBIDDEN");
    // the permission is checked before the body is validated
    expectProblem(await call(createRoute, "POST", { token: readA, json: { colour: "blue" } }), 403, "FORBIDDEN");
    expectProblem(await call(patchRoute, "PATCH", { token: readA, id: system.id, json: { name: "Nope", version: 1 } }), 403, "FORBIDDEN");
    expectProblem(await call(archiveRoute, "DELETE", { token: readA, id: system.id }), 403, "FORBIDDEN");
    expectProblem(await call(restoreRoute, "POST", { token: readA, id: system.id }), 403, "FORBIDDEN");
    expect(await writeState(orgA.orgId)).toEqual(before);
    expect((await call(getRoute, "GET", { token: readA, id: system.id })).res.status).toBe(200);
  });

  it("answers 401 with a Bearer challenge without a valid token", async () => {
    const revoked = await createApiToken({ ctx: orgA.as("admin"), input: { name: "to revoke", scopes: ["write"] } });
    await revokeApiToken({ ctx: orgA.as("admin"), input: { id: revoked.id } });
    const before = await writeState(orgA.orgId);

    const missing = await call(createRoute, "POST", { json: { name: "Anonymous" } });
    expectProblem(missing, 401, "UNAUTHENTICATED");
    expect(missing.res.headers.get("www-authenticate")).toBe('Bearer realm="aigov"');

    for (const token of [revoked.secret, "aigov_not-a-real-token", "not-even-prefixed"]) {
      const result = await call(createRoute, "POST", { token, json: { name: "Bad token" } });
      expectProblem(result, 401, "UNAUTHENTICATED");
      expect(result.res.headers.get("www-authenticate")).toMatch(/^Bearer .*error="invalid_token"/);
    }
    const basic = await call(listRoute, "GET", { headers: { authorization: "Basic dXNlcjpwYXNz" } });
    expectProblem(basic, 401, "UNAUTHENTICATED");
    expectProblem(await call(getRoute, "GET", { token: revoked.secret, id: "any" }), 401, "UNAUTHENTICATED");
    expect(await writeState(orgA.orgId)).toEqual(before);
  });
});

describe("tenant isolation", () => {
  it("never lets organisation B see or change organisation A's systems", async () => {
    const active = await createSystem({ ctx: orgA.as("compliance_officer"), input: { name: "A secret system", businessUnit: "A-only" } });
    const archived = await createSystem({ ctx: orgA.as("compliance_officer"), input: { name: "A archived system" } });
    await archiveSystem({ ctx: orgA.as("compliance_officer"), input: { id: archived.id } });
    const [beforeA, beforeB] = await Promise.all([writeState(orgA.orgId), writeState(orgB.orgId)]);

    const notFound = [
      await call(getRoute, "GET", { token: writeB, id: active.id }),
      await call(patchRoute, "PATCH", { token: writeB, id: active.id, json: { name: "Hijacked", version: 1 } }),
      await call(archiveRoute, "DELETE", { token: writeB, id: active.id }),
      await call(restoreRoute, "POST", { token: writeB, id: archived.id }),
    ];
    for (const result of notFound) expectProblem(result, 404, "NOT_FOUND");
    // same answer as for an id that does not exist at all (no probing)
    expect(notFound[0].data.detail).toBe((await call(getRoute, "GET", { token: writeB, id: "does-not-exist" })).data.detail);

    await call(createRoute, "POST", { token: writeB, json: { name: "B's own system" } });
    for (const query of ["status=all&pageSize=100", "q=secret", "businessUnit=A-only", "status=archived"]) {
      const list = await call(listRoute, "GET", { token: writeB, query });
      expect(list.res.status).toBe(200);
      const ids = list.data.items.map((i: { id: string }) => i.id);
      expect(ids).not.toContain(active.id);
      expect(ids).not.toContain(archived.id);
    }
    const all = await call(listRoute, "GET", { token: writeB, query: "status=all" });
    expect(all.data.items.map((i: { name: string }) => i.name)).toEqual(["B's own system"]);

    expect(await writeState(orgA.orgId)).toEqual(beforeA);
    expect((await writeState(orgB.orgId)).systems).toBe(beforeB.systems + 1);
    expect(await db.aISystem.findUniqueOrThrow({ where: { id: active.id }, select: { name: true, version: true, archivedAt: true } })).toEqual({
      name: "A secret system",
      version: 1,
      archivedAt: null,
    });
  });
});

describe("problemResponse", () => {
  it("hides unexpected errors behind a generic 500 and logs them with the request id", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const res = problemResponse(new Error("connection to postgres://admin:hunter2@db failed"), "req-123");
      expect(res.status).toBe(500);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.headers.get("x-request-id")).toBe("req-123");
      const body = problemSchema.parse(await res.json());
      expect(body).toMatchObject({ type: "about:blank", title: "Internal Server Error", status: 500, code: "INTERNAL", requestId: "req-123" });
      expect(JSON.stringify(body)).not.toContain("hunter2");
      expect(log).toHaveBeenCalledTimes(1);
      expect(String(log.mock.calls[0][0])).toContain("req-123");
    } finally {
      log.mockRestore();
    }
  });
});
