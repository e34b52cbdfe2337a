import type { CrosswalkRelation, CrosswalkRow, ItemRef } from "./types";

// Crosswalk rows authored by this project. Each row states, in one sentence, why the two items
// correspond; a reviewer should be able to check that sentence against the two texts. Conventions:
// - management-system control (ISO/IEC 42001 Annex A, NIST AI RMF) → legal obligation (EU AI Act):
//   "supports" (it contributes evidence towards the article, rarely all of it);
// - ISO ↔ NIST: "equivalent" only where both ask for the same thing, otherwise "supports"/"related";
// - ATLAS mitigation → control or article it helps implement: "supports";
// - OWASP risk ↔ ATLAS technique and EU AI Act Art 15(5) ↔ ATLAS technique: "related" (taxonomy link,
//   no evidence claim).
// Ids are checked against the catalogs by lib/crosswalk/crosswalk.test.ts.

const iso = (id: string): ItemRef => ({ framework: "iso42001", id });
const art = (article: number): ItemRef => ({ framework: "eu_ai_act", id: `Art ${article}` });
const nist = (id: string): ItemRef => ({ framework: "nist_ai_rmf", id });
const llm = (rank: string): ItemRef => ({ framework: "owasp_llm_2025", id: `LLM${rank}:2025` });
const asi = (rank: string): ItemRef => ({ framework: "owasp_agentic_2026", id: `ASI${rank}:2026` });
const technique = (id: string): ItemRef => ({ framework: "atlas_technique", id });
const mitigation = (id: string): ItemRef => ({ framework: "atlas_mitigation", id });

function row(from: ItemRef, relation: CrosswalkRelation, to: ItemRef, rationale: string): CrosswalkRow {
  return { from, to, relation, source: { kind: "project", rationale } };
}

export const PROJECT_ROWS: readonly CrosswalkRow[] = [
  // ── EU AI Act Art 4: AI literacy ──
  row(
    iso("A.4.6"),
    "supports",
    art(4),
    "Documenting the human resources and competences an AI system needs (A.4.6) supports ensuring a sufficient level of AI literacy of the staff dealing with it (Art 4).",
  ),
  row(
    nist("GOVERN 2.2"),
    "supports",
    art(4),
    "AI risk management training for personnel and partners (GOVERN 2.2) is a direct means of meeting the AI literacy duty of Art 4.",
  ),

  // ── Art 9: risk management system ──
  row(
    iso("A.5.2"),
    "supports",
    art(9),
    "A.5.2's process for assessing an AI system's consequences for individuals and society feeds the identification and analysis of risks to health, safety and fundamental rights required by Art 9(2)(a).",
  ),
  row(
    iso("A.6.1.3"),
    "supports",
    art(9),
    "A.6.1.3 defines the design and development processes into which Art 9(1)-(2) requires the risk management system to be built as a continuous, iterative process over the lifecycle.",
  ),
  row(
    nist("MAP 1.5"),
    "supports",
    art(9),
    "Documented organisational risk tolerances (MAP 1.5) are the yardstick Art 9(5) needs for judging whether residual risks are acceptable.",
  ),
  row(
    nist("MAP 5.1"),
    "supports",
    art(9),
    "Estimating the likelihood and magnitude of each identified impact (MAP 5.1) is the estimation and evaluation of risks that Art 9(2)(b) requires.",
  ),
  row(
    nist("MANAGE 1.3"),
    "supports",
    art(9),
    "Planned and documented responses to high-priority risks (MANAGE 1.3) correspond to the targeted risk management measures of Art 9(2)(d).",
  ),
  row(
    nist("MANAGE 1.4"),
    "supports",
    art(9),
    "Documenting negative residual risks for downstream acquirers and end users (MANAGE 1.4) matches Art 9(5), under which residual risks must be judged acceptable and deployers informed.",
  ),
  row(
    nist("MEASURE 2.6"),
    "supports",
    art(9),
    "Regular safety evaluation showing residual risk within tolerance (MEASURE 2.6) supports the testing against prior defined metrics and probabilistic thresholds of Art 9(6)-(8).",
  ),

  // ── Art 10: data and data governance ──
  row(
    iso("A.7.2"),
    "supports",
    art(10),
    "A.7.2 defines and documents data management for developing the AI system, the data governance and management practices Art 10(2) requires for training, validation and testing data.",
  ),
  row(
    iso("A.7.3"),
    "supports",
    art(10),
    "How data is acquired and selected (A.7.3) corresponds to Art 10(2)(b), data collection processes and the origin of data.",
  ),
  row(
    iso("A.7.4"),
    "supports",
    art(10),
    "Data quality requirements (A.7.4) correspond to Art 10(3): data sets relevant, sufficiently representative, as free of errors and as complete as possible.",
  ),
  row(
    iso("A.7.5"),
    "supports",
    art(10),
    "Recording data provenance (A.7.5) gives the origin of the data and, for personal data, the original purpose of collection that Art 10(2)(b) asks for.",
  ),
  row(
    iso("A.7.6"),
    "supports",
    art(10),
    "Data preparation (A.7.6) covers the annotation, labelling, cleaning, updating, enrichment and aggregation operations listed in Art 10(2)(c).",
  ),
  row(
    nist("MAP 2.3"),
    "supports",
    art(10),
    "MAP 2.3 documents data collection and selection considerations such as availability, representativeness and suitability, the assessment Art 10(2)(d)-(e) requires.",
  ),
  row(
    nist("MEASURE 2.11"),
    "supports",
    art(10),
    "Evaluating fairness and bias (MEASURE 2.11) supports the examination for possible biases and the measures to detect, prevent and mitigate them under Art 10(2)(f)-(g).",
  ),

  // ── Art 11 / Annex IV: technical documentation ──
  row(
    iso("A.6.2.7"),
    "supports",
    art(11),
    "A.6.2.7 requires technical documentation of the AI system for the relevant parties; Art 11 with Annex IV fixes what that documentation must contain for a high-risk system.",
  ),
  row(
    iso("A.6.2.3"),
    "supports",
    art(11),
    "Documentation of design and development (A.6.2.3) provides the design specifications and system architecture that Annex IV point 2 requires in the Art 11 documentation.",
  ),

  // ── Art 12 and Art 19: record-keeping and logs ──
  row(
    iso("A.6.2.8"),
    "supports",
    art(12),
    "A.6.2.8 requires deciding at which lifecycle phases event logs are recorded, at least while in use; Art 12 requires high-risk systems to allow automatic recording of events over their lifetime.",
  ),
  row(
    iso("A.6.2.8"),
    "supports",
    art(19),
    "Event logs recorded under A.6.2.8 are the automatically generated logs that Art 19 requires providers to keep, for at least six months.",
  ),
  row(
    mitigation("AML.M0024"),
    "supports",
    art(12),
    "ATLAS AI Telemetry Logging records model inputs, outputs and agent actions, a concrete implementation of the automatic event logging required by Art 12.",
  ),

  // ── Art 13: transparency and information to deployers ──
  row(
    iso("A.8.2"),
    "supports",
    art(13),
    "System documentation and information for users (A.8.2) corresponds to the instructions for use that Art 13(2)-(3) requires providers to give deployers.",
  ),
  row(
    nist("MAP 2.2"),
    "supports",
    art(13),
    "MAP 2.2 documents the system's knowledge limits and how its output may be used and overseen by humans, content Art 13(3)(b) and (d) require in the instructions for use.",
  ),

  // ── Art 14: human oversight ──
  row(
    nist("MAP 3.5"),
    "supports",
    art(14),
    "Defined, assessed and documented human oversight processes (MAP 3.5) support the oversight measures Art 14(3) requires to be built in or made implementable by the deployer.",
  ),
  row(
    nist("GOVERN 3.2"),
    "supports",
    art(14),
    "GOVERN 3.2 defines roles and responsibilities for human-AI configurations and oversight, the people who must be able to monitor, interpret and override the system under Art 14(4).",
  ),
  row(
    nist("MANAGE 2.4"),
    "supports",
    art(14),
    "Mechanisms to supersede, disengage or deactivate a system (MANAGE 2.4) correspond to Art 14(4)(e), the ability to interrupt the system through a stop button or similar procedure.",
  ),
  row(
    iso("A.9.2"),
    "related",
    art(14),
    "Processes for responsible use (A.9.2) are where an operating organisation sets out when and how people review or override the system's outputs, the deployer side of Art 14 oversight.",
  ),
  row(
    mitigation("AML.M0029"),
    "supports",
    art(14),
    "ATLAS Human In-the-Loop for AI Agent Actions requires human approval before an agent acts, an oversight measure enabling the decision not to use or to override output under Art 14(4)(d).",
  ),

  // ── Art 15: accuracy, robustness and cybersecurity ──
  row(
    iso("A.6.2.4"),
    "supports",
    art(15),
    "Verification and validation (A.6.2.4) produces the accuracy and robustness evidence Art 15(1)-(3) requires, including the accuracy metrics to be declared in the instructions for use.",
  ),
  row(
    nist("MEASURE 2.5"),
    "supports",
    art(15),
    "Demonstrating that the system is valid and reliable, with the limits of generalisability documented (MEASURE 2.5), supports the appropriate level of accuracy and robustness of Art 15(1).",
  ),
  row(
    nist("MEASURE 2.7"),
    "supports",
    art(15),
    "Evaluating security and resilience (MEASURE 2.7) supports Art 15(4)-(5) on resilience against errors and against unauthorised third parties exploiting vulnerabilities.",
  ),
  row(
    mitigation("AML.M0003"),
    "supports",
    art(15),
    "Model hardening such as adversarial training makes a model robust to adversarial examples, one of the AI-specific vulnerabilities Art 15(5) requires measures against.",
  ),
  row(
    art(15),
    "related",
    technique("AML.T0020"),
    "Art 15(5) names data poisoning among the AI-specific attacks to prevent and control; ATLAS Poison Training Data is that attack.",
  ),
  row(art(15), "related", technique("AML.T0018.000"), "Art 15(5) names model poisoning; ATLAS Manipulate AI Model: Poison AI Model describes it."),
  row(art(15), "related", technique("AML.T0015"), "Art 15(5) names adversarial examples and model evasion; ATLAS Evade AI Model describes that attack."),
  row(
    art(15),
    "related",
    technique("AML.T0024"),
    "Art 15(5) names confidentiality attacks; ATLAS Exfiltration via AI Inference API covers membership inference, model inversion and model extraction.",
  ),

  // ── Art 17: quality management system ──
  row(
    iso("A.2.2"),
    "supports",
    art(17),
    "A documented AI policy (A.2.2) is the policy layer of the quality management system Art 17(1) requires, including its strategy for regulatory compliance under Art 17(1)(a).",
  ),
  row(
    iso("A.6.1.2"),
    "supports",
    art(17),
    "Objectives for responsible development (A.6.1.2) frame the design, design control and quality assurance techniques that Art 17(1)(b)-(c) requires the QMS to document.",
  ),
  row(
    iso("A.3.2"),
    "supports",
    art(17),
    "Defined AI roles and responsibilities (A.3.2) provide the accountability framework for management and other staff required by Art 17(1)(m).",
  ),
  row(
    nist("GOVERN 1.1"),
    "supports",
    art(17),
    "Understanding, managing and documenting the legal and regulatory requirements on AI (GOVERN 1.1) underpins the strategy for regulatory compliance of Art 17(1)(a).",
  ),

  // ── Art 20 and Art 25: corrective action, value chain ──
  row(
    nist("MANAGE 2.4"),
    "supports",
    art(20),
    "Mechanisms to disengage or deactivate a non-conforming system (MANAGE 2.4) let a provider take the Art 20(1) corrective actions: bring into conformity, withdraw, disable or recall.",
  ),
  row(
    iso("A.10.2"),
    "supports",
    art(25),
    "Allocating responsibilities between the organisation and its partners (A.10.2) supports the written agreement between a provider and its suppliers of AI tools, services or components required by Art 25(4).",
  ),

  // ── Art 26: deployer obligations ──
  row(
    iso("A.9.4"),
    "supports",
    art(26),
    "Using the system according to its intended use and accompanying documentation (A.9.4) is the core deployer duty of Art 26(1) to follow the instructions for use.",
  ),
  row(
    iso("A.9.2"),
    "supports",
    art(26),
    "Processes for responsible use (A.9.2) are the technical and organisational measures Art 26(1) requires deployers to take.",
  ),
  row(
    iso("A.9.3"),
    "related",
    art(26),
    "Objectives for responsible use (A.9.3) give the deployer the aims against which it monitors the system's operation under Art 26(5).",
  ),
  row(
    iso("A.6.2.6"),
    "supports",
    art(26),
    "Operating and monitoring the system (A.6.2.6) supports the deployer's duty under Art 26(5) to monitor operation on the basis of the instructions for use.",
  ),
  row(
    nist("MAP 3.4"),
    "supports",
    art(26),
    "Defining and assessing operator proficiency (MAP 3.4) supports Art 26(2), which requires oversight to be assigned to people with the necessary competence, training and authority.",
  ),

  // ── Art 27: fundamental rights impact assessment ──
  row(
    iso("A.5.4"),
    "supports",
    art(27),
    "Assessing impacts on individuals or groups of individuals (A.5.4) covers the affected categories of persons and the risks of harm to them that a FRIA must set out under Art 27(1)(c)-(d).",
  ),
  row(
    iso("A.5.5"),
    "related",
    art(27),
    "Societal impact assessment (A.5.5) overlaps the FRIA where groups' fundamental rights are affected, but Art 27 is limited to the deployer's specific use of the system.",
  ),
  row(
    iso("A.5.3"),
    "supports",
    art(27),
    "Documented impact assessments (A.5.3) are the record whose results the deployer must notify to the market surveillance authority under Art 27(3).",
  ),
  row(
    nist("MAP 5.1"),
    "supports",
    art(27),
    "Characterising the likelihood and magnitude of impacts on individuals and groups (MAP 5.1) feeds the specific risks of harm a FRIA must identify under Art 27(1)(d).",
  ),

  // ── Art 50: transparency for certain AI systems ──
  row(
    iso("A.8.5"),
    "supports",
    art(50),
    "Information for interested parties (A.8.5) covers telling people what they need to know about an AI system, including the Art 50(1) duty to inform them that they are interacting with one.",
  ),
  row(
    iso("A.8.2"),
    "related",
    art(50),
    "Information for users (A.8.2) can carry the Art 50 disclosures, but Art 50(2) also requires machine-readable marking of synthetic content, which documentation alone does not provide.",
  ),

  // ── Art 55: GPAI models with systemic risk ──
  row(
    nist("MEASURE 2.7"),
    "supports",
    art(55),
    "Evaluating security and resilience, including adversarial testing (MEASURE 2.7), supports the adversarial model evaluation and cybersecurity protection of Art 55(1)(a) and (d).",
  ),

  // ── Art 72 and Art 73: post-market monitoring, serious incidents ──
  row(
    iso("A.6.2.6"),
    "supports",
    art(72),
    "Operating and monitoring the deployed system (A.6.2.6) provides the performance data the post-market monitoring system of Art 72(1)-(2) must actively collect and analyse.",
  ),
  row(
    nist("MANAGE 4.1"),
    "supports",
    art(72),
    "Implemented post-deployment monitoring plans (MANAGE 4.1) correspond to the post-market monitoring plan Art 72(3) requires as part of the technical documentation.",
  ),
  row(
    nist("MEASURE 2.4"),
    "supports",
    art(72),
    "Monitoring the system's functionality and behaviour in production (MEASURE 2.4) supplies the data Art 72(2) requires for evaluating continuous compliance.",
  ),
  row(
    iso("A.8.4"),
    "supports",
    art(73),
    "A.8.4 plans how incidents are communicated to users and other parties; Art 73 adds the particular case of reporting serious incidents to market surveillance authorities within fixed deadlines.",
  ),
  row(
    nist("MANAGE 4.3"),
    "supports",
    art(73),
    "Communicating incidents and errors and following documented response processes (MANAGE 4.3) supports the serious incident reports and investigations of Art 73(1) and (6).",
  ),

  // ── ISO/IEC 42001 Annex A ↔ NIST AI RMF ──
  row(
    iso("A.3.2"),
    "equivalent",
    nist("GOVERN 2.1"),
    "Both require AI roles, responsibilities and lines of communication to be defined, documented and known across the organisation.",
  ),
  row(
    iso("A.6.2.2"),
    "equivalent",
    nist("MAP 1.6"),
    "Both require the AI system's requirements to be elicited from the relevant parties and specified before design and development.",
  ),
  row(iso("A.6.2.6"), "equivalent", nist("MEASURE 2.4"), "Both require the functioning and behaviour of the deployed AI system to be monitored in operation."),
  row(
    iso("A.8.3"),
    "equivalent",
    nist("MEASURE 3.3"),
    "Both require channels through which external parties and affected users can report problems or adverse impacts of the AI system.",
  ),
  row(
    iso("A.8.4"),
    "supports",
    nist("MANAGE 4.3"),
    "A plan for communicating incidents to users and other parties (A.8.4) covers the communication half of MANAGE 4.3, which also asks for incident tracking and recovery.",
  ),
  row(
    iso("A.5.2"),
    "supports",
    nist("MAP 5.1"),
    "An AI system impact assessment process (A.5.2) is where the likelihood and magnitude of impacts on individuals, groups and society (MAP 5.1) are assessed.",
  ),
  row(
    iso("A.5.3"),
    "supports",
    nist("GOVERN 4.2"),
    "Documented impact assessments (A.5.3) are the record of risks and potential impacts that GOVERN 4.2 asks teams to document and communicate.",
  ),
  row(
    iso("A.2.2"),
    "supports",
    nist("GOVERN 1.2"),
    "An AI policy (A.2.2) is the organisational policy into which GOVERN 1.2 asks for the characteristics of trustworthy AI to be integrated.",
  ),
  row(
    iso("A.6.2.4"),
    "supports",
    nist("MEASURE 2.3"),
    "Verification and validation (A.6.2.4) measures performance against criteria under conditions similar to deployment, as MEASURE 2.3 requires.",
  ),
  row(
    iso("A.6.2.5"),
    "supports",
    nist("MANAGE 1.1"),
    "Deployment planning with release criteria (A.6.2.5) embodies the MANAGE 1.1 determination of whether development or deployment should proceed.",
  ),
  row(
    iso("A.10.3"),
    "supports",
    nist("GOVERN 6.1"),
    "Ensuring suppliers' products and services fit the organisation's responsible approach to AI (A.10.3) implements the third-party risk policies of GOVERN 6.1.",
  ),
  row(
    iso("A.10.3"),
    "supports",
    nist("MANAGE 3.1"),
    "Supplier oversight (A.10.3) supports the regular monitoring of risks from third-party AI resources and of the controls applied to them (MANAGE 3.1).",
  ),

  // ── ATLAS mitigations → ISO/IEC 42001 Annex A ──
  row(
    mitigation("AML.M0025"),
    "supports",
    iso("A.7.5"),
    "ATLAS Maintain AI Dataset Provenance keeps the source and modification history of each dataset, which is the data provenance record of A.7.5.",
  ),
  row(
    mitigation("AML.M0007"),
    "supports",
    iso("A.7.6"),
    "ATLAS Sanitize Training Data detects and removes poisoned or unwanted samples before training, a security-focused data preparation step under A.7.6.",
  ),
  row(
    mitigation("AML.M0024"),
    "supports",
    iso("A.6.2.8"),
    "ATLAS AI Telemetry Logging of model inputs, outputs and agent steps is an implementation of the event logging of A.6.2.8.",
  ),
  row(
    mitigation("AML.M0023"),
    "supports",
    iso("A.4.2"),
    "An AI bill of materials lists the artifacts and resources an AI system was built from, which is the resource documentation A.4.2 requires.",
  ),
  row(
    mitigation("AML.M0014"),
    "supports",
    iso("A.10.3"),
    "ATLAS Verify AI Artifacts checks the cryptographic checksums of obtained models and datasets, a supplier integrity control under A.10.3.",
  ),
  row(
    mitigation("AML.M0008"),
    "supports",
    iso("A.6.2.4"),
    "ATLAS Validate AI Model tests a model for backdoor triggers, data leakage and adversarial influence, security checks within verification and validation (A.6.2.4).",
  ),

  // ── OWASP Top 10 for LLM Applications 2025 ↔ ATLAS techniques ──
  row(
    llm("01"),
    "related",
    technique("AML.T0051"),
    "OWASP Prompt Injection and ATLAS LLM Prompt Injection name the same attack class: crafted input that makes the model follow an attacker's instructions.",
  ),
  row(
    llm("01"),
    "related",
    technique("AML.T0054"),
    "OWASP treats jailbreaking as a form of prompt injection under LLM01, while ATLAS lists LLM Jailbreak as a technique of its own.",
  ),
  row(
    llm("02"),
    "related",
    technique("AML.T0057"),
    "ATLAS LLM Data Leakage, prompting the model to reveal private or proprietary data, is the attack behind OWASP's Sensitive Information Disclosure.",
  ),
  row(
    llm("02"),
    "related",
    technique("AML.T0024.001"),
    "LLM02 counts model inversion among the ways sensitive information is disclosed; ATLAS Invert AI Model describes reconstructing training data from a model.",
  ),
  row(
    llm("03"),
    "related",
    technique("AML.T0010"),
    "Both cover compromise of the third-party models, datasets, software and platforms an AI application is built from.",
  ),
  row(
    llm("03"),
    "related",
    technique("AML.T0058"),
    "LLM03 warns of poisoned pre-trained models on public hubs; ATLAS Publish Poisoned Models is the adversary placing them there.",
  ),
  row(
    llm("04"),
    "related",
    technique("AML.T0020"),
    "LLM04 Data and Model Poisoning covers manipulated pre-training, fine-tuning or embedding data, which ATLAS Poison Training Data describes.",
  ),
  row(
    llm("04"),
    "related",
    technique("AML.T0018.000"),
    "LLM04 also covers direct model poisoning and backdoors, which ATLAS Manipulate AI Model: Poison AI Model describes.",
  ),
  row(
    llm("05"),
    "related",
    technique("AML.T0077"),
    "ATLAS LLM Response Rendering exfiltrates data through model output the client renders unsanitised (e.g. image links), the failure OWASP Improper Output Handling describes.",
  ),
  row(
    llm("06"),
    "related",
    technique("AML.T0053"),
    "ATLAS AI Agent Tool Invocation abuses the tools an agent may call, which does damage precisely when the agent has the excessive functionality or permissions of LLM06.",
  ),
  row(llm("07"), "related", technique("AML.T0056"), "Both describe extracting an LLM's system prompt and the instructions or secrets it contains."),
  row(
    llm("08"),
    "related",
    technique("AML.T0070"),
    "LLM08 covers poisoning the data indexed for retrieval-augmented generation, which ATLAS RAG Poisoning describes.",
  ),
  row(
    llm("09"),
    "related",
    technique("AML.T0060"),
    "LLM09 cites hallucinated package names as a misinformation risk; ATLAS Publish Hallucinated Entities is the adversary registering such hallucinated names.",
  ),
  row(
    llm("10"),
    "related",
    technique("AML.T0029"),
    "Unbounded Consumption includes denial of service through resource-heavy queries, which ATLAS Denial of AI Service describes.",
  ),
  row(
    llm("10"),
    "related",
    technique("AML.T0034"),
    "Unbounded Consumption includes denial of wallet, running up the victim's inference costs, which ATLAS Cost Harvesting describes.",
  ),
  row(
    llm("10"),
    "related",
    technique("AML.T0024.002"),
    "Unbounded Consumption also covers model extraction through excessive API queries, which ATLAS Extract AI Model describes.",
  ),

  // ── OWASP Top 10 for Agentic Applications 2026 ↔ ATLAS techniques ──
  row(
    asi("02"),
    "related",
    technique("AML.T0053"),
    "Tool Misuse and Exploitation and ATLAS AI Agent Tool Invocation both describe steering an agent into harmful use of the tools it legitimately holds.",
  ),
  row(
    asi("04"),
    "related",
    technique("AML.T0010.005"),
    "ASI04 covers compromised tools and plugins that agents load; ATLAS AI Supply Chain Compromise: AI Agent Tool describes that compromise.",
  ),
  row(
    asi("06"),
    "related",
    technique("AML.T0080"),
    "Memory and Context Poisoning and ATLAS AI Agent Context Poisoning both describe planting content in an agent's memory or thread so it persists into later actions.",
  ),
];
