import { describe, expect, it } from "vitest";
import { proposeTier } from "@/lib/classification/rules/propose-tier";
import { classificationAnswersSchema, type ClassificationAnswers, type RiskTier } from "@/lib/classification/schemas";
import { ALL_MAIN_NO } from "@/lib/classification/test-support";
import { obligationsForRole, type EuAiActRole } from "@/lib/classification/rules/obligations-for-role";

// Worked cases written from Regulation (EU) 2024/1689 (issue 12): for each, the answers a careful
// user would give, the tier the Regulation leads to, the provisions that must be the basis of that
// tier and the provisions the explanation must cite (basis or what also applies). Every case answers
// every question it is shown, so none relies on a blank counted as the stricter answer (checked).

/** Every main question answered "No" / none selected. */
const NONE = ALL_MAIN_NO;

/** The operator questions shown once a high-risk route is in play (Art 25(1), Art 27(1)), answered "No". */
const OPERATOR_NO = { becomes_provider: false, public_body_or_public_service: false } as const;

/** The Art 6(3) questions shown once an Annex III use is in play, and the operator questions shown with them. */
const NO_DEROGATION = {
  ...OPERATOR_NO,
  derogation_narrow_procedural: false,
  derogation_improves_human_activity: false,
  derogation_detects_patterns: false,
  derogation_preparatory: false,
} as const;

/** An Annex III use with no derogation claimed, profiling as stated. */
const annexIII = (point: string, profiles = true): ClassificationAnswers =>
  classificationAnswersSchema.parse({ annex3_areas: [point], ...NO_DEROGATION, profiles_natural_persons: profiles });

const GPAI_NOT_SYSTEMIC = {
  is_gpai_model: true,
  gpai_high_impact_capabilities: false,
  gpai_compute_above_threshold: false,
  gpai_commission_designated: false,
  gpai_open_source: false,
} as const;

interface WorkedCase {
  readonly name: string;
  readonly answers: ClassificationAnswers;
  readonly tier: RiskTier;
  /** Provisions that must be among the grounds of the tier (the proposal's basis). */
  readonly basis: readonly string[];
  /** Provisions the explanation must cite, in the basis or in what also applies. */
  readonly cites?: readonly string[];
  /** Provisions that must not be among the grounds. */
  readonly notBasis?: readonly string[];
}

const CASES: readonly WorkedCase[] = [
  // Art 5: prohibited practices
  {
    name: "a game that uses subliminal cues to push players into purchases that harm them (Art 5(1)(a))",
    answers: { manipulative_techniques: true },
    tier: "prohibited",
    basis: ["Art 5(1)(a)"],
    cites: ["Art 99(3)"],
  },
  {
    name: "a toy that nudges children into dangerous behaviour (Art 5(1)(b))",
    answers: { exploits_vulnerabilities: true },
    tier: "prohibited",
    basis: ["Art 5(1)(b)"],
  },
  {
    name: "a municipal citizen score that restricts access to unrelated services (Art 5(1)(c))",
    answers: { social_scoring: true },
    tier: "prohibited",
    basis: ["Art 5(1)(c)"],
  },
  {
    name: "predicting who will commit a crime from personality traits alone (Art 5(1)(d))",
    answers: { crime_prediction_profiling: true },
    tier: "prohibited",
    basis: ["Art 5(1)(d)"],
  },
  {
    name: "a face search engine built by scraping photos from the web (Art 5(1)(e))",
    answers: { facial_image_scraping: true },
    tier: "prohibited",
    basis: ["Art 5(1)(e)"],
  },
  {
    name: "monitoring call-centre agents' moods (Art 5(1)(f))",
    answers: {
      emotion_recognition: true,
      emotion_recognition_work_education: true,
      emotion_recognition_medical_safety: false,
      ...NO_DEROGATION,
      profiles_natural_persons: true,
      law_enforcement_authorised: false,
    },
    tier: "prohibited",
    basis: ["Art 5(1)(f)"],
  },
  {
    name: "inferring sexual orientation from face images (Art 5(1)(g))",
    answers: {
      biometric_categorisation: true,
      biometric_categorisation_sensitive: true,
      biometric_categorisation_exempt: false,
      law_enforcement_authorised: false,
    },
    tier: "prohibited",
    basis: ["Art 5(1)(g)"],
  },
  {
    name: "live facial recognition by police in a station with no permitted objective (Art 5(1)(h))",
    answers: {
      remote_biometric_identification: true,
      realtime_rbi_law_enforcement: true,
      realtime_rbi_objectives: [],
      ...NO_DEROGATION,
      profiles_natural_persons: true,
    },
    tier: "prohibited",
    basis: ["Art 5(1)(h)"],
  },
  {
    name: "live facial recognition for a permitted objective but without national law and prior authorisation (Art 5(1)(h), Art 5(2)-(5))",
    answers: {
      remote_biometric_identification: true,
      realtime_rbi_law_enforcement: true,
      realtime_rbi_objectives: ["serious_crime_suspect"],
      realtime_rbi_authorised: false,
      ...NO_DEROGATION,
      profiles_natural_persons: true,
    },
    tier: "prohibited",
    basis: ["Art 5(1)(h)"],
  },
  // Art 5 exceptions: not prohibited, but Annex III point 1
  {
    name: "detecting acute stress of plant operators for safety (Art 5(1)(f) exception, Annex III point 1(c))",
    answers: {
      emotion_recognition: true,
      emotion_recognition_work_education: true,
      emotion_recognition_medical_safety: true,
      ...NO_DEROGATION,
      profiles_natural_persons: false,
      law_enforcement_authorised: false,
    },
    tier: "high",
    basis: ["Art 6(2)", "Annex III point 1(c)", "Art 5(1)(f)"],
    cites: ["Art 50(3)", "Art 49(1)", "Art 49(4)"],
  },
  {
    name: "police categorisation of biometric data authorised by law (Art 5(1)(g) exception, Annex III point 1(b), Art 50(3) exception not a ground)",
    answers: {
      biometric_categorisation: true,
      biometric_categorisation_sensitive: true,
      biometric_categorisation_exempt: true,
      ...NO_DEROGATION,
      profiles_natural_persons: true,
      law_enforcement_authorised: true,
      law_enforcement_public_reporting: false,
    },
    tier: "high",
    basis: ["Annex III point 1(b)", "Art 5(1)(g)"],
    cites: ["Art 49(4)"],
    notBasis: ["Art 50(3)"],
  },
  {
    name: "authorised live facial recognition to find an abducted child (Art 5(1)(h)(i), Annex III point 1(a))",
    answers: {
      remote_biometric_identification: true,
      realtime_rbi_law_enforcement: true,
      realtime_rbi_objectives: ["victims_missing_persons"],
      realtime_rbi_authorised: true,
      ...NO_DEROGATION,
      profiles_natural_persons: true,
    },
    tier: "high",
    basis: ["Annex III point 1(a)", "Art 5(1)(h)(i)"],
    cites: ["Art 5(2)-(5)", "Art 49(4)"],
    notBasis: ["Art 26(10)"],
  },
  // Art 6(1) and Annex I
  {
    name: "radiology triage software, a class IIa medical device needing a notified body (Art 6(1), Annex I)",
    answers: { annex1_product: true, annex1_third_party_assessment: true, annex1_section_b: false, ...OPERATOR_NO },
    tier: "high",
    basis: ["Art 6(1)", "Annex I"],
    cites: ["Art 8-15", "Art 16", "Art 26"],
  },
  {
    name: "a safety function in machinery that the manufacturer may self-certify (Art 6(1)(b) not met)",
    answers: { annex1_product: true, annex1_third_party_assessment: false, annex1_section_b: false, ...OPERATOR_NO },
    tier: "minimal",
    basis: ["Art 95"],
    notBasis: ["Art 6(1)"],
  },
  // Annex III, every point
  {
    name: "retrospective face matching of CCTV stills against a watch list by the police (Annex III point 1(a), Art 26(10); a public body: Art 27)",
    answers: {
      remote_biometric_identification: true,
      realtime_rbi_law_enforcement: false,
      ...NO_DEROGATION,
      profiles_natural_persons: false,
      public_body_or_public_service: true,
    },
    tier: "high",
    basis: ["Art 6(2)", "Annex III point 1(a)"],
    cites: ["Art 26(10)", "Art 49(4)", "Art 27"],
  },
  {
    name: "a safety component controlling a water-supply network (Annex III point 2: registration, no FRIA)",
    answers: annexIII("2", false),
    tier: "high",
    basis: ["Art 6(2)", "Annex III point 2"],
    cites: ["Art 49(1)"],
  },
  {
    name: "admissions ranking at a public university (Annex III point 3(a); a body governed by public law: Art 27)",
    answers: { ...annexIII("3a"), public_body_or_public_service: true },
    tier: "high",
    basis: ["Annex III point 3(a)"],
    cites: ["Art 27"],
  },
  { name: "automated essay grading (Annex III point 3(b))", answers: annexIII("3b"), tier: "high", basis: ["Annex III point 3(b)"] },
  { name: "placement into school tracks (Annex III point 3(c))", answers: annexIII("3c"), tier: "high", basis: ["Annex III point 3(c)"] },
  { name: "online exam proctoring (Annex III point 3(d))", answers: annexIII("3d"), tier: "high", basis: ["Annex III point 3(d)"] },
  {
    name: "CV screening that ranks applicants (Annex III point 4(a))",
    answers: annexIII("4a"),
    tier: "high",
    basis: ["Annex III point 4(a)"],
    cites: ["Art 49(1)"],
  },
  { name: "allocating shifts by worker behaviour (Annex III point 4(b))", answers: annexIII("4b"), tier: "high", basis: ["Annex III point 4(b)"] },
  {
    name: "eligibility checks for housing benefit by a public authority (Annex III point 5(a))",
    answers: annexIII("5a"),
    tier: "high",
    basis: ["Annex III point 5(a)"],
  },
  {
    name: "consumer credit scoring (Annex III point 5(b))",
    answers: { ...annexIII("5b"), credit_fraud_detection_only: false },
    tier: "high",
    basis: ["Annex III point 5(b)"],
    cites: ["Art 27"],
  },
  {
    name: "card-payment fraud detection (carved out of Annex III point 5(b))",
    answers: { annex3_areas: ["5b"], credit_fraud_detection_only: true, ...NO_DEROGATION, profiles_natural_persons: true },
    tier: "minimal",
    basis: ["Annex III point 5(b)"],
    notBasis: ["Art 6(2)"],
  },
  { name: "life-insurance risk pricing (Annex III point 5(c))", answers: annexIII("5c"), tier: "high", basis: ["Annex III point 5(c)"], cites: ["Art 27"] },
  { name: "emergency-call triage (Annex III point 5(d))", answers: annexIII("5d"), tier: "high", basis: ["Annex III point 5(d)"] },
  {
    name: "police assessment of the risk of becoming a victim (Annex III point 6(a), Art 49(4))",
    answers: annexIII("6a"),
    tier: "high",
    basis: ["Annex III point 6(a)"],
    cites: ["Art 49(4)"],
  },
  { name: "AI polygraph used by police (Annex III point 6(b))", answers: annexIII("6b"), tier: "high", basis: ["Annex III point 6(b)"], cites: ["Art 49(4)"] },
  { name: "assessing the reliability of evidence (Annex III point 6(c))", answers: annexIII("6c", false), tier: "high", basis: ["Annex III point 6(c)"] },
  {
    name: "re-offending risk assessment not solely based on profiling (Annex III point 6(d))",
    answers: annexIII("6d"),
    tier: "high",
    basis: ["Annex III point 6(d)"],
  },
  {
    name: "profiling in a criminal investigation, even when called preparatory (Annex III point 6(e): no Art 6(3) derogation)",
    answers: { annex3_areas: ["6e"], ...NO_DEROGATION, derogation_preparatory: true, profiles_natural_persons: false },
    tier: "high",
    basis: ["Annex III point 6(e)", "Art 6(3) third subparagraph"],
    notBasis: ["Art 6(3)(d)"],
  },
  {
    name: "AI lie detection at the border (Annex III point 7(a))",
    answers: annexIII("7a"),
    tier: "high",
    basis: ["Annex III point 7(a)"],
    cites: ["Art 49(4)"],
  },
  {
    name: "risk assessment of travellers entering the EU (Annex III point 7(b))",
    answers: annexIII("7b"),
    tier: "high",
    basis: ["Annex III point 7(b)"],
    cites: ["Art 49(4)"],
  },
  { name: "examining visa applications (Annex III point 7(c))", answers: annexIII("7c"), tier: "high", basis: ["Annex III point 7(c)"] },
  { name: "detecting persons at the border (Annex III point 7(d))", answers: annexIII("7d", false), tier: "high", basis: ["Annex III point 7(d)"] },
  { name: "assisting a court in applying the law (Annex III point 8(a))", answers: annexIII("8a", false), tier: "high", basis: ["Annex III point 8(a)"] },
  { name: "micro-targeting voters to sway an election (Annex III point 8(b))", answers: annexIII("8b"), tier: "high", basis: ["Annex III point 8(b)"] },
  // Art 6(3) derogations and the profiling override
  {
    name: "turning application letters into structured data (Art 6(3)(a))",
    answers: { annex3_areas: ["4a"], ...NO_DEROGATION, derogation_narrow_procedural: true, profiles_natural_persons: false },
    tier: "minimal",
    basis: ["Art 6(3)(a)"],
    cites: ["Art 6(4)", "Art 49(2)"],
    notBasis: ["Art 6(2)"],
  },
  {
    name: "polishing the language of a teacher's finished report (Art 6(3)(b))",
    answers: { annex3_areas: ["3b"], ...NO_DEROGATION, derogation_improves_human_activity: true, profiles_natural_persons: false },
    tier: "minimal",
    basis: ["Art 6(3)(b)"],
  },
  {
    name: "flagging a grader's deviation from their usual pattern for human review (Art 6(3)(c))",
    answers: { annex3_areas: ["3b"], ...NO_DEROGATION, derogation_detects_patterns: true, profiles_natural_persons: false },
    tier: "minimal",
    basis: ["Art 6(3)(c)"],
  },
  {
    name: "translating benefit-claim documents before assessment, with a chatbot front end (Art 6(3)(d) and Art 50(1))",
    answers: {
      annex3_areas: ["5a"],
      ...NO_DEROGATION,
      derogation_preparatory: true,
      profiles_natural_persons: false,
      interacts_with_persons: true,
      interaction_obvious: false,
      law_enforcement_authorised: false,
    },
    tier: "limited",
    basis: ["Art 50(1)", "Art 6(3)(d)"],
    cites: ["Art 6(4)", "Art 49(2)"],
  },
  {
    name: "a 'preparatory' applicant-scoring tool that profiles people (Art 6(3) third subparagraph)",
    answers: { annex3_areas: ["4a"], ...NO_DEROGATION, derogation_preparatory: true, profiles_natural_persons: true },
    tier: "high",
    basis: ["Art 6(2)", "Annex III point 4(a)", "Art 6(3) third subparagraph"],
    notBasis: ["Art 6(3)(d)"],
  },
  {
    name: "indexing the files of asylum applications before they are examined (Art 6(3)(d); registration in the secure section, Art 49(4))",
    answers: { annex3_areas: ["7c"], ...NO_DEROGATION, derogation_preparatory: true, profiles_natural_persons: false },
    tier: "minimal",
    basis: ["Art 6(3)(d)"],
    cites: ["Art 6(4)", "Art 49(2)", "Art 49(4)"],
  },
  {
    name: "a recruitment chatbot whose AI nature is obvious: high risk, and the Art 50(1) exception is not among the grounds",
    answers: { ...annexIII("4a"), interacts_with_persons: true, interaction_obvious: true, law_enforcement_authorised: false },
    tier: "high",
    basis: ["Annex III point 4(a)"],
    notBasis: ["Art 50(1)"],
  },
  {
    name: "a voice-controlled medical device needing a notified body (Art 6(1), with the Art 50(1) duty)",
    answers: {
      annex1_product: true,
      annex1_third_party_assessment: true,
      annex1_section_b: false,
      ...OPERATOR_NO,
      interacts_with_persons: true,
      interaction_obvious: false,
      law_enforcement_authorised: false,
    },
    tier: "high",
    basis: ["Art 6(1)", "Annex I"],
    cites: ["Art 50(1)"],
    notBasis: ["Art 50(1)"],
  },
  // Art 50 transparency
  {
    name: "a customer-service chatbot (Art 50(1))",
    answers: { interacts_with_persons: true, interaction_obvious: false, law_enforcement_authorised: false },
    tier: "limited",
    basis: ["Art 50(1)"],
    cites: ["Art 4"],
  },
  {
    name: "a voice assistant whose AI nature is obvious (Art 50(1) exception)",
    answers: { interacts_with_persons: true, interaction_obvious: true, law_enforcement_authorised: false },
    tier: "minimal",
    basis: ["Art 95", "Art 50(1)"],
  },
  {
    name: "a police chatbot the public uses to report crimes (Art 50(1): the law-enforcement exemption does not cover it)",
    answers: { interacts_with_persons: true, interaction_obvious: false, law_enforcement_authorised: true, law_enforcement_public_reporting: true },
    tier: "limited",
    basis: ["Art 50(1)"],
  },
  {
    name: "an investigators' assistant authorised by law, not open to the public (Art 50(1) law-enforcement exemption)",
    answers: { interacts_with_persons: true, interaction_obvious: false, law_enforcement_authorised: true, law_enforcement_public_reporting: false },
    tier: "minimal",
    basis: ["Art 50(1)"],
  },
  {
    name: "a text-to-image generator (Art 50(2))",
    answers: { generates_synthetic_content: true, synthetic_content_assistive_editing: false, law_enforcement_authorised: false },
    tier: "limited",
    basis: ["Art 50(2)"],
  },
  {
    name: "a grammar checker (Art 50(2) assistive-editing exception)",
    answers: { generates_synthetic_content: true, synthetic_content_assistive_editing: true, law_enforcement_authorised: false },
    tier: "minimal",
    basis: ["Art 50(2)"],
  },
  {
    name: "a face-swap video app (Art 50(2) and Art 50(4))",
    answers: { generates_synthetic_content: true, synthetic_content_assistive_editing: false, deep_fake: true, law_enforcement_authorised: false },
    tier: "limited",
    basis: ["Art 50(2)", "Art 50(4)"],
  },
  {
    name: "auto-written local news published without editorial review (Art 50(4))",
    answers: { public_interest_text: true, public_interest_text_editorial_control: false, law_enforcement_authorised: false },
    tier: "limited",
    basis: ["Art 50(4)"],
  },
  {
    name: "AI-drafted news that an editor reviews and takes responsibility for (Art 50(4) exception)",
    answers: { public_interest_text: true, public_interest_text_editorial_control: true, law_enforcement_authorised: false },
    tier: "minimal",
    basis: ["Art 50(4)"],
  },
  {
    name: "emotion recognition of shoppers in a store (Annex III point 1(c), with the Art 50(3) duty)",
    answers: {
      emotion_recognition: true,
      emotion_recognition_work_education: false,
      ...NO_DEROGATION,
      profiles_natural_persons: true,
      law_enforcement_authorised: false,
    },
    tier: "high",
    basis: ["Annex III point 1(c)"],
    cites: ["Art 50(3)"],
  },
  // Chapter V: general-purpose AI models
  {
    name: "a foundation model trained with more than 10^25 FLOPs (Art 51(2) presumption)",
    answers: { ...GPAI_NOT_SYSTEMIC, gpai_compute_above_threshold: true, gpai_systemic_rebuttal_accepted: false },
    tier: "gpai_systemic",
    basis: ["Art 51(2)", "Art 55"],
    cites: ["Art 52(1)", "Art 53"],
  },
  {
    name: "a model above the threshold whose arguments against systemic risk the Commission accepted (Art 52(2)-(3))",
    answers: { ...GPAI_NOT_SYSTEMIC, gpai_compute_above_threshold: true, gpai_systemic_rebuttal_accepted: true },
    tier: "gpai",
    basis: ["Art 3(63)", "Art 53", "Art 52(2)-(3)"],
    notBasis: ["Art 55"],
  },
  {
    name: "a model designated by the Commission (Art 51(1)(b)): no Art 52(1) notification",
    answers: { ...GPAI_NOT_SYSTEMIC, gpai_commission_designated: true, gpai_designation_reassessed: false },
    tier: "gpai_systemic",
    basis: ["Art 51(1)(b)", "Art 55"],
  },
  {
    name: "a designated model the Commission later reassessed (Art 52(5))",
    answers: { ...GPAI_NOT_SYSTEMIC, gpai_commission_designated: true, gpai_designation_reassessed: true },
    tier: "gpai",
    basis: ["Art 52(5)"],
    notBasis: ["Art 51(1)(b)"],
  },
  {
    name: "a small open-weights model (Art 53(2) exemption noted)",
    answers: { ...GPAI_NOT_SYSTEMIC, gpai_open_source: true },
    tier: "gpai",
    basis: ["Art 3(63)", "Art 53"],
  },
  {
    name: "a lab's own model built into its own chatbot (Recital 97: still its provider; Art 50(1) also applies)",
    answers: { ...GPAI_NOT_SYSTEMIC, interacts_with_persons: true, interaction_obvious: false, law_enforcement_authorised: false },
    tier: "gpai",
    basis: ["Art 53"],
    cites: ["Art 50(1)"],
  },
  {
    name: "exam grading on the provider's own GPAI model stays high risk and lists the GPAI duties",
    answers: { ...annexIII("3b"), ...GPAI_NOT_SYSTEMIC },
    tier: "high",
    basis: ["Annex III point 3(b)"],
    cites: ["Art 53"],
  },
  // Nothing applies
  { name: "an e-mail spam filter (Art 95, Art 4)", answers: {}, tier: "minimal", basis: ["Art 95"], cites: ["Art 4"] },
  // Scope before tier (Art 2, Art 3(1))
  {
    name: "a rules-only invoice workflow (fixed if-then rules, no inference) is not an AI system (Art 3(1), Recital 12)",
    answers: { is_ai_system: false },
    tier: "out_of_scope",
    basis: ["Art 3(1)"],
  },
  {
    name: "a foundation model that is not itself an AI system stays in scope as a GPAI model (Art 2(1)(a), Art 3(63))",
    answers: { is_ai_system: false, ...GPAI_NOT_SYSTEMIC },
    tier: "gpai",
    basis: ["Art 3(63)", "Art 53"],
    notBasis: ["Art 3(1)"],
  },
  {
    name: "a national-security service's risk assessment of persons, used exclusively for national security (Art 2(3))",
    answers: { military_defence_security_only: true, ...annexIII("6a") },
    tier: "out_of_scope",
    basis: ["Art 2(3)"],
    notBasis: ["Annex III point 6(a)"],
  },
  {
    name: "a university lab's protein-folding model built and used solely for scientific research (Art 2(6))",
    answers: { scientific_research_only: true },
    tier: "out_of_scope",
    basis: ["Art 2(6)"],
  },
  {
    name: "a CV-ranking prototype still in development, not yet on the market or tested in real-world conditions (Art 2(8))",
    answers: { pre_market_development_only: true, ...annexIII("4a") },
    tier: "out_of_scope",
    basis: ["Art 2(8)"],
    notBasis: ["Annex III point 4(a)"],
  },
  {
    name: "a person's own photo-sorting app used at home (Art 2(10))",
    answers: { purely_personal_use: true },
    tier: "out_of_scope",
    basis: ["Art 2(10)"],
  },
  {
    name: "an open-source text classifier with no high-risk use and no Art 50 duty (Art 2(12))",
    answers: { free_open_source_licence: true },
    tier: "out_of_scope",
    basis: ["Art 2(12)"],
  },
  {
    name: "an open-source CV-ranking system put into service by an employer is high-risk: the Art 2(12) exclusion does not reach it",
    answers: { free_open_source_licence: true, ...annexIII("4a") },
    tier: "high",
    basis: ["Art 6(2)", "Annex III point 4(a)"],
    cites: ["Art 2(12)"],
    notBasis: ["Art 2(12)"],
  },
  {
    name: "an open-source chatbot must still say it is a machine (Art 2(12) with Art 50(1))",
    answers: { free_open_source_licence: true, interacts_with_persons: true, interaction_obvious: false, law_enforcement_authorised: false },
    tier: "limited",
    basis: ["Art 50(1)"],
    cites: ["Art 2(12)"],
  },
  {
    name: "an open-source social-scoring system is still prohibited (Art 2(12) with Art 5)",
    answers: { free_open_source_licence: true, social_scoring: true },
    tier: "prohibited",
    basis: ["Art 5(1)(c)"],
    cites: ["Art 2(12)"],
  },
  {
    name: "an open-weights general-purpose model stays a GPAI model with reduced duties (Art 2(12) does not cover models; Art 53(2))",
    answers: { free_open_source_licence: true, ...GPAI_NOT_SYSTEMIC, gpai_open_source: true },
    tier: "gpai",
    basis: ["Art 53"],
    notBasis: ["Art 2(12)"],
  },
];

describe("proposeTier against worked cases from Regulation (EU) 2024/1689", () => {
  it("has at least 40 cases", () => expect(CASES.length).toBeGreaterThanOrEqual(40));

  it.each(CASES.map((entry) => [entry.name, entry] as const))("%s", (_name, entry) => {
    const proposal = proposeTier(classificationAnswersSchema.parse({ ...NONE, ...entry.answers }));
    expect({ missing: proposal.missing, assumed: proposal.assumed }, "every shown question is answered").toEqual({ missing: [], assumed: [] });
    expect(proposal.tier).toBe(entry.tier);
    const basis = proposal.basis.map((item) => item.ref);
    expect(basis).toEqual(expect.arrayContaining([...entry.basis]));
    const cited = [...basis, ...proposal.alsoApplies.map((item) => item.ref)];
    expect(cited).toEqual(expect.arrayContaining([...(entry.cites ?? [])]));
    for (const ref of entry.notBasis ?? []) expect(basis).not.toContain(ref);
  });
});

// Issue 12 §3: the same system, different operators. The proposal's obligations are filtered by the system's
// EU AI Act role (obligationsForRole, as the system page shows them).
interface RoleCase {
  readonly name: string;
  readonly answers: ClassificationAnswers;
  readonly role: EuAiActRole;
  /** Provisions that bind the organisation in this role. */
  readonly applies: readonly string[];
  /** Provisions that must not bind it (they may be listed for another operator). */
  readonly notApplies: readonly string[];
  /** Provisions the proposal must not name at all, for any operator. */
  readonly notNamed?: readonly string[];
  readonly becomesProvider?: boolean;
}

const CREDIT = { ...annexIII("5b"), credit_fraud_detection_only: false };
const HIRING = annexIII("4a");
const MEDICAL_DEVICE = { annex1_product: true, annex1_third_party_assessment: true, annex1_section_b: false, ...OPERATOR_NO };
const CAR_SAFETY = { ...MEDICAL_DEVICE, annex1_section_b: true };
const PROVIDER_DUTIES = ["Art 8-15", "Art 16", "Art 43", "Art 49(1)"];

const ROLE_CASES: readonly RoleCase[] = [
  { name: "credit scoring (5(b)), its provider", answers: CREDIT, role: "provider", applies: PROVIDER_DUTIES, notApplies: ["Art 26", "Art 27"] },
  {
    name: "credit scoring (5(b)), a bank deploying it: Art 26 and, for 5(b), always Art 27",
    answers: CREDIT,
    role: "deployer",
    applies: ["Art 26", "Art 27"],
    notApplies: PROVIDER_DUTIES,
  },
  { name: "credit scoring (5(b)), its importer", answers: CREDIT, role: "importer", applies: ["Art 23"], notApplies: [...PROVIDER_DUTIES, "Art 26", "Art 27"] },
  { name: "credit scoring (5(b)), its distributor", answers: CREDIT, role: "distributor", applies: ["Art 24"], notApplies: [...PROVIDER_DUTIES, "Art 26"] },
  {
    name: "CV screening (4(a)), its provider",
    answers: HIRING,
    role: "provider",
    applies: PROVIDER_DUTIES,
    notApplies: ["Art 26", "Art 27"],
    notNamed: ["Art 27"],
  },
  {
    name: "CV screening (4(a)), a private employer deploying it: Art 26, no Art 27",
    answers: HIRING,
    role: "deployer",
    applies: ["Art 26"],
    notApplies: PROVIDER_DUTIES,
    notNamed: ["Art 27", "Art 25(1)"],
  },
  {
    name: "CV screening (4(a)), a public administration deploying it: Art 26 and Art 27",
    answers: { ...HIRING, public_body_or_public_service: true },
    role: "deployer",
    applies: ["Art 26", "Art 27"],
    notApplies: PROVIDER_DUTIES,
  },
  {
    name: "CV screening (4(a)), a deployer that rebranded and modified it is considered its provider (Art 25(1))",
    answers: { ...HIRING, becomes_provider: true },
    role: "deployer",
    applies: ["Art 25(1)", ...PROVIDER_DUTIES, "Art 26"],
    notApplies: [],
    becomesProvider: true,
  },
  {
    name: "a chatbot repurposed by a distributor for ranking job applicants: it becomes the provider (Art 25(1)(c))",
    answers: { ...HIRING, becomes_provider: true },
    role: "distributor",
    applies: ["Art 25(1)", ...PROVIDER_DUTIES, "Art 24"],
    notApplies: ["Art 26"],
    becomesProvider: true,
  },
  {
    name: "the provider of the same system is not told it 'becomes' the provider",
    answers: { ...HIRING, becomes_provider: true },
    role: "provider",
    applies: PROVIDER_DUTIES,
    notApplies: ["Art 25(1)", "Art 26"],
  },
  {
    name: "radiology triage software (Annex I Section A), its manufacturer",
    answers: MEDICAL_DEVICE,
    role: "product_manufacturer",
    applies: ["Art 8-15", "Art 16", "Art 43"],
    notApplies: ["Art 26"],
  },
  {
    name: "radiology triage software (Annex I Section A), a hospital using it",
    answers: MEDICAL_DEVICE,
    role: "deployer",
    applies: ["Art 26"],
    notApplies: ["Art 16", "Art 43"],
  },
  {
    name: "an emergency-braking component of a car (Annex I Section B), its provider: Art 2(2), not Art 8-15 or 16",
    answers: CAR_SAFETY,
    role: "provider",
    applies: ["Art 2(2)"],
    notApplies: [],
    notNamed: ["Art 8-15", "Art 16", "Art 26", "Art 43"],
  },
  {
    name: "an emergency-braking component of a car (Annex I Section B), a fleet operator deploying it: Art 2(2), not Art 26",
    answers: CAR_SAFETY,
    role: "deployer",
    applies: ["Art 2(2)"],
    notApplies: [],
    notNamed: ["Art 8-15", "Art 16", "Art 26", "Art 43"],
  },
];

describe("duties follow the operator's role (Art 16, 22-27, Art 2(2))", () => {
  it.each(ROLE_CASES.map((entry) => [entry.name, entry] as const))("%s", (_name, entry) => {
    const proposal = proposeTier(classificationAnswersSchema.parse({ ...NONE, ...entry.answers }));
    expect({ missing: proposal.missing, assumed: proposal.assumed }, "every shown question is answered").toEqual({ missing: [], assumed: [] });
    expect(proposal.tier).toBe("high");
    const { applies, otherOperators, becomesProvider } = obligationsForRole(proposal.alsoApplies, entry.role);
    const mine = applies.map((item) => item.ref);
    expect(mine).toEqual(expect.arrayContaining([...entry.applies]));
    for (const ref of entry.notApplies) expect(mine, ref).not.toContain(ref);
    const named = [...mine, ...otherOperators.map((item) => item.ref)];
    for (const ref of entry.notNamed ?? []) expect(named, ref).not.toContain(ref);
    expect(becomesProvider).toBe(entry.becomesProvider ?? false);
  });

  it("provider and deployer of the same credit-scoring system get different obligations, and nothing is lost", () => {
    const proposal = proposeTier(classificationAnswersSchema.parse({ ...NONE, ...CREDIT }));
    const provider = obligationsForRole(proposal.alsoApplies, "provider");
    const deployer = obligationsForRole(proposal.alsoApplies, "deployer");
    expect(provider.applies.map((item) => item.ref)).not.toEqual(deployer.applies.map((item) => item.ref));
    for (const side of [provider, deployer]) expect(side.applies.length + side.otherOperators.length).toBe(proposal.alsoApplies.length);
    expect(deployer.otherOperators.map((item) => item.ref)).toEqual(expect.arrayContaining(PROVIDER_DUTIES));
  });
});
