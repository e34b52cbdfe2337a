import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createTestOrg, type TestOrg } from "@/scripts/support/create-test-org";
import { createSystem } from "@/lib/systems/create-system";
import { listSystems } from "@/lib/systems/list-systems";
import { getInventoryStats } from "@/lib/systems/get-inventory-stats";
import { proposeClassification } from "@/lib/classification/propose-classification";
import { decideClassification } from "@/lib/classification/decide-classification";
import { getLatestClassification } from "@/lib/classification/get-latest-classification";
import { listSystemControls } from "@/lib/controls/list-system-controls";
import { ALL_MAIN_NO } from "@/lib/classification/test-support";

// Issue 12 §1-§2 against the database: the out_of_scope tier (migration 20261207003000_classification_scope)
// is stored, filtered and counted like a tier, gets no EU AI Act control, and a blank main question that
// could make the outcome stricter is stored as "cannot conclude".

let org: TestOrg;

beforeAll(async () => {
  org = await createTestOrg("classification-scope");
});

async function classify(answers: Record<string, unknown>) {
  const ctx = org.as("compliance_officer");
  const systemId = (await createSystem({ ctx, input: { name: `Scope ${Math.random().toString(36).slice(2, 8)}` } })).id;
  const { id: assessmentId, proposal } = await proposeClassification({ ctx, input: { systemId, answers } });
  return { ctx, systemId, assessmentId, proposal };
}

describe("classification scope (Art 2, Art 3(1))", () => {
  it("the database enum has out_of_scope, before unclassified", async () => {
    const rows = await db.$queryRaw<
      { label: string }[]
    >`SELECT enumlabel::text AS label FROM pg_enum WHERE enumtypid = '"RiskTier"'::regtype ORDER BY enumsortorder`;
    expect(rows.map((row) => row.label)).toEqual(["prohibited", "high", "limited", "minimal", "gpai", "gpai_systemic", "out_of_scope", "unclassified"]);
  });

  it("an Art 2(3) system is proposed and, accepted, stored out of scope with its basis; filtered and counted like a tier; no EU AI Act control", async () => {
    const { ctx, systemId, assessmentId, proposal } = await classify({ ...ALL_MAIN_NO, military_defence_security_only: true, social_scoring: true });
    expect(proposal).toMatchObject({ tier: "out_of_scope", blocking: [] });
    expect(proposal.summary).toBe("Out of scope: the Regulation does not apply under Art 2(3) (exclusively military, defence or national security).");
    await decideClassification({ ctx, input: { systemId, decision: { assessmentId, decision: "accepted" } } });
    expect(await db.aISystem.findUniqueOrThrow({ where: { id: systemId }, select: { riskTier: true, riskTierBasis: true } })).toEqual({
      riskTier: "out_of_scope",
      riskTierBasis: "Art 2(3)",
    });
    const listed = await listSystems({ ctx: org.as("auditor"), input: { tier: "out_of_scope" } });
    expect(listed.items.map((item) => item.id)).toEqual([systemId]);
    const stats = await getInventoryStats({ ctx: org.as("auditor") });
    expect(stats.byTier.find((entry) => entry.tier === "out_of_scope")?.count).toBe(1);
    const eu = await listSystemControls({ ctx: org.as("auditor"), input: { systemId, framework: "eu_ai_act" } });
    expect(eu.controls).toEqual([]);
    const iso = await listSystemControls({ ctx: org.as("auditor"), input: { systemId, framework: "iso42001" } });
    expect(iso.controls.length).toBeGreaterThan(0);
  });

  it("a blank main question that could make the outcome stricter is stored as 'cannot conclude', and the page says which", async () => {
    const { systemId, proposal } = await classify({
      ...ALL_MAIN_NO,
      interacts_with_persons: true,
      interaction_obvious: false,
      law_enforcement_authorised: false,
      social_scoring: undefined,
      free_open_source_licence: undefined,
    });
    expect(proposal).toMatchObject({ tier: "unclassified", blocking: ["social_scoring"], missing: ["free_open_source_licence", "social_scoring"] });
    const view = await getLatestClassification({ ctx: org.as("auditor"), input: { systemId } });
    expect(view?.proposedTier).toBe("unclassified");
    expect(view?.unanswered).toEqual([
      { id: "free_open_source_licence", title: "Released under a free and open-source licence", countedAs: null, couldRaise: false },
      { id: "social_scoring", title: "Social scoring", countedAs: null, couldRaise: true },
    ]);
  });
});
