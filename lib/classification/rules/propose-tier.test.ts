import { describe, expect, it } from "vitest";
import { proposeTier, type TierProposal } from "@/lib/classification/rules/propose-tier";
import { classificationAnswersSchema, type ClassificationAnswers } from "@/lib/classification/schemas";
import { visibleAnswers } from "@/lib/classification/questionnaire/visible-answers";
import { ALL_MAIN_NO } from "@/lib/classification/test-support";

// Worked cases. Each starts from a questionnaire where every always-visible question was answered
// "No" (as a real user would leave it) and overrides only what is true of the described system.
// Going through the schema also proves that each worked case is a valid stored answer set.
const ALL_NO = ALL_MAIN_NO;

// The Art 50 law-enforcement follow-up, shown once any Art 50 trigger is "Yes".
const NOT_LAW_ENFORCEMENT: ClassificationAnswers = { law_enforcement_authorised: false };

// The Art 6(3) questions shown once an Annex III use is in play, answered "No" (left blank they
// would count as their stricter answer and be listed in the basis as assumed).
const NO_DEROGATION: ClassificationAnswers = {
  // and the operator questions shown with them (Art 25(1), Art 27(1))
  becomes_provider: false,
  public_body_or_public_service: false,
  derogation_narrow_procedural: false,
  derogation_improves_human_activity: false,
  derogation_detects_patterns: false,
  derogation_preparatory: false,
};

function system(overrides: ClassificationAnswers): ClassificationAnswers {
  return classificationAnswersSchema.parse({ ...ALL_NO, ...overrides });
}

const refs = (entries: TierProposal["basis"]) => entries.map((entry) => entry.ref);

describe("proposeTier: worked cases", () => {
  it("CV screening that ranks applicants is high risk under Annex III point 4(a)", () => {
    const proposal = proposeTier(system({ ...NO_DEROGATION, annex3_areas: ["4a"], profiles_natural_persons: true }));
    expect(proposal.tier).toBe("high");
    expect(refs(proposal.basis)).toEqual(["Art 6(2)", "Annex III point 4(a)"]);
    expect(proposal.summary).toBe("High risk: Annex III point 4(a) (employment: recruitment and selection) via Art 6(2).");
    expect(refs(proposal.alsoApplies)).toEqual(expect.arrayContaining(["Art 8-15", "Art 16", "Art 43", "Art 26", "Art 49(1)", "Art 4"]));
    // a private employer: no fundamental rights impact assessment (Art 27(1) binds public bodies and 5(b)/5(c) deployers)
    expect(refs(proposal.alsoApplies)).not.toContain("Art 27");
  });

  it("monitoring call-centre agents' emotions is prohibited under Art 5(1)(f)", () => {
    const proposal = proposeTier(
      system({
        ...NO_DEROGATION,
        ...NOT_LAW_ENFORCEMENT,
        emotion_recognition: true,
        emotion_recognition_work_education: true,
        emotion_recognition_medical_safety: false,
        annex3_areas: ["4b"],
        profiles_natural_persons: true,
      }),
    );
    expect(proposal.tier).toBe("prohibited");
    expect(refs(proposal.basis)).toEqual(["Art 5(1)(f)"]);
    expect(refs(proposal.alsoApplies)).toEqual(["Art 99(3)"]);
    expect(proposal.summary).toBe("Prohibited: Art 5(1)(f) (emotion recognition in the workplace or education).");
  });

  it("emotion recognition at work for a safety reason is not prohibited, but it is high risk (Annex III point 1(c)), not merely limited", () => {
    // Control-room system that detects panic or acute stress in chemical-plant operators to trigger
    // a safety hand-over. The Art 5(1)(f) safety exception lifts the ban, but Annex III point 1(c)
    // lists *every* emotion recognition system as high-risk, so "limited" (Art 50(3) alone) would
    // understate it. Art 50(3) still applies on top and is listed in alsoApplies.
    const proposal = proposeTier(system({ emotion_recognition: true, emotion_recognition_work_education: true, emotion_recognition_medical_safety: true }));
    expect(proposal.tier).toBe("high");
    expect(refs(proposal.basis)).toEqual(expect.arrayContaining(["Art 6(2)", "Annex III point 1(c)", "Art 5(1)(f)"]));
    expect(proposal.basis.find((entry) => entry.ref === "Art 5(1)(f)")?.title).toMatch(/^Exception/);
    expect(refs(proposal.alsoApplies)).toContain("Art 50(3)");
  });

  it("pilot fatigue detection is not emotion recognition at all (Recital 18), so it is neither prohibited nor Annex III point 1(c)", () => {
    // Fatigue is a physical state, not an emotion, so the user answers "No" to emotion recognition.
    // (Built into certified avionics it could still be high risk via Art 6(1) and Annex I Section B.)
    const proposal = proposeTier(system({ emotion_recognition: false }));
    expect(proposal.tier).toBe("minimal");
    expect(refs(proposal.basis)).not.toContain("Art 5(1)(f)");
  });

  it("a scripted customer-support chatbot is limited risk under Art 50(1)", () => {
    // Decision-tree bot with pre-written answers: it interacts with people but generates no synthetic content.
    const proposal = proposeTier(system({ ...NOT_LAW_ENFORCEMENT, interacts_with_persons: true, interaction_obvious: false }));
    expect(proposal.tier).toBe("limited");
    expect(refs(proposal.basis)).toEqual(["Art 50(1)"]);
    expect(proposal.summary).toBe("Limited risk: transparency obligations under Art 50(1) (direct interaction with natural persons).");
    expect(refs(proposal.alsoApplies)).toContain("Art 4");
  });

  it("a chatbot whose AI nature is obvious in context has no Art 50(1) duty and is minimal risk", () => {
    const proposal = proposeTier(system({ interacts_with_persons: true, interaction_obvious: true }));
    expect(proposal.tier).toBe("minimal");
    expect(proposal.basis.find((entry) => entry.ref === "Art 50(1)")?.title).toBe("Exception: AI interaction is obvious");
  });

  it("an email spam filter is minimal risk (Art 95 voluntary codes, Art 4 AI literacy)", () => {
    const proposal = proposeTier(system({}));
    expect(proposal.tier).toBe("minimal");
    expect(refs(proposal.basis)).toEqual(["Art 95"]);
    expect(refs(proposal.alsoApplies)).toEqual(["Art 4"]);
    expect(proposal.summary).toMatch(/^Minimal risk: /);
  });

  it("converting unstructured job applications into structured data is a narrow procedural task: not high risk under Art 6(3)(a)", () => {
    const proposal = proposeTier(system({ annex3_areas: ["4a"], derogation_narrow_procedural: true, profiles_natural_persons: false }));
    expect(proposal.tier).toBe("minimal");
    expect(refs(proposal.basis)).toContain("Art 6(3)(a)");
    expect(refs(proposal.basis)).not.toContain("Art 6(2)");
    expect(refs(proposal.alsoApplies)).toEqual(expect.arrayContaining(["Art 6(4)", "Art 49(2)"]));
    expect(proposal.summary).toContain("Art 6(3)(a)");
  });

  it("the same parser is high risk as soon as it profiles applicants (Art 6(3) third subparagraph)", () => {
    const proposal = proposeTier(system({ annex3_areas: ["4a"], derogation_narrow_procedural: true, profiles_natural_persons: true }));
    expect(proposal.tier).toBe("high");
    expect(refs(proposal.basis)).toEqual(expect.arrayContaining(["Art 6(2)", "Annex III point 4(a)", "Art 6(3) third subparagraph"]));
    expect(refs(proposal.alsoApplies)).not.toContain("Art 6(4)");
  });

  it("consumer credit scoring is high risk under Annex III point 5(b)", () => {
    const proposal = proposeTier(system({ annex3_areas: ["5b"], credit_fraud_detection_only: false, profiles_natural_persons: true }));
    expect(proposal.tier).toBe("high");
    expect(refs(proposal.basis)).toEqual(expect.arrayContaining(["Art 6(2)", "Annex III point 5(b)"]));
    expect(refs(proposal.alsoApplies)).toContain("Art 27");
  });

  it("card-transaction fraud detection is carved out of Annex III point 5(b) and is not high risk", () => {
    const proposal = proposeTier(system({ annex3_areas: ["5b"], credit_fraud_detection_only: true }));
    expect(proposal.tier).toBe("minimal");
    expect(refs(proposal.basis)).not.toContain("Art 6(2)");
    expect(proposal.basis.find((entry) => entry.ref === "Annex III point 5(b)")?.title).toBe("Excluded: financial-fraud detection");
    expect(proposal.summary).toContain("Annex III point 5(b)");
  });

  it("radiology triage software that is a medical device needing a notified body is high risk via Art 6(1)", () => {
    // Medical device software under Regulation (EU) 2017/745 (Annex I Section A), class IIa or higher.
    const proposal = proposeTier(system({ annex1_product: true, annex1_third_party_assessment: true }));
    expect(proposal.tier).toBe("high");
    expect(refs(proposal.basis)).toEqual(["Art 6(1)", "Annex I"]);
    expect(proposal.summary).toContain("via Art 6(1)");
  });

  it("a self-certified Annex I product (no third-party assessment) is not high risk via Art 6(1)", () => {
    const proposal = proposeTier(system({ annex1_product: true, annex1_third_party_assessment: false }));
    expect(proposal.tier).toBe("minimal");
  });

  it("social scoring of residents by a public authority is prohibited under Art 5(1)(c)", () => {
    const proposal = proposeTier(system({ ...NO_DEROGATION, social_scoring: true, annex3_areas: ["5a"], profiles_natural_persons: true }));
    expect(proposal.tier).toBe("prohibited");
    expect(refs(proposal.basis)).toEqual(["Art 5(1)(c)"]);
  });

  it("building a face search engine by scraping social-media photos is prohibited under Art 5(1)(e)", () => {
    const proposal = proposeTier(
      system({
        ...NO_DEROGATION,
        facial_image_scraping: true,
        remote_biometric_identification: true,
        realtime_rbi_law_enforcement: false,
        profiles_natural_persons: true,
      }),
    );
    expect(proposal.tier).toBe("prohibited");
    expect(refs(proposal.basis)).toEqual(["Art 5(1)(e)"]);
  });

  it("live facial recognition by police in a station without a permitted objective is prohibited under Art 5(1)(h)", () => {
    const proposal = proposeTier(
      system({
        ...NO_DEROGATION,
        remote_biometric_identification: true,
        realtime_rbi_law_enforcement: true,
        realtime_rbi_objectives: [],
        profiles_natural_persons: true,
      }),
    );
    expect(proposal.tier).toBe("prohibited");
    expect(refs(proposal.basis)).toEqual(["Art 5(1)(h)"]);
  });

  it("authorised live facial recognition to avert an imminent terrorist threat is not prohibited but high risk (Annex III point 1(a))", () => {
    const proposal = proposeTier(
      system({
        remote_biometric_identification: true,
        realtime_rbi_law_enforcement: true,
        realtime_rbi_objectives: ["imminent_threat"],
        realtime_rbi_authorised: true,
      }),
    );
    expect(proposal.tier).toBe("high");
    expect(refs(proposal.basis)).toEqual(expect.arrayContaining(["Annex III point 1(a)", "Art 5(1)(h)(ii)"]));
    expect(refs(proposal.alsoApplies)).toContain("Art 5(2)-(5)");
  });

  it("a foundation model trained with more than 10^25 FLOPs is GPAI with systemic risk (Art 51)", () => {
    const proposal = proposeTier(
      system({
        is_gpai_model: true,
        gpai_compute_above_threshold: true,
        gpai_systemic_rebuttal_accepted: false,
        gpai_high_impact_capabilities: false,
        gpai_commission_designated: false,
        gpai_open_source: false,
        ...NOT_LAW_ENFORCEMENT,
        generates_synthetic_content: true,
        synthetic_content_assistive_editing: false,
      }),
    );
    expect(proposal.tier).toBe("gpai_systemic");
    expect(refs(proposal.basis)).toEqual(["Art 51(2)", "Art 55"]);
    expect(refs(proposal.alsoApplies)).toEqual(expect.arrayContaining(["Art 53", "Art 52(1)", "Art 50(2)"]));
    expect(proposal.summary).toMatch(/^GPAI with systemic risk: Art 51\(2\)/);
  });

  it("a smaller open-weights general-purpose model is GPAI under Art 53, with the Art 53(2) exemption noted", () => {
    const proposal = proposeTier(
      system({
        is_gpai_model: true,
        gpai_compute_above_threshold: false,
        gpai_high_impact_capabilities: false,
        gpai_commission_designated: false,
        gpai_open_source: true,
      }),
    );
    expect(proposal.tier).toBe("gpai");
    expect(refs(proposal.basis)).toEqual(["Art 3(63)", "Art 53"]);
    expect(proposal.basis.find((entry) => entry.ref === "Art 53")?.reason).toContain("Art 53(2)");
  });

  it("a high-risk exam-grading system built on the provider's own GPAI model stays high risk and lists the GPAI duties", () => {
    const proposal = proposeTier(
      system({
        ...NO_DEROGATION,
        annex3_areas: ["3b"],
        profiles_natural_persons: true,
        is_gpai_model: true,
        gpai_compute_above_threshold: false,
        gpai_high_impact_capabilities: false,
        gpai_commission_designated: false,
        gpai_open_source: false,
      }),
    );
    expect(proposal.tier).toBe("high");
    expect(refs(proposal.basis)).toContain("Annex III point 3(b)");
    expect(refs(proposal.alsoApplies)).toEqual(expect.arrayContaining(["Art 3(63)", "Art 53"]));
  });

  it("a face-swap deep-fake image generator is limited risk under Art 50(4) and Art 50(2)", () => {
    const proposal = proposeTier(
      system({ ...NOT_LAW_ENFORCEMENT, generates_synthetic_content: true, synthetic_content_assistive_editing: false, deep_fake: true }),
    );
    expect(proposal.tier).toBe("limited");
    expect(refs(proposal.basis)).toEqual(["Art 50(2)", "Art 50(4)"]);
  });

  it("an unanswered questionnaire is unclassified", () => {
    for (const answers of [{}, { annex3_areas: [] }] satisfies ClassificationAnswers[]) {
      const proposal = proposeTier(answers);
      expect(proposal.tier).toBe("unclassified");
      expect(proposal.basis).toEqual([]);
      expect(proposal.summary).toMatch(/incomplete/);
    }
  });

  it("ignores answers to hidden questions (an Art 6(3) or 5(b) answer without any Annex III use)", () => {
    const spamFilter = system({});
    const withStale = system({ derogation_narrow_procedural: true, profiles_natural_persons: true, credit_fraud_detection_only: true });
    expect(visibleAnswers(withStale)).toEqual(spamFilter);
    expect(proposeTier(withStale)).toEqual(proposeTier(spamFilter));
    expect(refs(proposeTier(withStale).basis).some((ref) => ref.startsWith("Art 6(3)"))).toBe(false);
  });

  it("ignores a stale follow-up whose parent question was later answered 'No'", () => {
    const proposal = proposeTier(system({ emotion_recognition: false, emotion_recognition_work_education: true, emotion_recognition_medical_safety: false }));
    expect(proposal.tier).toBe("minimal");
  });
});
