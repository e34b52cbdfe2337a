import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createTestOrg, type TestOrg } from "@/scripts/support/create-test-org";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { createSystem } from "@/lib/systems/create-system";
import { getLatestClassification } from "@/lib/classification/get-latest-classification";
import { classificationDecisionSchema, classificationProposalSchema } from "@/lib/classification/schemas";
import { CLASSIFICATION_RULES_VERSION } from "@/lib/classification/rules/rules-version";
import { ALL_MAIN_NO } from "@/lib/classification/test-support";
import { problemSchema } from "@/lib/web/http/problem";
import { POST as proposeRoute } from "@/app/api/v1/systems/[id]/classification/proposals/route";
import { POST as decideRoute } from "@/app/api/v1/systems/[id]/classification/decisions/route";

// Issue 12 §5: classification over REST, with the UI's permission (system:classify), and the rules version kept.

type Handler = (req: Request, segment: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: Handler, path: string, id: string, token: string, body: unknown) {
  const req = new Request(`http://localhost/api/v1/systems/${id}/classification/${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const res = await handler(req, { params: Promise.resolve({ id }) });
  const text = await res.text();
  return { status: res.status, contentType: res.headers.get("content-type"), data: text ? JSON.parse(text) : null };
}

const CREDIT_SCORING = { ...ALL_MAIN_NO, annex3_areas: ["5b"], profiles_natural_persons: true, credit_fraud_detection_only: false };

let org: TestOrg;
let write: string;
let read: string;

beforeAll(async () => {
  org = await createTestOrg("api-classification");
  write = (await createApiToken({ ctx: org.as("admin"), input: { name: "write", scopes: ["write"] } })).secret;
  read = (await createApiToken({ ctx: org.as("admin"), input: { name: "read", scopes: ["read"] } })).secret;
});

const newSystem = async () => (await createSystem({ ctx: org.as("admin"), input: { name: `API classify ${Math.random().toString(36).slice(2, 8)}` } })).id;
const count = (systemId: string) => db.classificationAssessment.count({ where: { systemId } });

describe("POST /api/v1/systems/{id}/classification/proposals", () => {
  it("stores and returns the proposal with its basis, what was assumed and the rules version; the tier waits for a decision", async () => {
    const systemId = await newSystem();
    const result = await call(proposeRoute, "proposals", systemId, write, { answers: CREDIT_SCORING });
    expect(result.status).toBe(201);
    const proposal = classificationProposalSchema.parse(result.data);
    expect(proposal).toMatchObject({ tier: "high", missing: [], rulesVersion: CLASSIFICATION_RULES_VERSION.id });
    expect(proposal.basis.map((item) => item.ref)).toEqual(["Art 6(2)", "Annex III point 5(b)"]);
    expect(proposal.alsoApplies.map((item) => item.ref)).toEqual(expect.arrayContaining(["Art 16", "Art 43", "Art 26", "Art 27"]));
    expect(proposal.assumed).toEqual(expect.arrayContaining(["derogation_narrow_procedural", "becomes_provider"]));
    const stored = await db.classificationAssessment.findUniqueOrThrow({
      where: { id: proposal.assessmentId },
      select: { rulesVersion: true, proposedTier: true },
    });
    expect(stored).toEqual({ rulesVersion: CLASSIFICATION_RULES_VERSION.id, proposedTier: "high" });
    expect((await db.aISystem.findUniqueOrThrow({ where: { id: systemId }, select: { riskTier: true } })).riskTier).toBe("unclassified");
  });

  it("a blank main question that could make the outcome stricter: 422 naming each such question, nothing stored", async () => {
    const systemId = await newSystem();
    const result = await call(proposeRoute, "proposals", systemId, write, {
      answers: { ...CREDIT_SCORING, manipulative_techniques: undefined, social_scoring: undefined, is_gpai_model: undefined },
    });
    expect(result.status).toBe(422);
    expect(result.contentType).toBe("application/problem+json");
    const problem = problemSchema.parse(result.data);
    expect(problem.code).toBe("VALIDATION");
    expect(problem.detail).toMatch(/^Cannot conclude: 2 questions that could make the outcome stricter are not answered/);
    // the GPAI question cannot raise a high-risk result, so it is not asked for
    expect(problem.errors?.map((error) => error.path)).toEqual(["answers.manipulative_techniques", "answers.social_scoring"]);
    expect(problem.errors?.[0]?.message).toContain("Art 5(1)(a)");
    expect(await count(systemId)).toBe(0);
  });

  it("an Art 2 exclusion concludes with every other question blank: out of scope", async () => {
    const systemId = await newSystem();
    const result = await call(proposeRoute, "proposals", systemId, write, { answers: { scientific_research_only: true } });
    expect(result.status).toBe(201);
    expect(classificationProposalSchema.parse(result.data)).toMatchObject({ tier: "out_of_scope", basis: [expect.objectContaining({ ref: "Art 2(6)" })] });
  });

  it("unknown question ids and a read-only token are refused before anything is stored", async () => {
    const systemId = await newSystem();
    const typo = await call(proposeRoute, "proposals", systemId, write, { answers: { ...ALL_MAIN_NO, is_gpia_model: true } });
    expect(typo.status).toBe(422);
    expect(problemSchema.parse(typo.data).errors?.map((error) => error.path)).toEqual(["answers.is_gpia_model"]);
    const forbidden = await call(proposeRoute, "proposals", systemId, read, { answers: ALL_MAIN_NO });
    expect(forbidden.status).toBe(403);
    expect(await count(systemId)).toBe(0);
  });
});

describe("POST /api/v1/systems/{id}/classification/decisions", () => {
  it("accepting sets the tier; deciding again is a 409; the system page keeps the rules version and says nothing changed", async () => {
    const systemId = await newSystem();
    const { data } = await call(proposeRoute, "proposals", systemId, write, { answers: CREDIT_SCORING });
    const assessmentId = classificationProposalSchema.parse(data).assessmentId;
    const decided = await call(decideRoute, "decisions", systemId, write, { assessmentId, decision: "accepted" });
    expect(decided.status).toBe(200);
    expect(classificationDecisionSchema.parse(decided.data)).toEqual({ assessmentId, decision: "accepted", tier: "high" });
    expect((await db.aISystem.findUniqueOrThrow({ where: { id: systemId }, select: { riskTier: true } })).riskTier).toBe("high");
    const again = await call(decideRoute, "decisions", systemId, write, { assessmentId, decision: "accepted" });
    expect(again.status).toBe(409);
    const view = await getLatestClassification({ ctx: org.as("auditor"), input: { systemId } });
    expect(view).toMatchObject({ rulesVersion: CLASSIFICATION_RULES_VERSION.id, currentRules: null, decision: "accepted" });
  });

  it("an override needs a reason (422 at reason); a read-only token gets 403", async () => {
    const systemId = await newSystem();
    const { data } = await call(proposeRoute, "proposals", systemId, write, { answers: CREDIT_SCORING });
    const assessmentId = classificationProposalSchema.parse(data).assessmentId;
    const noReason = await call(decideRoute, "decisions", systemId, write, { assessmentId, decision: "overridden", tier: "minimal", reason: "no" });
    expect(noReason.status).toBe(422);
    expect(problemSchema.parse(noReason.data).errors?.map((error) => error.path)).toEqual(["reason"]);
    expect((await call(decideRoute, "decisions", systemId, read, { assessmentId, decision: "accepted" })).status).toBe(403);
    const overridden = await call(decideRoute, "decisions", systemId, write, {
      assessmentId,
      decision: "overridden",
      tier: "out_of_scope",
      reason: "Used only by the defence ministry (Art 2(3))",
    });
    expect(classificationDecisionSchema.parse(overridden.data)).toMatchObject({ decision: "overridden", tier: "out_of_scope" });
  });

  it("a proposal made under other rules (or before versioning) that the current rules would decide differently is flagged on the system page", async () => {
    const systemId = await newSystem();
    // as stored before the scope section and the missing-answer rule: everything "No" but the AI-system question unanswered
    await db.classificationAssessment.create({
      data: {
        orgId: org.orgId,
        systemId,
        answers: { annex1_product: false, annex3_areas: [] },
        proposedTier: "minimal",
        proposedBasis: { basis: [], alsoApplies: [] },
        proposedSummary: "Minimal risk: no obligation identified.",
        createdById: org.users.admin.id,
      },
    });
    const view = await getLatestClassification({ ctx: org.as("auditor"), input: { systemId } });
    expect(view?.rulesVersion).toBeNull();
    expect(view?.currentRules).toMatchObject({ version: CLASSIFICATION_RULES_VERSION.id, tier: "unclassified" });
    expect(view?.currentRules?.summary).toMatch(/^Unclassified: cannot conclude/);
  });
});
