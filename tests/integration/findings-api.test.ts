import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createTestOrg, type TestOrg } from "@/scripts/support/create-test-org";
import { auditSeq } from "@/tests/support/harness";
import { referencePath } from "@/tests/reference-data";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { createSystem } from "@/lib/systems/create-system";
import { archiveSystem } from "@/lib/systems/archive-system";
import { processFindingImport } from "@/lib/findings/process-finding-import";
import { importSummarySchema } from "@/lib/findings/schemas";
import { problemSchema, type Problem } from "@/lib/web/http/problem";
import { POST as importRoute } from "@/app/api/v1/systems/[id]/finding-imports/route";
import { GET as getImportRoute } from "@/app/api/v1/finding-imports/[importId]/route";
import { GET as listRoute } from "@/app/api/v1/findings/route";
import { GET as coverageRoute } from "@/app/api/v1/systems/[id]/atlas-coverage/route";
import { addThreatProfileEntries } from "@/lib/threats/add-threat-profile-entries";
import { getAtlasCatalog } from "@/lib/catalogs/get-atlas-catalog";
import { atlasCoverageSchema, findingImportStatusSchema, findingListSchema } from "@/lib/findings/schemas";

type Handler = (req: Request, segment: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** A body the way a client sends it: with Content-Length (a buffer), or chunked (a stream, no length); `pulls` counts the reads. */
function streamed(bytes: Uint8Array, chunk = 1000) {
  const state = { pulls: 0, offset: 0 };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        state.pulls++;
        if (state.offset >= bytes.byteLength) return controller.close();
        controller.enqueue(bytes.slice(state.offset, state.offset + chunk));
        state.offset += chunk;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

type CallOptions = { token?: string; params: Record<string, string>; query?: string; body?: Uint8Array | string; chunked?: boolean; contentType?: string };

/** Calls an exported route handler the way Next does: a Request plus `{ params: Promise }`. */
async function call(handler: Handler, method: string, opts: CallOptions) {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: BodyInit | undefined;
  if (opts.body !== undefined) {
    const bytes = typeof opts.body === "string" ? new TextEncoder().encode(opts.body) : opts.body;
    headers["content-type"] = opts.contentType ?? "application/octet-stream";
    if (opts.chunked) body = streamed(bytes).stream;
    else {
      headers["content-length"] = String(bytes.byteLength);
      body = bytes as BodyInit;
    }
  }
  const url = `http://localhost/api/v1/probe${opts.query ? `?${opts.query}` : ""}`;
  const req = new Request(url, { method, headers, body, ...(body instanceof ReadableStream && { duplex: "half" }) } as RequestInit);
  const res = await handler(req, { params: Promise.resolve(opts.params) });
  const text = await res.text();
  return { res, data: text ? JSON.parse(text) : null };
}

function expectProblem(result: { res: Response; data: unknown }, status: number, code: Problem["code"]): Problem {
  expect(result.res.status, JSON.stringify(result.data)).toBe(status);
  expect(result.res.headers.get("content-type")).toBe("application/problem+json");
  const problem = problemSchema.parse(result.data);
  expect(problem).toMatchObject({ status, code });
  return problem;
}

async function tokenFor(org: TestOrg, scopes: ("read" | "write")[]) {
  return (await createApiToken({ ctx: org.as("admin"), input: { name: `findings api ${scopes.join("+")}`, scopes } })).secret;
}

/** What an organisation has stored of findings, and its audit chain's head. */
async function stored(orgId: string) {
  const [imports, chunks, results, findings, seq] = await Promise.all([
    db.findingImport.count({ where: { orgId } }),
    db.findingImportChunk.count({ where: { import: { orgId } } }),
    db.testResult.count({ where: { orgId } }),
    db.finding.count({ where: { orgId } }),
    auditSeq(orgId),
  ]);
  return { imports, chunks, results, findings, seq };
}

const GARAK = readFileSync(referencePath("garak/test_with_ci.report.jsonl"));
const PROMPTFOO = readFileSync(referencePath("promptfoo/redteam-output.json"));
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

let a: TestOrg;
let b: TestOrg;
let writeA: string;
let readA: string;
let writeB: string;

const newSystem = async (name: string) => (await createSystem({ ctx: a.as("admin"), input: { name } })).id;

beforeAll(async () => {
  [a, b] = await Promise.all([createTestOrg("findings-api-a"), createTestOrg("findings-api-b")]);
  [writeA, readA, writeB] = await Promise.all([tokenFor(a, ["read", "write"]), tokenFor(a, ["read"]), tokenFor(b, ["write"])]);
});

afterEach(() => {
  delete process.env.FINDINGS_MAX_BYTES;
  delete process.env.FINDINGS_SYNC_MAX_BYTES;
});

describe("POST /api/v1/systems/{id}/finding-imports", () => {
  it("imports a garak report in the request: 201 with the summary and Location; the import reads back; a re-post is a 200 duplicate storing nothing", async () => {
    const systemId = await newSystem("Garak target");
    const created = await call(importRoute, "POST", {
      token: writeA,
      params: { id: systemId },
      query: "format=auto&fileName=test_with_ci.report.jsonl",
      body: GARAK,
      contentType: "application/x-ndjson",
    });
    expect(created.res.status, JSON.stringify(created.data)).toBe(201);
    const summary = importSummarySchema.parse(created.data);
    expect(summary).toMatchObject({
      status: "completed",
      format: "garak",
      tool: "garak",
      sha256: sha256(GARAK),
      bytes: GARAK.byteLength,
      duplicate: false,
      rejected: [],
    });
    expect(summary.results).toBeGreaterThan(0);
    expect(summary.importId).toEqual(expect.any(String));
    expect(created.res.headers.get("location")).toBe(`/api/v1/finding-imports/${summary.importId}`);
    expect(created.res.headers.get("cache-control")).toBe("no-store");
    expect(await db.testResult.count({ where: { importId: summary.importId! } })).toBe(summary.results);

    const read = await call(getImportRoute, "GET", { token: readA, params: { importId: summary.importId! } });
    expect(read.res.status).toBe(200);
    expect(findingImportStatusSchema.parse(read.data)).toEqual({
      ...summary,
      systemId,
      fileName: "test_with_ci.report.jsonl",
      error: "",
      createdAt: expect.any(String),
      completedAt: expect.any(String),
    });

    const before = await stored(a.orgId);
    const again = await call(importRoute, "POST", { token: writeA, params: { id: systemId }, body: GARAK });
    expect(again.res.status).toBe(200);
    expect(importSummarySchema.parse(again.data)).toEqual({ ...summary, duplicate: true });
    expect(again.res.headers.get("location")).toBe(`/api/v1/finding-imports/${summary.importId}`);
    expect(await stored(a.orgId)).toEqual(before);
  });

  it("refuses a file with a bad line: 422 naming the line, with the summary; nothing stored", async () => {
    const systemId = await newSystem("Bad file target");
    const bad = `${GARAK.toString("utf8").trimEnd()}\n{not json\n`;
    const line = bad.trimEnd().split("\n").length;
    const before = await stored(a.orgId);
    const result = await call(importRoute, "POST", { token: writeA, params: { id: systemId }, query: "format=garak", body: bad });
    const problem = expectProblem(result, 422, "VALIDATION");
    expect(problem.errors).toEqual([{ path: `line ${line}`, message: expect.stringMatching(/JSON/) }]);
    expect(problem.detail).toContain(`line ${line}`);
    expect(importSummarySchema.parse(result.data.summary)).toMatchObject({
      importId: null,
      status: "rejected",
      format: "garak",
      sha256: sha256(new TextEncoder().encode(bad)),
      rejected: [{ location: `line ${line}` }],
    });
    const unknown = expectProblem(await call(importRoute, "POST", { token: writeA, params: { id: systemId }, body: "hello,world\n1,2\n" }), 422, "VALIDATION");
    expect(unknown.errors).toEqual([{ path: "line 1", message: expect.stringMatching(/unrecognised format/) }]);
    expect(await stored(a.orgId)).toEqual(before);

    // a queued file (no Content-Length) is parsed in the background: its import ends rejected, with the line, and keeps no results
    const queued = await call(importRoute, "POST", { token: writeA, params: { id: systemId }, query: "format=garak", body: bad, chunked: true });
    expect(queued.res.status).toBe(202);
    await processFindingImport({ importId: queued.data.importId });
    const done = await call(getImportRoute, "GET", { token: readA, params: { importId: queued.data.importId } });
    expect(done.data).toMatchObject({ status: "rejected", rejected: [{ location: `line ${line}` }] });
    expect(await db.testResult.count({ where: { importId: queued.data.importId } })).toBe(0);
    expect(await db.findingImportChunk.count({ where: { importId: queued.data.importId } })).toBe(0);
  });

  it("refuses a file over FINDINGS_MAX_BYTES with 413: by Content-Length before reading the body, or while streaming a chunked one; nothing stored", async () => {
    const systemId = await newSystem("Large file target");
    process.env.FINDINGS_MAX_BYTES = "1000";
    const before = await stored(a.orgId);
    const message = "The file is larger than the limit of 1000 bytes (FINDINGS_MAX_BYTES).";

    const { stream, state } = streamed(GARAK);
    const req = new Request("http://localhost/api/v1/probe", {
      method: "POST",
      headers: { authorization: `Bearer ${writeA}`, "content-length": String(GARAK.byteLength) },
      body: stream,
      duplex: "half",
    } as RequestInit);
    const res = await importRoute(req, { params: Promise.resolve({ id: systemId }) });
    const declared = expectProblem({ res, data: await res.json() }, 413, "PAYLOAD_TOO_LARGE");
    expect(declared).toMatchObject({ detail: message, errors: [{ path: "(file)", message }] });
    expect(state.pulls, "the body is not read").toBe(0);

    const chunked = await call(importRoute, "POST", { token: writeA, params: { id: systemId }, body: GARAK, chunked: true });
    expect(expectProblem(chunked, 413, "PAYLOAD_TOO_LARGE").errors).toEqual([{ path: "(file)", message }]);
    expect(chunked.data.summary, "refused while receiving, before any import: no summary").toBeUndefined();
    expect(await stored(a.orgId)).toEqual(before);
  });

  it("queues a file above FINDINGS_SYNC_MAX_BYTES (or without a length): 202 with Location; the import is polled until the job has run", async () => {
    const systemId = await newSystem("Queued target");
    process.env.FINDINGS_SYNC_MAX_BYTES = "0";
    const queued = await call(importRoute, "POST", { token: writeA, params: { id: systemId }, query: "fileName=big.jsonl", body: GARAK });
    expect(queued.res.status, JSON.stringify(queued.data)).toBe(202);
    const summary = importSummarySchema.parse(queued.data);
    expect(summary).toMatchObject({ status: "queued", sha256: sha256(GARAK), bytes: GARAK.byteLength, duplicate: false, results: 0 });
    const location = queued.res.headers.get("location");
    expect(location).toBe(`/api/v1/finding-imports/${summary.importId}`);
    const importId = location!.split("/").at(-1)!;

    const waiting = await call(getImportRoute, "GET", { token: readA, params: { importId } });
    expect(waiting.res.status).toBe(200);
    expect(waiting.data).toMatchObject({ status: expect.stringMatching(/^(queued|processing|completed)$/), fileName: "big.jsonl", systemId });

    // with DATABASE_URL a worker runs the job; run it here (a second delivery is a no-op)
    await processFindingImport({ importId });
    const done = await call(getImportRoute, "GET", { token: readA, params: { importId } });
    expect(findingImportStatusSchema.parse(done.data)).toMatchObject({ importId, status: "completed", format: "garak", completedAt: expect.any(String) });
    expect(done.data.results).toBeGreaterThan(0);

    // chunked (no Content-Length) is queued whatever the sync limit; the same bytes again are a duplicate at once
    delete process.env.FINDINGS_SYNC_MAX_BYTES;
    const duplicate = await call(importRoute, "POST", { token: writeA, params: { id: systemId }, body: GARAK, chunked: true });
    expect(duplicate.res.status).toBe(200);
    expect(duplicate.data).toMatchObject({ importId, duplicate: true, status: "completed" });
  });

  it("answers bad query parameters with 422, an archived system with 409, and stores nothing", async () => {
    const systemId = await newSystem("Query target");
    const before = await stored(a.orgId);
    const format = expectProblem(
      await call(importRoute, "POST", { token: writeA, params: { id: systemId }, query: "format=nessus", body: GARAK }),
      422,
      "VALIDATION",
    );
    expect(format.errors?.map((e) => e.path)).toEqual(["format"]);
    const unknown = expectProblem(
      await call(importRoute, "POST", { token: writeA, params: { id: systemId }, query: "formt=garak", body: GARAK }),
      422,
      "VALIDATION",
    );
    expect(unknown.errors?.map((e) => e.path)).toEqual(["formt"]);
    expect(await stored(a.orgId)).toEqual(before);

    await archiveSystem({ ctx: a.as("admin"), input: { id: systemId } });
    const seq = await auditSeq(a.orgId);
    expectProblem(await call(importRoute, "POST", { token: writeA, params: { id: systemId }, body: GARAK }), 409, "CONFLICT");
    expect(await auditSeq(a.orgId)).toBe(seq);
  });

  it("refuses a read-only token (403, the body unread), no token (401) and another organisation (404, as for an id that exists nowhere)", async () => {
    const systemId = await newSystem("Guarded target");
    const before = await stored(a.orgId);
    const { stream, state } = streamed(GARAK);
    const req = new Request("http://localhost/api/v1/probe", {
      method: "POST",
      headers: { authorization: `Bearer ${readA}`, "content-length": String(GARAK.byteLength) },
      body: stream,
      duplex: "half",
    } as RequestInit);
    const res = await importRoute(req, { params: Promise.resolve({ id: systemId }) });
    expectProblem({ res, data: await res.json() }, 403, "FORBIDDEN");
    expect(state.pulls).toBe(0);
    expectProblem(await call(importRoute, "POST", { params: { id: systemId }, body: GARAK }), 401, "UNAUTHENTICATED");

    const real = expectProblem(await call(importRoute, "POST", { token: writeB, params: { id: systemId }, body: GARAK }), 404, "NOT_FOUND");
    const guess = expectProblem(
      await call(importRoute, "POST", { token: writeB, params: { id: "c0000000000000000000000000" }, body: GARAK }),
      404,
      "NOT_FOUND",
    );
    expect({ ...real, requestId: "" }).toEqual({ ...guess, requestId: "" });
    expect(await stored(a.orgId)).toEqual(before);

    // another organisation's import is not found either
    const mine = importSummarySchema.parse((await call(importRoute, "POST", { token: writeA, params: { id: systemId }, body: GARAK })).data);
    expectProblem(await call(getImportRoute, "GET", { token: writeB, params: { importId: mine.importId! } }), 404, "NOT_FOUND");
  });
});

describe("GET /api/v1/findings and GET /api/v1/systems/{id}/atlas-coverage", () => {
  let systemId: string;
  let otherSystemId: string;
  let importId: string;

  beforeAll(async () => {
    systemId = await newSystem("Listed target");
    otherSystemId = await newSystem("Listed elsewhere");
    // a promptfoo red-team export: many failing plugins, mapped to ATLAS techniques and OWASP items; and a garak report on both systems
    const first = await call(importRoute, "POST", { token: writeA, params: { id: systemId }, body: PROMPTFOO });
    expect(first.res.status, JSON.stringify(first.data)).toBe(201);
    importId = first.data.importId;
    for (const id of [systemId, otherSystemId]) expect((await call(importRoute, "POST", { token: writeA, params: { id }, body: GARAK })).res.status).toBe(201);
  });

  const list = async (query: string, token = readA) => {
    const result = await call(listRoute, "GET", { token, params: {}, query });
    expect(result.res.status, JSON.stringify(result.data)).toBe(200);
    return findingListSchema.parse(result.data);
  };

  it("lists the findings of every status unless filtered, with the total, paginated", async () => {
    const rows = await db.finding.findMany({ where: { orgId: a.orgId, systemId }, select: { id: true, tool: true, severity: true, techniqueIds: true } });
    expect(rows.length).toBeGreaterThan(1);
    const all = await list(`systemId=${systemId}&pageSize=200`);
    expect(all).toMatchObject({ total: rows.length, page: 1, pageSize: 200 });
    expect(all.items.map((f) => f.id).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(all.items.every((f) => f.systemId === systemId && f.systemName === "Listed target")).toBe(true);

    // a closed finding is still listed without a status filter, and not with status=open
    const closed = rows[0].id;
    await db.finding.update({ where: { id: closed }, data: { status: "mitigated", statusReason: "Filter deployed" } });
    expect((await list(`systemId=${systemId}&pageSize=200`)).items.map((f) => f.id)).toContain(closed);
    const open = await list(`systemId=${systemId}&status=open&pageSize=200`);
    expect(open.total).toBe(rows.length - 1);
    expect(open.items.map((f) => f.id)).not.toContain(closed);
    expect((await list(`systemId=${systemId}&status=mitigated`)).items.map((f) => f.id)).toEqual([closed]);

    // pages of one: the same findings in the same order as the full list
    const pages = [];
    for (let page = 1; page <= rows.length; page++) {
      const one = await list(`systemId=${systemId}&pageSize=1&page=${page}`);
      expect(one).toMatchObject({ total: rows.length, page, pageSize: 1 });
      pages.push(...one.items.map((f) => f.id));
    }
    expect(pages).toEqual(all.items.map((f) => f.id));
    expect((await list(`systemId=${systemId}&pageSize=1&page=${rows.length + 1}`)).items).toEqual([]);
  });

  it("filters by tool, severity, technique, import and system; another organisation sees none", async () => {
    const rows = await db.finding.findMany({
      where: { orgId: a.orgId, systemId },
      select: { id: true, tool: true, severity: true, techniqueIds: true, owaspIds: true },
    });
    const severity = rows[0].severity;
    const bySeverity = await list(`systemId=${systemId}&severity=${severity}&pageSize=200`);
    expect(bySeverity.items.map((f) => f.id).sort()).toEqual(
      rows
        .filter((r) => r.severity === severity)
        .map((r) => r.id)
        .sort(),
    );
    const technique = rows.flatMap((r) => r.techniqueIds)[0];
    expect(technique).toBeDefined();
    const byTechnique = await list(`systemId=${systemId}&technique=${technique}&pageSize=200`);
    expect(byTechnique.items.map((f) => f.id).sort()).toEqual(
      rows
        .filter((r) => r.techniqueIds.includes(technique))
        .map((r) => r.id)
        .sort(),
    );
    const promptfoo = rows
      .filter((r) => r.tool === "promptfoo")
      .map((r) => r.id)
      .sort();
    expect(promptfoo.length).toBeGreaterThan(0);
    expect((await list(`importId=${importId}&pageSize=200`)).items.map((f) => f.id).sort()).toEqual(promptfoo);
    expect((await list(`tool=promptfoo&systemId=${systemId}&pageSize=200`)).items.map((f) => f.id).sort()).toEqual(promptfoo);
    const garak = await list("tool=garak&pageSize=200");
    expect(garak.items.every((f) => f.tool === "garak")).toBe(true);
    expect(garak.items.map((f) => f.systemId)).toEqual(expect.arrayContaining([systemId, otherSystemId]));
    expect(garak.total).toBe(await db.finding.count({ where: { orgId: a.orgId, tool: "garak" } }));
    const owasp = rows.flatMap((r) => r.owaspIds)[0];
    expect((await list(`systemId=${systemId}&owasp=${owasp}&pageSize=200`)).items.map((f) => f.id).sort()).toEqual(
      rows
        .filter((r) => r.owaspIds.includes(owasp))
        .map((r) => r.id)
        .sort(),
    );

    const other = await list("pageSize=200", writeB);
    expect(other).toMatchObject({ items: [], total: 0 });
    expect((await list(`systemId=${systemId}`, writeB)).total).toBe(0);
  });

  it("answers unknown, invalid and repeated query parameters with 422", async () => {
    const cases: [string, string[]][] = [
      ["severity=urgent", ["severity"]],
      ["status=closed", ["status"]],
      ["technique=T1059", ["technique"]],
      ["owasp=LLM01", ["owasp"]],
      ["pageSize=500", ["pageSize"]],
      ["sistemId=x", ["sistemId"]],
      ["tool=garak&tool=promptfoo", ["tool"]],
    ];
    for (const [query, expected] of cases) {
      const problem = expectProblem(await call(listRoute, "GET", { token: readA, params: {}, query }), 422, "VALIDATION");
      expect(
        problem.errors?.map((e) => e.path),
        query,
      ).toEqual(expected);
    }
    expectProblem(await call(listRoute, "GET", { params: {} }), 401, "UNAUTHENTICATED");
  });

  it("reports a system's ATLAS coverage: profiled techniques tested, failing and never tested; 404 for another organisation", async () => {
    const results = await db.testResult.findMany({ where: { systemId }, select: { techniqueIds: true } });
    const tested = new Set(results.flatMap((r) => r.techniqueIds));
    const failing = (
      await db.finding.findFirstOrThrow({ where: { systemId, status: "open", techniqueIds: { isEmpty: false } }, select: { techniqueIds: true } })
    ).techniqueIds[0];
    const untested = getAtlasCatalog().techniques.find((t) => t.parentId === null && ![...tested].some((id) => id === t.id || id.startsWith(`${t.id}.`)))!.id;
    await addThreatProfileEntries({
      ctx: a.as("admin"),
      input: {
        systemId,
        source: "manual",
        entries: [
          { techniqueId: failing, rationale: "The chatbot takes free text from customers." },
          { techniqueId: untested, rationale: "Listed to see that it counts as never tested." },
        ],
      },
    });

    const result = await call(coverageRoute, "GET", { token: readA, params: { id: systemId } });
    expect(result.res.status, JSON.stringify(result.data)).toBe(200);
    const coverage = atlasCoverageSchema.parse(result.data);
    expect(coverage.systemId).toBe(systemId);
    expect(coverage.figures).toMatchObject({ profiled: 2, profiledTested: 1, profiledFailing: 1, profiledNeverTested: 1 });
    expect(coverage.sentence).toBe("1 of 2 profiled techniques tested, 1 failing, 1 never tested.");
    expect(coverage.techniques.find((t) => t.id === failing)).toMatchObject({ inProfile: true, tested: true, failing: true, openFindings: expect.any(Number) });
    expect(coverage.techniques.find((t) => t.id === failing)!.openFindings).toBeGreaterThan(0);
    expect(coverage.techniques.find((t) => t.id === untested)).toMatchObject({ inProfile: true, tested: false, failing: false, openFindings: 0 });
    expect(coverage.techniques.filter((t) => !t.inProfile).every((t) => tested.has(t.id) || t.failing)).toBe(true);

    const real = expectProblem(await call(coverageRoute, "GET", { token: writeB, params: { id: systemId } }), 404, "NOT_FOUND");
    const guess = expectProblem(await call(coverageRoute, "GET", { token: writeB, params: { id: "c0000000000000000000000000" } }), 404, "NOT_FOUND");
    expect({ ...real, requestId: "" }).toEqual({ ...guess, requestId: "" });
  });
});
