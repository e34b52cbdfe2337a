import { describe, expect, it } from "vitest";
import { getFrameworkItem } from "@/lib/catalogs/get-framework-item";
import { listFrameworkItems } from "@/lib/catalogs/list-framework-items";
import { EU_AI_ACT_ROLES, LIFECYCLE_STAGES, RISK_TIERS } from "@/lib/systems/schemas";
import { proposeTier } from "@/lib/classification/rules/propose-tier";
import type { ClassificationAnswers } from "@/lib/classification/schemas";
import { applicableControls, EU_AI_ACT_ARTICLES_USED, normaliseAnnexIiiPoint, type ApplicabilityInput } from "./applicable-controls";
import { toClassificationFacts } from "./internal";
import { ALL_MAIN_NO } from "@/lib/classification/test-support";

const base: ApplicabilityInput = { riskTier: "minimal", euAiActRole: "deployer", lifecycleStage: "production", archived: false };
const eu = (input: Partial<ApplicabilityInput>) =>
  applicableControls({ ...base, ...input })
    .filter((c) => c.framework === "eu_ai_act")
    .map((c) => c.controlId);
const euReason = (input: Partial<ApplicabilityInput>, id: string) =>
  applicableControls({ ...base, ...input }).find((c) => c.framework === "eu_ai_act" && c.controlId === id)?.reason;
const count = (input: Partial<ApplicabilityInput>, framework: string) =>
  applicableControls({ ...base, ...input }).filter((c) => c.framework === framework).length;

/** A classification as the questionnaire stores it, from answers (through the real proposeTier). */
function classified(given: ClassificationAnswers) {
  // every main question answered (a blank one that could make the outcome stricter leaves it "cannot conclude")
  // and not a deployer that became the provider (Art 25(1)), which a blank would count as
  const answers = { ...ALL_MAIN_NO, becomes_provider: false, ...given };
  const proposal = proposeTier(answers);
  return { tier: proposal.tier, facts: toClassificationFacts(answers, { basis: proposal.basis, alsoApplies: proposal.alsoApplies }) };
}

describe("EU AI Act applicability", () => {
  it("high-risk provider → exactly Art 9–17, 43, 47–49, 72, 73 and Art 4", () => {
    expect(eu({ riskTier: "high", euAiActRole: "provider" })).toEqual([
      "Art 4",
      "Art 9",
      "Art 10",
      "Art 11",
      "Art 12",
      "Art 13",
      "Art 14",
      "Art 15",
      "Art 16",
      "Art 17",
      "Art 43",
      "Art 47",
      "Art 48",
      "Art 49",
      "Art 72",
      "Art 73",
    ]);
    expect(euReason({ riskTier: "high", euAiActRole: "provider" }, "Art 9")).toMatch(/^High-risk AI system you provide: .*risk management system/);
  });

  it("a product manufacturer placing it under its own name is the provider (Art 25(3)): same set", () => {
    expect(eu({ riskTier: "high", euAiActRole: "product_manufacturer" })).toEqual(eu({ riskTier: "high", euAiActRole: "provider" }));
    expect(euReason({ riskTier: "high", euAiActRole: "product_manufacturer" }, "Art 17")).toContain("Art 25(3)");
  });

  it("an authorised representative gets its Art 22(3) duties only", () => {
    expect(eu({ riskTier: "high", euAiActRole: "authorised_representative" })).toEqual(["Art 4", "Art 11", "Art 22", "Art 43", "Art 47", "Art 49"]);
    expect(euReason({ riskTier: "high", euAiActRole: "authorised_representative" }, "Art 47")).toContain("Art 22(3)(a)");
  });

  it("high-risk deployer → Art 26; Art 27 for Annex III point 5(b) with a firm reason", () => {
    const credit = classified({ annex1_product: false, annex3_areas: ["5b"], profiles_natural_persons: true });
    expect(credit.tier).toBe("high");
    expect(credit.facts.annexIIIPoints).toEqual(["5(b)"]);
    expect(eu({ riskTier: "high", euAiActRole: "deployer", classification: credit.facts })).toEqual(["Art 4", "Art 26", "Art 27"]);
    expect(euReason({ riskTier: "high", euAiActRole: "deployer", classification: credit.facts }, "Art 27")).toMatch(
      /Annex III point 5\(b\).*fundamental rights impact assessment/,
    );
    expect(euReason({ riskTier: "high", euAiActRole: "deployer" }, "Art 26")).toMatch(/instructions for use/);
  });

  it("Art 27 for other Annex III uses (or no classification) says the public-body case must be decided, and is absent for point 2 and the Annex I route", () => {
    const conditional = /body governed by public law.*not applicable/;
    expect(euReason({ riskTier: "high", euAiActRole: "deployer" }, "Art 27")).toMatch(conditional);
    const hiring = classified({ annex1_product: false, annex3_areas: ["4a"] });
    expect(euReason({ riskTier: "high", euAiActRole: "deployer", classification: hiring.facts }, "Art 27")).toMatch(conditional);
    const grid = classified({ annex1_product: false, annex3_areas: ["2"] });
    expect(grid.tier).toBe("high");
    expect(eu({ riskTier: "high", euAiActRole: "deployer", classification: grid.facts })).toEqual(["Art 4", "Art 26"]);
    const machine = classified({ annex1_product: true, annex1_third_party_assessment: true });
    expect(machine.tier).toBe("high");
    expect(eu({ riskTier: "high", euAiActRole: "deployer", classification: machine.facts })).toEqual(["Art 4", "Art 26"]);
    // 5(b) ticked but carved out (fraud detection only) is not a 5(b) system
    const fraud = classified({ annex1_product: false, annex3_areas: ["5b"], credit_fraud_detection_only: true });
    expect(fraud.facts.annexIIIPoints).toEqual([]);
  });

  it("high-risk importer → Art 23, distributor → Art 24", () => {
    expect(eu({ riskTier: "high", euAiActRole: "importer" })).toEqual(["Art 4", "Art 23"]);
    expect(eu({ riskTier: "high", euAiActRole: "distributor" })).toEqual(["Art 4", "Art 24"]);
  });

  it("limited → Art 50 (and Art 4)", () => {
    expect(eu({ riskTier: "limited" })).toEqual(["Art 4", "Art 50"]);
    expect(eu({ riskTier: "limited", euAiActRole: "provider" })).toEqual(["Art 4", "Art 50"]);
  });

  it("Art 50 also for another tier whose classification lists an Art 50 duty among what also applies", () => {
    const chatbot = classified({ annex1_product: false, annex3_areas: ["4a"], interacts_with_persons: true, interaction_obvious: false });
    expect(chatbot.tier).toBe("high");
    expect(chatbot.facts.alsoAppliesRefs).toContain("Art 50(1)");
    expect(eu({ riskTier: "high", euAiActRole: "provider", classification: chatbot.facts })).toContain("Art 50");
    expect(euReason({ riskTier: "high", euAiActRole: "provider", classification: chatbot.facts }, "Art 50")).toMatch(/in addition to the system's tier/);
    // "Art 5" refs never count as "Art 50"
    expect(eu({ riskTier: "minimal", classification: { basisRefs: [], alsoAppliesRefs: ["Art 5(1)(a)", "Art 52(1)"], annexIIIPoints: [] } })).toEqual([
      "Art 4",
    ]);
  });

  it("GPAI → Art 53 (Art 54 not assessed); GPAI with systemic risk → Art 53 and Art 55", () => {
    expect(eu({ riskTier: "gpai", euAiActRole: "provider" })).toEqual(["Art 4", "Art 53"]);
    expect(euReason({ riskTier: "gpai" }, "Art 53")).toMatch(/Art 54 .* not assessed/);
    expect(eu({ riskTier: "gpai_systemic", euAiActRole: "provider" })).toEqual(["Art 4", "Art 53", "Art 55"]);
    const highAndGpai = classified({ annex1_product: false, annex3_areas: ["4a"], is_gpai_model: true, gpai_compute_above_threshold: true });
    expect(highAndGpai.tier).toBe("high");
    expect(eu({ riskTier: "high", euAiActRole: "provider", classification: highAndGpai.facts })).toEqual(expect.arrayContaining(["Art 53", "Art 55"]));
  });

  it("prohibited → Art 5 with 'must not be placed on the market' (and Art 4), nothing else", () => {
    expect(eu({ riskTier: "prohibited", euAiActRole: "provider" })).toEqual(["Art 4", "Art 5"]);
    expect(euReason({ riskTier: "prohibited" }, "Art 5")).toMatch(/must not be placed on the market, put into service or used/);
  });

  it("minimal and unclassified → Art 4 only", () => {
    for (const role of EU_AI_ACT_ROLES) {
      expect(eu({ riskTier: "minimal", euAiActRole: role })).toEqual(["Art 4"]);
      expect(eu({ riskTier: "unclassified", euAiActRole: role })).toEqual(["Art 4"]);
    }
    expect(euReason({}, "Art 4")).toMatch(/AI literacy/);
  });

  it("Art 27 follows the classification's answer on public bodies; Art 25(1) gives a deployer the provider's set; Section B products get none of Chapter III", () => {
    const privateEmployer = classified({ annex3_areas: ["4a"], profiles_natural_persons: true, public_body_or_public_service: false, becomes_provider: false });
    expect(privateEmployer.tier).toBe("high");
    expect(eu({ riskTier: "high", euAiActRole: "deployer", classification: privateEmployer.facts })).toEqual(["Art 4", "Art 26"]);
    const publicBody = classified({ annex3_areas: ["4a"], profiles_natural_persons: true, public_body_or_public_service: true, becomes_provider: false });
    expect(eu({ riskTier: "high", euAiActRole: "deployer", classification: publicBody.facts })).toEqual(["Art 4", "Art 26", "Art 27"]);
    expect(euReason({ riskTier: "high", euAiActRole: "deployer", classification: publicBody.facts }, "Art 27")).toMatch(/as the classification records/);

    const rebranded = classified({ annex3_areas: ["4a"], profiles_natural_persons: true, public_body_or_public_service: false, becomes_provider: true });
    const asDeployer = eu({ riskTier: "high", euAiActRole: "deployer", classification: rebranded.facts });
    expect(asDeployer).toEqual(expect.arrayContaining(["Art 9", "Art 16", "Art 43", "Art 49", "Art 26"]));
    expect(euReason({ riskTier: "high", euAiActRole: "deployer", classification: rebranded.facts }, "Art 16")).toMatch(/Art 25\(1\)/);
    expect(eu({ riskTier: "high", euAiActRole: "distributor", classification: rebranded.facts })).toEqual(expect.arrayContaining(["Art 16", "Art 24"]));

    const car = classified({ annex1_product: true, annex1_third_party_assessment: true, annex1_section_b: true, becomes_provider: false });
    expect(car.tier).toBe("high");
    for (const role of EU_AI_ACT_ROLES) expect(eu({ riskTier: "high", euAiActRole: role, classification: car.facts })).toEqual(["Art 4"]);
  });

  it("out of scope of the AI Act (Art 2, Art 3(1)) → no EU AI Act control at all, for every role; ISO 42001 and NIST still apply", () => {
    const military = classified({ ...ALL_MAIN_NO, military_defence_security_only: true, annex3_areas: ["6a"] });
    expect(military.tier).toBe("out_of_scope");
    for (const role of EU_AI_ACT_ROLES) {
      expect(eu({ riskTier: "out_of_scope", euAiActRole: role, classification: military.facts })).toEqual([]);
      expect(count({ riskTier: "out_of_scope", euAiActRole: role }, "iso42001")).toBe(count({ riskTier: "minimal", euAiActRole: role }, "iso42001"));
    }
    expect(count({ riskTier: "out_of_scope" }, "iso42001")).toBeGreaterThan(0);
  });

  it("an Art 6(3) derogation makes a provider document it (Art 6) and register (Art 49)", () => {
    const derogated = classified({ ...ALL_MAIN_NO, annex3_areas: ["4a"], derogation_narrow_procedural: true, profiles_natural_persons: false });
    expect(derogated.tier).toBe("minimal");
    expect(eu({ riskTier: "minimal", euAiActRole: "provider", classification: derogated.facts })).toEqual(["Art 4", "Art 6", "Art 49"]);
    expect(eu({ riskTier: "minimal", euAiActRole: "deployer", classification: derogated.facts })).toEqual(["Art 4"]);
  });

  it("every article id it can return exists in the EU AI Act catalog", () => {
    for (const id of EU_AI_ACT_ARTICLES_USED) expect(getFrameworkItem("eu_ai_act", id), id).not.toBeNull();
    // and every combination only returns those (and catalog items)
    for (const riskTier of RISK_TIERS) {
      for (const euAiActRole of EU_AI_ACT_ROLES) {
        for (const control of applicableControls({ ...base, riskTier, euAiActRole })) {
          expect(getFrameworkItem(control.framework, control.controlId), `${control.framework} ${control.controlId}`).not.toBeNull();
          expect(control.reason.length, control.controlId).toBeGreaterThan(40);
          if (control.framework === "eu_ai_act") expect(EU_AI_ACT_ARTICLES_USED).toContain(control.controlId);
        }
      }
    }
  });
});

describe("ISO/IEC 42001 and NIST AI RMF applicability", () => {
  it("all 38 ISO/IEC 42001 Annex A controls and all 72 NIST AI RMF subcategories for every system in scope", () => {
    for (const riskTier of RISK_TIERS) {
      for (const lifecycleStage of LIFECYCLE_STAGES.filter((stage) => stage !== "retired")) {
        expect(count({ riskTier, lifecycleStage }, "iso42001")).toBe(38);
        expect(count({ riskTier, lifecycleStage }, "nist_ai_rmf")).toBe(72);
      }
    }
    const iso = applicableControls(base).filter((c) => c.framework === "iso42001");
    expect(iso.map((c) => c.controlId)).toEqual(listFrameworkItems("iso42001").map((item) => item.id));
    expect(iso[0].reason).toMatch(/^AI management system scope/);
    expect(applicableControls(base).find((c) => c.framework === "nist_ai_rmf")!.reason).toMatch(/^Voluntary framework adopted by the organisation/);
  });

  it("none (in any framework) for archived or retired systems", () => {
    expect(applicableControls({ ...base, riskTier: "high", euAiActRole: "provider", archived: true })).toEqual([]);
    expect(applicableControls({ ...base, riskTier: "high", euAiActRole: "provider", lifecycleStage: "retired" })).toEqual([]);
    expect(count({ archived: true }, "iso42001")).toBe(0);
    expect(count({ archived: true }, "nist_ai_rmf")).toBe(0);
  });

  it("groups by framework (ISO, EU AI Act, NIST) in catalog order, each control once", () => {
    const all = applicableControls({ ...base, riskTier: "high", euAiActRole: "provider" });
    const frameworks = all.map((c) => c.framework);
    expect(frameworks.indexOf("eu_ai_act")).toBe(38);
    expect(frameworks.lastIndexOf("iso42001")).toBe(37);
    expect(new Set(all.map((c) => `${c.framework}:${c.controlId}`)).size).toBe(all.length);
    expect(all.length).toBe(38 + 16 + 72);
  });
});

describe("normaliseAnnexIiiPoint", () => {
  it.each([
    ["5b", "5(b)"],
    ["5(b)", "5(b)"],
    ["Annex III point 5(c)", "5(c)"],
    ["2", "2"],
    ["Annex III point 2", "2"],
    ["1A", "1(a)"],
  ])("%s → %s", (input, output) => {
    expect(normaliseAnnexIiiPoint(input)).toBe(output);
  });
});
