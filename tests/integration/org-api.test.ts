import { beforeAll, describe, expect, it } from "vitest";
import { createTestOrg, type TestOrg } from "@/scripts/support/create-test-org";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { createSystem } from "@/lib/systems/create-system";
import { createRisk } from "@/lib/risks/create-risk";
import { addThreatProfileEntries } from "@/lib/threats/add-threat-profile-entries";
import { problemSchema } from "@/lib/web/http/problem";
import { riskListSchema } from "@/lib/risks/schemas";
import { compliancePostureSchema } from "@/lib/controls/schemas";
import { navigatorLayerOutputSchema } from "@/lib/threats/build-navigator-layer";
import { GET as listRisksRoute } from "@/app/api/v1/risks/route";
import { GET as postureRoute } from "@/app/api/v1/posture/route";
import { GET as layerRoute } from "@/app/api/v1/threat-profile/navigator-layer/route";

// The organisation-wide REST endpoints: GET /risks, GET /posture, GET /threat-profile/navigator-layer.

type Handler = (req: Request, segment: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: Handler, path: string, token?: string, query = "") {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const res = await handler(new Request(`http://localhost/api/v1${path}${query ? `?${query}` : ""}`, { headers }), { params: Promise.resolve({}) });
  const text = await res.text();
  return { res, data: text ? JSON.parse(text) : null };
}

let a: TestOrg;
let b: TestOrg;
let readA: string;
let readB: string;
let aSystems: string[];

beforeAll(async () => {
  [a, b] = await Promise.all([createTestOrg("org-api-a"), createTestOrg("org-api-b")]);
  readA = (await createApiToken({ ctx: a.as("admin"), input: { name: "read", scopes: ["read"] } })).secret;
  readB = (await createApiToken({ ctx: b.as("admin"), input: { name: "read", scopes: ["read"] } })).secret;
  const ctx = a.as("compliance_officer");
  aSystems = [
    (await createSystem({ ctx, input: { name: "Chatbot", riskTier: "limited", euAiActRole: "deployer", lifecycleStage: "production" } })).id,
    (await createSystem({ ctx, input: { name: "CV screening", riskTier: "high", euAiActRole: "provider", lifecycleStage: "production" } })).id,
  ];
  await addThreatProfileEntries({
    ctx,
    input: { systemId: aSystems[0], source: "manual", entries: [{ techniqueId: "AML.T0051", rationale: "Customers type free text." }] },
  });
  await addThreatProfileEntries({
    ctx,
    input: { systemId: aSystems[1], source: "manual", entries: [{ techniqueId: "AML.T0020", rationale: "Training CVs come from the web." }] },
  });
  await createRisk({
    ctx,
    input: {
      systemId: aSystems[0],
      risk: { title: "Prompt injection leaks data", category: "security", inherentLikelihood: 4, inherentImpact: 5, techniqueIds: ["AML.T0051"] },
    },
  });
  await createRisk({
    ctx,
    input: { systemId: aSystems[1], risk: { title: "Biased ranking", category: "fairness", inherentLikelihood: 3, inherentImpact: 4 } },
  });
  const bSystem = (await createSystem({ ctx: b.as("admin"), input: { name: "B only", riskTier: "high", euAiActRole: "provider" } })).id;
  await createRisk({
    ctx: b.as("admin"),
    input: { systemId: bSystem, risk: { title: "B secret", category: "privacy", inherentLikelihood: 5, inherentImpact: 5, techniqueIds: ["AML.T0024"] } },
  });
  await addThreatProfileEntries({
    ctx: b.as("admin"),
    input: { systemId: bSystem, source: "manual", entries: [{ techniqueId: "AML.T0024", rationale: "B's public API." }] },
  });
});

describe("organisation-wide REST endpoints", () => {
  it("refuse a request without a token (401 problem)", async () => {
    for (const [handler, path] of [
      [listRisksRoute, "/risks"],
      [postureRoute, "/posture"],
      [layerRoute, "/threat-profile/navigator-layer"],
    ] as const) {
      const { res, data } = await call(handler, path);
      expect(res.status, path).toBe(401);
      expect(problemSchema.parse(data).code).toBe("UNAUTHENTICATED");
    }
  });

  it("GET /risks lists every system's risks of the token's organisation only, with filters and 422 on unknown ones", async () => {
    const all = riskListSchema.parse((await call(listRisksRoute, "/risks", readA)).data);
    expect(all.items.map((r) => r.title).sort()).toEqual(["Biased ranking", "Prompt injection leaks data"]);
    expect(all.total).toBe(2);
    const one = riskListSchema.parse((await call(listRisksRoute, "/risks", readA, `systemId=${aSystems[1]}`)).data);
    expect(one.items.map((r) => r.title)).toEqual(["Biased ranking"]);
    const byTechnique = riskListSchema.parse((await call(listRisksRoute, "/risks", readA, "techniqueId=AML.T0051")).data);
    expect(byTechnique.items.map((r) => r.title)).toEqual(["Prompt injection leaks data"]);
    expect(riskListSchema.parse((await call(listRisksRoute, "/risks", readB)).data).items.map((r) => r.title)).toEqual(["B secret"]);
    const bad = await call(listRisksRoute, "/risks", readA, "colour=red");
    expect(bad.res.status).toBe(422);
  });

  it("GET /posture sums the organisation's active systems only", async () => {
    const posture = compliancePostureSchema.parse((await call(postureRoute, "/posture", readA)).data);
    expect(posture).toMatchObject({ scope: "organization", systemId: null, systems: 2 });
    expect(posture.overall.applicable).toBeGreaterThan(0);
    expect(compliancePostureSchema.parse((await call(postureRoute, "/posture", readB)).data).systems).toBe(1);
  });

  it("GET /threat-profile/navigator-layer exports the union of the organisation's profiles as a layer attachment", async () => {
    const { res, data } = await call(layerRoute, "/threat-profile/navigator-layer", readA);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="atlas-layer-.*\.json"$/);
    const layer = navigatorLayerOutputSchema.parse(data);
    const scored = layer.techniques.filter((t) => t.techniqueID.startsWith("AML.T") && (t.score ?? 0) > 0).map((t) => t.techniqueID);
    expect(scored).toContain("AML.T0051");
    expect(layer.techniques.map((t) => t.techniqueID)).not.toContain("AML.T0024"); // B's technique stays in B
  });
});
