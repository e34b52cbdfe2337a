import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createTestOrg, type TestOrg } from "@/scripts/support/create-test-org";
import { expectAppError } from "@/tests/support/harness";
import { createSystem } from "@/lib/systems/create-system";
import { archiveSystem } from "@/lib/systems/archive-system";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { problemSchema, type Problem } from "@/lib/web/http/problem";
import { buildOpenApiDocument } from "@/lib/openapi/build-openapi-document";
import { createRisk } from "@/lib/risks/create-risk";
import { updateRisk } from "@/lib/risks/update-risk";
import { acceptRisk } from "@/lib/risks/accept-risk";
import { deleteRisk } from "@/lib/risks/delete-risk";
import { getRisk } from "@/lib/risks/get-risk";
import { listRisks } from "@/lib/risks/list-risks";
import { listEntityHistory } from "@/lib/audit/list-entity-history";
import { listRiskApprovers } from "@/lib/risks/list-risk-approvers";
import { riskDetailSchema, riskListSchema, type CreateRiskInput } from "@/lib/risks/schemas";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/systems/[id]/risks/route";
import { DELETE as deleteRoute, GET as getRoute, PATCH as patchRoute } from "@/app/api/v1/risks/[riskId]/route";
import { POST as acceptRoute } from "@/app/api/v1/risks/[riskId]/accept/route";

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

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

async function call(handler: Handler, method: string, opts: CallOptions = {}) {
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
  const req = new Request(`http://localhost/api/v1/test${opts.query ? `?${opts.query}` : ""}`, { method, headers, body });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
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

/** Everything a call could have written in the organisation. */
async function writeState(orgId: string) {
  const [org, risks, controls] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { auditSeq: true, auditHeadHash: true } }),
    db.risk.findMany({ where: { orgId }, orderBy: { id: "asc" } }),
    db.riskControl.findMany({ where: { orgId }, orderBy: { id: "asc" } }),
  ]);
  return { ...org, risks, controls };
}

async function eventsSince(orgId: string, seq: number) {
  return db.auditEvent.findMany({ where: { orgId, seq: { gt: seq } }, orderBy: { seq: "asc" } });
}

let org: TestOrg;
let systemId: string;
let archivedSystemId: string;
let outsiderId: string;
const base = { title: "Prompt injection via uploaded CVs", category: "security" as const, inherentLikelihood: 4, inherentImpact: 4 };

beforeAll(async () => {
  org = await createTestOrg("risk-reg");
  systemId = (await createSystem({ ctx: org.as("admin"), input: { name: "CV screening", ownerId: org.users.risk_owner.id } })).id;
  archivedSystemId = (await createSystem({ ctx: org.as("admin"), input: { name: "Retired" } })).id;
  await archiveSystem({ ctx: org.as("admin"), input: { id: archivedSystemId } });
  const other = await createTestOrg("risk-reg-other");
  outsiderId = other.users.executive.id;
});

const newRisk = (risk: Partial<CreateRiskInput> = {}, ctx = org.as("compliance_officer")) =>
  createRisk({ ctx, input: { systemId, risk: { ...base, ...risk } } });

// ---------------------------------------------------------------------------------------------
// Verbs
// ---------------------------------------------------------------------------------------------

describe("createRisk", () => {
  it("creates a risk with scores, catalog links and controls, and one audit event on the system", async () => {
    const before = await writeState(org.orgId);
    const risk = await newRisk({
      description: "Hidden instructions in CV text",
      techniqueIds: ["AML.T0051", "AML.T0051.001"],
      owaspIds: ["LLM01:2025", "ASI01:2026"],
      residualLikelihood: 2,
      residualImpact: 3,
      ownerId: org.users.risk_owner.id,
      dueDate: "2026-12-31",
      controls: [
        { framework: "iso42001", controlId: "A.6.2.4" },
        { framework: "eu_ai_act", controlId: "Art 15" },
      ],
    });
    expect(riskDetailSchema.parse(risk)).toMatchObject({
      systemId,
      title: base.title,
      status: "open",
      treatment: "mitigate",
      version: 1,
      dueDate: "2026-12-31",
      inherent: { likelihood: 4, impact: 4, score: 16, level: { key: "high" } },
      residual: { likelihood: 2, impact: 3, score: 6, level: { key: "medium" } },
      owner: { id: org.users.risk_owner.id, name: expect.any(String) },
      system: { id: systemId, name: "CV screening" },
      acceptance: null,
    });
    expect(risk.controls).toEqual([
      { framework: "eu_ai_act", controlId: "Art 15", title: expect.any(String) },
      { framework: "iso42001", controlId: "A.6.2.4", title: expect.any(String) },
    ]);
    const events = await eventsSince(org.orgId, before.auditSeq);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "risk.create", entityType: "risk", entityId: risk.id, subjectId: systemId });
    expect(events[0].changes).toMatchObject({
      title: { before: null, after: base.title },
      controls: { before: null, after: ["eu_ai_act:Art 15", "iso42001:A.6.2.4"] },
      dueDate: { after: "2026-12-31" },
    });
  });

  it.each([
    [{ techniqueIds: ["AML.T0051", "AML.T0000.999"] }, "techniqueIds.1"],
    [{ owaspIds: ["LLM11:2025"] }, "owaspIds.0"],
    [{ controls: [{ framework: "iso42001", controlId: "A.99" }] }, "controls.0.controlId"],
    [{ controls: [{ framework: "sox", controlId: "1" }] }, "controls.0.framework"],
    [{ inherentLikelihood: 0 }, "inherentLikelihood"],
    [{ residualLikelihood: 3 }, "residualImpact"],
    [{ status: "accepted" }, "status"],
    [{ treatment: "accept" }, "treatment"],
    [{ dueDate: "next week" }, "dueDate"],
    [{ title: " " }, "title"],
  ] as [Partial<CreateRiskInput>, string][])("refuses %j with VALIDATION at %s and writes nothing", async (risk, path) => {
    const before = await writeState(org.orgId);
    const error = await expectAppError(newRisk(risk), "VALIDATION");
    expect(error.issues.map((i) => i.path)).toContain(path);
    expect(await writeState(org.orgId)).toEqual(before);
  });

  it("needs the owner to be a member, and a system that is not archived", async () => {
    const before = await writeState(org.orgId);
    expect((await expectAppError(newRisk({ ownerId: outsiderId }), "VALIDATION")).issues).toEqual([{ path: "ownerId", message: expect.any(String) }]);
    await expectAppError(createRisk({ ctx: org.as("admin"), input: { systemId: archivedSystemId, risk: base } }), "CONFLICT");
    await expectAppError(createRisk({ ctx: org.as("admin"), input: { systemId: "c-does-not-exist", risk: base } }), "NOT_FOUND");
    expect(await writeState(org.orgId)).toEqual(before);
  });
});

describe("updateRisk", () => {
  it("edits with optimistic concurrency: one event per saved edit, stale versions refused, no-ops write nothing", async () => {
    const risk = await newRisk({ controls: [{ framework: "iso42001", controlId: "A.6.2.4" }] });
    const seq = (await writeState(org.orgId)).auditSeq;
    const edited = await updateRisk({
      ctx: org.as("admin"),
      input: {
        id: risk.id,
        patch: { treatmentPlan: "Sanitise inputs", status: "in_treatment", controls: [{ framework: "nist_ai_rmf", controlId: "MEASURE 2.7" }], version: 1 },
      },
    });
    expect(edited).toMatchObject({
      version: 2,
      status: "in_treatment",
      treatmentPlan: "Sanitise inputs",
      controls: [{ framework: "nist_ai_rmf", controlId: "MEASURE 2.7", title: expect.any(String) }],
    });
    const events = await eventsSince(org.orgId, seq);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "risk.update", entityId: risk.id, subjectId: systemId });
    expect(events[0].changes).toEqual({
      treatmentPlan: { before: "", after: "Sanitise inputs" },
      status: { before: "open", after: "in_treatment" },
      controls: { before: ["iso42001:A.6.2.4"], after: ["nist_ai_rmf:MEASURE 2.7"] },
    });

    const before = await writeState(org.orgId);
    const stale = await expectAppError(updateRisk({ ctx: org.as("admin"), input: { id: risk.id, patch: { title: "Overwrite", version: 1 } } }), "CONFLICT");
    expect(stale.message).toMatch(/version 1.*version 2/);
    // unchanged values: nothing written, even with the current version
    await updateRisk({ ctx: org.as("admin"), input: { id: risk.id, patch: { status: "in_treatment", version: 2 } } });
    expect(await writeState(org.orgId)).toEqual(before);
  });

  it("refuses to set acceptance directly and checks the residual pair against the stored values", async () => {
    const risk = await newRisk({ residualLikelihood: 2, residualImpact: 2 });
    const before = await writeState(org.orgId);
    expect(
      (await expectAppError(updateRisk({ ctx: org.as("admin"), input: { id: risk.id, patch: { status: "accepted", version: 1 } } }), "VALIDATION")).issues.map(
        (i) => i.path,
      ),
    ).toEqual(["status"]);
    expect(
      (await expectAppError(updateRisk({ ctx: org.as("admin"), input: { id: risk.id, patch: { treatment: "accept", version: 1 } } }), "VALIDATION")).issues.map(
        (i) => i.path,
      ),
    ).toEqual(["treatment"]);
    expect(
      (
        await expectAppError(updateRisk({ ctx: org.as("admin"), input: { id: risk.id, patch: { residualImpact: null, version: 1 } } }), "VALIDATION")
      ).issues.map((i) => i.path),
    ).toEqual(["residualImpact"]);
    expect(
      (await expectAppError(updateRisk({ ctx: org.as("admin"), input: { id: risk.id, patch: { ownerId: outsiderId, version: 1 } } }), "VALIDATION")).issues.map(
        (i) => i.path,
      ),
    ).toEqual(["ownerId"]);
    expect(
      (
        await expectAppError(
          updateRisk({ ctx: org.as("admin"), input: { id: risk.id, patch: { techniqueIds: ["AML.T0051", "AML.T9"], version: 1 } } }),
          "VALIDATION",
        )
      ).issues.map((i) => i.path),
    ).toEqual(["techniqueIds.1"]);
    expect(await writeState(org.orgId)).toEqual(before);
    // both residual ratings cleared together is fine
    expect(
      await updateRisk({ ctx: org.as("admin"), input: { id: risk.id, patch: { residualLikelihood: null, residualImpact: null, version: 1 } } }),
    ).toMatchObject({ residual: null, version: 2 });
  });
});

describe("acceptRisk", () => {
  const reason = "Residual risk within appetite; compensating monitoring in place.";

  it("accepts with an executive as the named approver: treatment, status, approver, date and reason in one event", async () => {
    const risk = await newRisk();
    const seq = (await writeState(org.orgId)).auditSeq;
    const accepted = await acceptRisk({
      ctx: org.as("compliance_officer"),
      input: { id: risk.id, approverId: org.users.executive.id, reason: `  ${reason} `, version: 1 },
    });
    expect(accepted).toMatchObject({
      treatment: "accept",
      status: "accepted",
      version: 2,
      acceptance: { approver: { id: org.users.executive.id, name: expect.any(String) }, reason, acceptedAt: expect.any(String) },
    });
    const row = await db.risk.findUniqueOrThrow({ where: { id: risk.id } });
    expect(row).toMatchObject({ acceptedById: org.users.executive.id, acceptanceReason: reason, treatment: "accept", status: "accepted" });
    expect(row.acceptedAt).toBeInstanceOf(Date);
    const events = await eventsSince(org.orgId, seq);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "risk.accept", entityType: "risk", entityId: risk.id, subjectId: systemId });
    expect(events[0].changes).toMatchObject({
      status: { before: "open", after: "accepted" },
      treatment: { before: "mitigate", after: "accept" },
      acceptedById: { before: null, after: org.users.executive.id },
      acceptanceReason: { before: "", after: reason },
      approver: { before: null, after: expect.stringContaining("Executive") },
    });
    // already accepted
    await expectAppError(acceptRisk({ ctx: org.as("admin"), input: { id: risk.id, approverId: org.users.admin.id, reason, version: 2 } }), "CONFLICT");

    // the history page reads these events
    const history = await listEntityHistory({ ctx: org.as("auditor"), input: { entity: "risk", id: risk.id } });
    expect(history.map((h) => h.action)).toEqual(["risk.accept", "risk.create"]);
  });

  it("lists admins, compliance officers and executives as eligible approvers", async () => {
    const approvers = await listRiskApprovers({ ctx: org.as("risk_owner") });
    expect(approvers.map((a) => a.role).sort()).toEqual(["admin", "compliance_officer", "executive"]);
  });

  it.each([
    ["an auditor", () => ({ approverId: org.users.auditor.id, reason }), "VALIDATION", "approverId"],
    ["a risk owner", () => ({ approverId: org.users.risk_owner.id, reason }), "VALIDATION", "approverId"],
    ["a member of another organisation", () => ({ approverId: outsiderId, reason }), "VALIDATION", "approverId"],
    ["an unknown user id", () => ({ approverId: "c-nobody", reason }), "VALIDATION", "approverId"],
    ["no reason", () => ({ approverId: org.users.executive.id }), "VALIDATION", "reason"],
    ["a reason under 10 characters", () => ({ approverId: org.users.executive.id, reason: "   ok fine " }), "VALIDATION", "reason"],
    ["no approver", () => ({ reason }), "VALIDATION", "approverId"],
  ] as const)("refuses %s as approver/reason and writes nothing", async (_name, body, code, path) => {
    const risk = await newRisk();
    const before = await writeState(org.orgId);
    const error = await expectAppError(acceptRisk({ ctx: org.as("admin"), input: { id: risk.id, version: 1, ...body() } as never }), code);
    expect(error.issues.map((i) => i.path)).toEqual([path]);
    expect(await writeState(org.orgId)).toEqual(before);
  });

  it("refuses a stale version", async () => {
    const risk = await newRisk();
    await updateRisk({ ctx: org.as("admin"), input: { id: risk.id, patch: { title: "Renamed", version: 1 } } });
    const before = await writeState(org.orgId);
    await expectAppError(acceptRisk({ ctx: org.as("admin"), input: { id: risk.id, approverId: org.users.admin.id, reason, version: 1 } }), "CONFLICT");
    expect(await writeState(org.orgId)).toEqual(before);
  });

  it("withdraws an acceptance when the treatment changes, which then needs a new status", async () => {
    const risk = await newRisk();
    await acceptRisk({ ctx: org.as("admin"), input: { id: risk.id, approverId: org.users.compliance_officer.id, reason, version: 1 } });
    const error = await expectAppError(
      updateRisk({ ctx: org.as("admin"), input: { id: risk.id, patch: { treatment: "mitigate", version: 2 } } }),
      "VALIDATION",
    );
    expect(error.issues.map((i) => i.path)).toEqual(["status"]);
    // re-saving the accepted values unchanged is not "setting" them
    await updateRisk({
      ctx: org.as("admin"),
      input: { id: risk.id, patch: { status: "accepted", treatment: "accept", description: "Still accepted", version: 2 } },
    });
    const reopened = await updateRisk({ ctx: org.as("admin"), input: { id: risk.id, patch: { treatment: "mitigate", status: "in_treatment", version: 3 } } });
    expect(reopened).toMatchObject({ treatment: "mitigate", status: "in_treatment", acceptance: null, version: 4 });
    const row = await db.risk.findUniqueOrThrow({ where: { id: risk.id } });
    expect(row).toMatchObject({ acceptedById: null, acceptedAt: null, acceptanceReason: "" });
    const [event] = await db.auditEvent.findMany({ where: { orgId: org.orgId, entityId: risk.id }, orderBy: { seq: "desc" }, take: 1 });
    expect(event.changes).toMatchObject({
      acceptedById: { before: org.users.compliance_officer.id, after: null },
      acceptanceReason: { before: reason, after: "" },
    });
  });
});

describe("deleteRisk", () => {
  it("deletes the risk and its control links with one event that keeps every field", async () => {
    const risk = await newRisk({ controls: [{ framework: "iso42001", controlId: "A.6.2.4" }], techniqueIds: ["AML.T0051"] });
    const seq = (await writeState(org.orgId)).auditSeq;
    await deleteRisk({ ctx: org.as("admin"), input: { id: risk.id } });
    expect(await db.risk.count({ where: { id: risk.id } })).toBe(0);
    expect(await db.riskControl.count({ where: { riskId: risk.id } })).toBe(0);
    const events = await eventsSince(org.orgId, seq);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "risk.delete", entityId: risk.id, subjectId: systemId });
    expect(events[0].changes).toMatchObject({
      title: { before: base.title, after: null },
      techniqueIds: { before: ["AML.T0051"], after: null },
      controls: { before: ["iso42001:A.6.2.4"] },
    });
    await expectAppError(getRisk({ ctx: org.as("admin"), input: { id: risk.id } }), "NOT_FOUND");
    await expectAppError(deleteRisk({ ctx: org.as("admin"), input: { id: risk.id } }), "NOT_FOUND");
  });
});

describe("listRisks filters", () => {
  it("filters by category, status, owner, technique and text, and sorts by score", async () => {
    const local = await createTestOrg("risk-filter");
    const sys = (await createSystem({ ctx: local.as("admin"), input: { name: "Filtered" } })).id;
    const mk = (risk: Partial<CreateRiskInput>) => createRisk({ ctx: local.as("admin"), input: { systemId: sys, risk: { ...base, ...risk } } });
    const a = await mk({ title: "Alpha 100% leak_x", category: "privacy", inherentLikelihood: 1, inherentImpact: 2, ownerId: local.users.executive.id });
    const b = await mk({ title: "Bravo", category: "security", inherentLikelihood: 5, inherentImpact: 5, techniqueIds: ["AML.T0051"] });
    const c = await mk({ title: "Charlie", description: "bias in ranking", category: "fairness", inherentLikelihood: 3, inherentImpact: 3, status: "closed" });
    const ids = async (input: object) => (await listRisks({ ctx: local.as("auditor"), input })).items.map((r) => r.id);
    expect(await ids({})).toEqual([b.id, c.id, a.id]);
    expect(await ids({ dir: "asc" })).toEqual([a.id, c.id, b.id]);
    expect(await ids({ sort: "title", dir: "asc" })).toEqual([a.id, b.id, c.id]);
    expect(await ids({ category: "privacy" })).toEqual([a.id]);
    expect(await ids({ status: "closed" })).toEqual([c.id]);
    expect(await ids({ ownerId: local.users.executive.id })).toEqual([a.id]);
    expect(await ids({ techniqueId: "AML.T0051" })).toEqual([b.id]);
    expect(await ids({ q: "BIAS" })).toEqual([c.id]);
    expect(await ids({ q: "100%" })).toEqual([a.id]);
    expect(await ids({ q: "_x" })).toEqual([a.id]);
    expect(await ids({ q: "%" })).toEqual([a.id]);
    expect(await ids({ basis: "residual", level: "low" })).toEqual([]);
    const paged = await listRisks({ ctx: local.as("auditor"), input: { pageSize: 2, page: 2 } });
    expect(paged).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(paged.items.map((r) => r.id)).toEqual([a.id]);
  });
});

// ---------------------------------------------------------------------------------------------
// REST
// ---------------------------------------------------------------------------------------------

describe("REST API", () => {
  let write: string;
  let read: string;

  beforeAll(async () => {
    write = (await createApiToken({ ctx: org.as("admin"), input: { name: "risk write", scopes: ["read", "write"] } })).secret;
    read = (await createApiToken({ ctx: org.as("admin"), input: { name: "risk read", scopes: ["read"] } })).secret;
  });

  it("creates (201, Location, ETag), reads, edits with If-Match, accepts and deletes (204)", async () => {
    const created = await call(createRoute, "POST", {
      token: write,
      params: { id: systemId },
      json: { ...base, techniqueIds: ["AML.T0051"], residualLikelihood: 1, residualImpact: 2 },
    });
    expect(created.res.status).toBe(201);
    const risk = riskDetailSchema.parse(created.data);
    expect(created.res.headers.get("location")).toBe(`/api/v1/risks/${risk.id}`);
    expect(created.res.headers.get("etag")).toBe('"1"');
    expect(risk).toMatchObject({
      inherent: { score: 16, level: { key: "high", label: "High", color: "#ea580c" } },
      residual: { score: 2, level: { key: "low" } },
    });
    expect(Object.keys(created.data)).not.toContain("orgId");

    const fetched = await call(getRoute, "GET", { token: read, params: { riskId: risk.id } });
    expect(fetched.res.status).toBe(200);
    expect(fetched.data).toEqual(created.data);

    const listed = riskListSchema.parse(
      (await call(listRoute, "GET", { token: read, params: { id: systemId }, query: "techniqueId=AML.T0051&level=high" })).data,
    );
    expect(listed.items.map((r) => r.id)).toContain(risk.id);

    const patched = await call(patchRoute, "PATCH", {
      token: write,
      params: { riskId: risk.id },
      json: { status: "in_treatment" },
      headers: { "if-match": '"1"' },
    });
    expect(patched.res.status).toBe(200);
    expect(patched.res.headers.get("etag")).toBe('"2"');
    const stale = expectProblem(
      await call(patchRoute, "PATCH", { token: write, params: { riskId: risk.id }, json: { title: "x" }, headers: { "if-match": '"1"' } }),
      409,
      "CONFLICT",
    );
    expect(stale.detail).toMatch(/version/);
    expect(
      paths(
        expectProblem(
          await call(patchRoute, "PATCH", { token: write, params: { riskId: risk.id }, json: { title: "x", version: 3 }, headers: { "if-match": '"2"' } }),
          422,
          "VALIDATION",
        ),
      ),
    ).toEqual(["version"]);

    const accepted = await call(acceptRoute, "POST", {
      token: write,
      params: { riskId: risk.id },
      json: { approverId: org.users.executive.id, reason: "Accepted by the board on 2026-11-20", version: 2 },
    });
    expect(accepted.res.status).toBe(200);
    expect(riskDetailSchema.parse(accepted.data)).toMatchObject({
      status: "accepted",
      treatment: "accept",
      acceptance: { approver: { id: org.users.executive.id } },
    });
    const event = await db.auditEvent.findFirstOrThrow({ where: { orgId: org.orgId, entityId: risk.id, action: "risk.accept" } });
    expect(event).toMatchObject({ actorType: "token" });

    const deleted = await call(deleteRoute, "DELETE", { token: write, params: { riskId: risk.id } });
    expect(deleted.res.status).toBe(204);
    expect(deleted.data).toBeNull();
    expectProblem(await call(getRoute, "GET", { token: read, params: { riskId: risk.id } }), 404, "NOT_FOUND");
  });

  it.each([
    ["a missing title and category", { inherentLikelihood: 3, inherentImpact: 3 }, ["title", "category"]],
    ["an unknown technique id", { ...base, techniqueIds: ["AML.T0051", "AML.T9999.000"] }, ["techniqueIds.1"]],
    ["an unknown OWASP id", { ...base, owaspIds: ["LLM01:2023"] }, ["owaspIds.0"]],
    [
      "an unknown control",
      {
        ...base,
        controls: [
          { framework: "iso42001", controlId: "A.6.2.4" },
          { framework: "eu_ai_act", controlId: "Art 999" },
        ],
      },
      ["controls.1.controlId"],
    ],
    ["ratings out of range and as strings", { ...base, inherentLikelihood: 9, inherentImpact: "3" }, ["inherentLikelihood", "inherentImpact"]],
    ["an unknown field", { ...base, orgId: "other" }, ["orgId"]],
    ["acceptance without the accept endpoint", { ...base, status: "accepted" }, ["status"]],
    ["a body that is not an object", [base], ["(body)"]],
  ])("POST refuses %s with 422 naming the fields and writes nothing", async (_name, json, expected) => {
    const before = await writeState(org.orgId);
    const problem = expectProblem(await call(createRoute, "POST", { token: write, params: { id: systemId }, json }), 422, "VALIDATION");
    expect(paths(problem).sort()).toEqual([...expected].sort());
    expect(await writeState(org.orgId)).toEqual(before);
  });

  it("PATCH and accept refuse bad input with 422 and paths, and write nothing", async () => {
    const risk = await newRisk();
    const before = await writeState(org.orgId);
    expect(
      paths(expectProblem(await call(patchRoute, "PATCH", { token: write, params: { riskId: risk.id }, json: { title: "" } }), 422, "VALIDATION")).sort(),
    ).toEqual(["title", "version"]);
    expect(
      paths(
        expectProblem(
          await call(patchRoute, "PATCH", { token: write, params: { riskId: risk.id }, json: { treatment: "accept", version: 1 } }),
          422,
          "VALIDATION",
        ),
      ),
    ).toEqual(["treatment"]);
    expect(
      paths(
        expectProblem(
          await call(acceptRoute, "POST", { token: write, params: { riskId: risk.id }, json: { approverId: org.users.executive.id, version: 1 } }),
          422,
          "VALIDATION",
        ),
      ),
    ).toEqual(["reason"]);
    expect(
      paths(
        expectProblem(
          await call(acceptRoute, "POST", {
            token: write,
            params: { riskId: risk.id },
            json: { approverId: org.users.auditor.id, reason: "Long enough reason", version: 1 },
          }),
          422,
          "VALIDATION",
        ),
      ),
    ).toEqual(["approverId"]);
    expect(paths(expectProblem(await call(acceptRoute, "POST", { token: write, params: { riskId: risk.id }, json: "accept" }), 422, "VALIDATION"))).toEqual([
      "(body)",
    ]);
    expect(
      paths(
        expectProblem(await call(listRoute, "GET", { token: read, params: { id: systemId }, query: "basis=current&sort=risk&systemId=x" }), 422, "VALIDATION"),
      ).sort(),
    ).toEqual(["basis", "sort", "systemId"]);
    expectProblem(await call(createRoute, "POST", { token: write, params: { id: systemId }, raw: "{ not json" }), 400, "MALFORMED_JSON");
    expectProblem(
      await call(createRoute, "POST", { token: write, params: { id: systemId }, raw: JSON.stringify(base), contentType: "text/plain" }),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    );
    expect(await writeState(org.orgId)).toEqual(before);
  });

  it("needs a token (401) and the write scope for changes (403)", async () => {
    const risk = await newRisk();
    const before = await writeState(org.orgId);
    const unauth = expectProblem(await call(listRoute, "GET", { params: { id: systemId } }), 401, "UNAUTHENTICATED");
    expect(unauth.status).toBe(401);
    expectProblem(await call(createRoute, "POST", { token: read, params: { id: systemId }, json: base }), 403, "FORBIDDEN");
    expectProblem(await call(createRoute, "POST", { token: read, params: { id: systemId }, raw: "{ not json" }), 403, "FORBIDDEN");
    expectProblem(await call(patchRoute, "PATCH", { token: read, params: { riskId: risk.id }, json: { title: "x", version: 1 } }), 403, "FORBIDDEN");
    expectProblem(
      await call(acceptRoute, "POST", {
        token: read,
        params: { riskId: risk.id },
        json: { approverId: org.users.admin.id, reason: "Long enough reason", version: 1 },
      }),
      403,
      "FORBIDDEN",
    );
    expectProblem(await call(deleteRoute, "DELETE", { token: read, params: { riskId: risk.id } }), 403, "FORBIDDEN");
    expect(await writeState(org.orgId)).toEqual(before);
  });

  it("404s for unknown systems and risks", async () => {
    expectProblem(await call(listRoute, "GET", { token: read, params: { id: "c-unknown" } }), 404, "NOT_FOUND");
    expectProblem(await call(createRoute, "POST", { token: write, params: { id: "c-unknown" }, json: base }), 404, "NOT_FOUND");
    expectProblem(await call(getRoute, "GET", { token: read, params: { riskId: "c-unknown" } }), 404, "NOT_FOUND");
  });

  it("is described in the OpenAPI document", () => {
    const doc = buildOpenApiDocument() as { paths: Record<string, Record<string, { operationId: string }>>; components: { schemas: Record<string, unknown> } };
    expect(doc.paths["/systems/{id}/risks"].get.operationId).toBe("listSystemRisks");
    expect(doc.paths["/systems/{id}/risks"].post.operationId).toBe("createRisk");
    expect(
      Object.keys(doc.paths["/risks/{riskId}"])
        .filter((k) => k !== "parameters")
        .sort(),
    ).toEqual(["delete", "get", "patch"]);
    expect(doc.paths["/risks/{riskId}/accept"].post.operationId).toBe("acceptRisk");
    expect(doc.paths["/risk-matrix"].get.operationId).toBe("getRiskMatrix");
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(["CreateRisk", "UpdateRisk", "AcceptRisk", "RiskDetail", "RiskList", "RiskMatrix"]),
    );
  });
});

describe("audit chain", () => {
  it("stays intact after all of the above", async () => {
    await expect(verifyAuditChain({ ctx: org.as("admin") })).resolves.toMatchObject({ ok: true });
  });
});
