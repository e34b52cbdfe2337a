import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createTestOrg, type TestOrg } from "@/scripts/support/create-test-org";
import { auditSeq } from "@/tests/support/harness";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { createSystem } from "@/lib/systems/create-system";
import { problemSchema, type Problem } from "@/lib/web/http/problem";
import { buildOpenApiDocument } from "@/lib/openapi/build-openapi-document";
import { importNavigatorLayerResultSchema, threatProfileSchema } from "@/lib/threats/schemas";
import { navigatorLayerOutputSchema } from "@/lib/threats/build-navigator-layer";
import { GET as getProfileRoute, POST as addRoute } from "@/app/api/v1/systems/[id]/threat-profile/route";
import { DELETE as removeRoute } from "@/app/api/v1/systems/[id]/threat-profile/[techniqueId]/route";
import { GET as exportRoute, POST as importRoute } from "@/app/api/v1/systems/[id]/threat-profile/navigator-layer/route";

type Handler = (req: Request, segment: { params: Promise<Record<string, string>> }) => Promise<Response>;
type CallOptions = { token?: string; params: Record<string, string>; json?: unknown; raw?: string; contentType?: string; query?: string };

/** Calls an exported route handler the way Next does: a Request plus `{ params: Promise }`. */
async function call(handler: Handler, method: string, opts: CallOptions) {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.json !== undefined) {
    body = JSON.stringify(opts.json);
    headers["content-type"] = "application/json";
  } else if (opts.raw !== undefined) {
    body = opts.raw;
    if (opts.contentType) headers["content-type"] = opts.contentType;
  }
  const req = new Request(`http://localhost/api/v1/systems/${opts.params.id}/threat-profile${opts.query ? `?${opts.query}` : ""}`, { method, headers, body });
  const res = await handler(req, { params: Promise.resolve(opts.params) });
  const text = await res.text();
  return { res, data: text ? JSON.parse(text) : null };
}

function expectProblem(result: { res: Response; data: unknown }, status: number, code: Problem["code"]): Problem {
  expect(result.res.status).toBe(status);
  expect(result.res.headers.get("content-type")).toBe("application/problem+json");
  const problem = problemSchema.parse(result.data);
  expect(problem).toMatchObject({ status, code });
  return problem;
}

const paths = (problem: Problem) => (problem.errors ?? []).map((e) => e.path);

async function tokenFor(org: TestOrg, scopes: ("read" | "write")[]) {
  return (await createApiToken({ ctx: org.as("admin"), input: { name: `threat api ${scopes.join("+")}`, scopes } })).secret;
}

const RATIONALE = "Customers type free text into the chat window.";

let a: TestOrg;
let b: TestOrg;
let writeA: string;
let readA: string;
let writeB: string;
let systemId: string;

beforeAll(async () => {
  [a, b] = await Promise.all([createTestOrg("threat-api-a"), createTestOrg("threat-api-b")]);
  [writeA, readA, writeB] = await Promise.all([tokenFor(a, ["read", "write"]), tokenFor(a, ["read"]), tokenFor(b, ["write"])]);
  systemId = (await createSystem({ ctx: a.as("admin"), input: { name: "API chatbot" } })).id;
});

describe("POST/GET/DELETE /api/v1/systems/{id}/threat-profile", () => {
  it("adds techniques (201 with the profile), reads them back and removes one (204)", async () => {
    const added = await call(addRoute, "POST", {
      token: writeA,
      params: { id: systemId },
      json: {
        source: "manual",
        entries: [
          { techniqueId: "AML.T0051", rationale: RATIONALE },
          { techniqueId: "AML.T0054", rationale: RATIONALE },
        ],
      },
    });
    expect(added.res.status).toBe(201);
    expect(added.res.headers.get("location")).toBe(`/api/v1/systems/${systemId}/threat-profile`);
    expect(threatProfileSchema.parse(added.data).entries.map((e) => e.techniqueId)).toEqual(["AML.T0051", "AML.T0054"]);

    const read = await call(getProfileRoute, "GET", { token: readA, params: { id: systemId } });
    expect(read.res.status).toBe(200);
    expect(read.res.headers.get("cache-control")).toBe("no-store");
    expect(read.data).toEqual(added.data);

    const removed = await call(removeRoute, "DELETE", { token: writeA, params: { id: systemId, techniqueId: "AML.T0054" } });
    expect(removed.res.status).toBe(204);
    expect(removed.data).toBeNull();
    expect(
      (await call(getProfileRoute, "GET", { token: readA, params: { id: systemId } })).data.entries.map((e: { techniqueId: string }) => e.techniqueId),
    ).toEqual(["AML.T0051"]);
    expectProblem(await call(removeRoute, "DELETE", { token: writeA, params: { id: systemId, techniqueId: "AML.T0054" } }), 404, "NOT_FOUND");
  });

  it("answers bad input with 422 and field paths, writing nothing", async () => {
    const before = await auditSeq(a.orgId);
    const cases: [unknown, string[]][] = [
      [{ source: "manual", entries: [{ techniqueId: "AML.T0057", rationale: "too short" }] }, ["entries.0.rationale"]],
      [{ source: "manual", entries: [{ techniqueId: "AML.T9999", rationale: RATIONALE }] }, ["entries.0.techniqueId"]],
      [{ source: "guessed", entries: [{ techniqueId: "nope", rationale: RATIONALE }] }, ["entries.0.techniqueId", "source"]],
      [{ source: "manual", entries: [{ techniqueId: "AML.T0057", rationale: RATIONALE }], colour: "red" }, ["colour"]],
      [[], ["(body)"]],
    ];
    for (const [json, expected] of cases) {
      const problem = expectProblem(await call(addRoute, "POST", { token: writeA, params: { id: systemId }, json }), 422, "VALIDATION");
      expect(paths(problem).sort(), JSON.stringify(json)).toEqual(expected);
    }
    expect(
      paths(expectProblem(await call(removeRoute, "DELETE", { token: writeA, params: { id: systemId, techniqueId: "T1059" } }), 422, "VALIDATION")),
    ).toEqual(["techniqueId"]);
    expectProblem(await call(addRoute, "POST", { token: writeA, params: { id: systemId }, raw: "{", contentType: "application/json" }), 400, "MALFORMED_JSON");
    expectProblem(
      await call(addRoute, "POST", { token: writeA, params: { id: systemId }, raw: "x", contentType: "text/plain" }),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    );
    expect(await auditSeq(a.orgId)).toBe(before);
  });

  it("answers a technique already in the profile with 409 naming it", async () => {
    const problem = expectProblem(
      await call(addRoute, "POST", {
        token: writeA,
        params: { id: systemId },
        json: { source: "manual", entries: [{ techniqueId: "AML.T0051", rationale: RATIONALE }] },
      }),
      409,
      "CONFLICT",
    );
    expect(problem.detail).toContain("AML.T0051 (entries.0.techniqueId)");
  });

  it("refuses a read-only token (403 before the body is read), no token (401), and another organisation's token (404)", async () => {
    const before = await auditSeq(a.orgId);
    expectProblem(await call(addRoute, "POST", { token: readA, params: { id: systemId }, json: { nonsense: true } }), 403, "FORBIDDEN");
    expectProblem(await call(removeRoute, "DELETE", { token: readA, params: { id: systemId, techniqueId: "AML.T0051" } }), 403, "FORBIDDEN");
    expectProblem(await call(importRoute, "POST", { token: readA, params: { id: systemId }, json: { techniques: [] } }), 403, "FORBIDDEN");
    const anonymous = await call(getProfileRoute, "GET", { params: { id: systemId } });
    expectProblem(anonymous, 401, "UNAUTHENTICATED");
    expect(anonymous.res.headers.get("www-authenticate")).toBe('Bearer realm="aigov"');
    expectProblem(await call(getProfileRoute, "GET", { token: writeB, params: { id: systemId } }), 404, "NOT_FOUND");
    expectProblem(
      await call(addRoute, "POST", {
        token: writeB,
        params: { id: systemId },
        json: { source: "manual", entries: [{ techniqueId: "AML.T0057", rationale: RATIONALE }] },
      }),
      404,
      "NOT_FOUND",
    );
    expectProblem(await call(removeRoute, "DELETE", { token: writeB, params: { id: systemId, techniqueId: "AML.T0051" } }), 404, "NOT_FOUND");
    expectProblem(await call(exportRoute, "GET", { token: writeB, params: { id: systemId } }), 404, "NOT_FOUND");
    expect(await auditSeq(a.orgId)).toBe(before);
  });
});

describe("GET/POST /api/v1/systems/{id}/threat-profile/navigator-layer", () => {
  it("exports the layer as an attachment", async () => {
    const { res, data } = await call(exportRoute, "GET", { token: readA, params: { id: systemId } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="atlas-layer-api-chatbot-\d{4}-\d{2}-\d{2}\.json"$/);
    const layer = navigatorLayerOutputSchema.parse(data);
    expect(layer.techniques.map((t) => t.techniqueID)).toEqual(["AML.T0051"]);
    expect(layer.versions).toEqual({ layer: "4.3", navigator: "4.6.4" });
  });

  it("imports a layer file sent as the body, with the rationale from the query", async () => {
    const target = (await createSystem({ ctx: a.as("admin"), input: { name: "Layer target" } })).id;
    const layer = {
      name: "Review",
      domain: "atlas-atlas",
      techniques: [{ techniqueID: "AML.T0024", tactic: "exfiltration", score: 8 }],
      filters: { platforms: ["x"] },
    };
    const { res, data } = await call(importRoute, "POST", {
      token: writeA,
      params: { id: target },
      json: layer,
      query: `rationale=${encodeURIComponent("From the quarterly threat review.")}`,
    });
    expect(res.status).toBe(200);
    expect(importNavigatorLayerResultSchema.parse(data)).toEqual({
      added: [{ techniqueId: "AML.T0024", name: "Exfiltration via AI Inference API", rationale: "From the quarterly threat review." }],
      skipped: [],
      ignored: 0,
    });
  });

  it("refuses a layer with an unknown technique id with 422 naming techniques.<n>.techniqueID, and a bad rationale with its query name", async () => {
    const target = (await createSystem({ ctx: a.as("admin"), input: { name: "Refused layer" } })).id;
    const before = await auditSeq(a.orgId);
    const unknown = expectProblem(
      await call(importRoute, "POST", {
        token: writeA,
        params: { id: target },
        json: {
          techniques: [
            { techniqueID: "AML.T0024", score: 3 },
            { techniqueID: "AML.T0024.999", score: 3 },
          ],
        },
      }),
      422,
      "VALIDATION",
    );
    expect(paths(unknown)).toEqual(["techniques.1.techniqueID"]);
    expect(
      paths(
        expectProblem(
          await call(importRoute, "POST", { token: writeA, params: { id: target }, json: { techniques: [] }, query: "rationale=short" }),
          422,
          "VALIDATION",
        ),
      ),
    ).toEqual(["rationale"]);
    expect(
      paths(
        expectProblem(
          await call(importRoute, "POST", { token: writeA, params: { id: target }, json: { techniques: [] }, query: "colour=red" }),
          422,
          "VALIDATION",
        ),
      ),
    ).toEqual(["colour"]);
    expect(
      paths(expectProblem(await call(importRoute, "POST", { token: writeA, params: { id: target }, json: { name: 5 } }), 422, "VALIDATION")).sort(),
    ).toEqual(["name", "techniques"]);
    expect(await db.threatProfileEntry.count({ where: { systemId: target } })).toBe(0);
    expect(await auditSeq(a.orgId)).toBe(before);
  });
});

describe("OpenAPI", () => {
  it("documents the threat-profile operations with their problem responses", () => {
    const doc = buildOpenApiDocument() as {
      paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.paths["/systems/{id}/threat-profile"].get.operationId).toBe("getThreatProfile");
    expect(Object.keys(doc.paths["/systems/{id}/threat-profile"].post.responses)).toEqual(
      expect.arrayContaining(["201", "400", "401", "403", "404", "409", "413", "415", "422"]),
    );
    expect(Object.keys(doc.paths["/systems/{id}/threat-profile/{techniqueId}"].delete.responses)).toEqual(expect.arrayContaining(["204", "401", "404", "422"]));
    expect(doc.paths["/systems/{id}/threat-profile/navigator-layer"].get.operationId).toBe("exportNavigatorLayer");
    expect(doc.paths["/systems/{id}/threat-profile/navigator-layer"].post.operationId).toBe("importNavigatorLayer");
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(["AddThreatProfileEntries", "ThreatProfile", "NavigatorLayer", "NavigatorLayerUpload", "NavigatorLayerImportResult"]),
    );
  });
});
