import { createHash } from "node:crypto";
import type { Role } from "@/lib/auth/roles";
import type { CreateSystemInput } from "@/lib/systems/schemas";
import type { ComponentInput } from "@/lib/components/schemas";

// Demo data only: a fictional European insurance and banking group. Every organisation, person,
// vendor and figure below is invented. Open-source components point at the real public artefacts;
// in-house and vendor artefacts have no public URL and a LicenseRef-* licence (SPDX convention).
//
// Component kinds: model = trained model weights; dataset = training, reference or lookup data;
// service = software the system runs on or calls (inference servers, libraries, vendor services).

export const DEMO_ORG = { slug: "demo", name: "Northwind Assurance Group (demo)" } as const;

export const DEMO_EMAIL_DOMAIN = "demo.aigov.local";

/** One demo account per role. Passwords are never stored here; the seed generates them. */
export const DEMO_MEMBERS: readonly { role: Role; email: string; name: string }[] = [
  { role: "admin", email: `admin@${DEMO_EMAIL_DOMAIN}`, name: "Jonas Weber" },
  { role: "compliance_officer", email: `compliance@${DEMO_EMAIL_DOMAIN}`, name: "Amélie Laurent" },
  { role: "risk_owner", email: `risk@${DEMO_EMAIL_DOMAIN}`, name: "Pieter de Vries" },
  { role: "executive", email: `executive@${DEMO_EMAIL_DOMAIN}`, name: "Katarzyna Nowak" },
  { role: "auditor", email: `auditor@${DEMO_EMAIL_DOMAIN}`, name: "Sofia Marino" },
];

export type DemoComponent = Required<ComponentInput>;

/** Every field of a system is given explicitly; the owner is named by role and resolved by the seed. */
export type DemoSystem = Required<Omit<CreateSystemInput, "ownerId">> & {
  /** The demo member who is the accountable owner; null = not yet assigned. */
  ownerRole: Role | null;
  components: DemoComponent[];
};

/**
 * The sha256 values are NOT digests of the real artefacts: they are sha256("name@version"),
 * computed here so they are valid, stable across seed runs and obviously derived.
 */
function component(kind: DemoComponent["kind"], name: string, version: string, sourceUrl: string, licence: string): DemoComponent {
  const sha256 = createHash("sha256").update(`${name}@${version}`).digest("hex");
  return { kind, name, version, sourceUrl, licence, sha256 };
}

const INTERNAL = "LicenseRef-Northwind-Proprietary";

// Shared components (the chatbot and the claims assistant run on the same self-hosted model).
const mistralSmall = () =>
  component("model", "Mistral-Small-24B-Instruct-2501", "2501", "https://huggingface.co/mistralai/Mistral-Small-24B-Instruct-2501", "Apache-2.0");
const e5Large = () => component("model", "multilingual-e5-large", "1.0", "https://huggingface.co/intfloat/multilingual-e5-large", "MIT");

export const DEMO_SYSTEMS: DemoSystem[] = [
  {
    name: "Applicant pre-screening ranker",
    description:
      "Ranks applications for advertised roles in claims handling, customer service and IT by how well the CV and cover letter match the published requirements of the role. " +
      "Extracts skills, qualifications and years of relevant experience and shows a per-criterion match explanation. Photos, dates of birth, nationality and marital status are removed before scoring.",
    purpose:
      "Reduce time-to-shortlist for high-volume roles (about 9,000 applications a year in DE, NL and AT) and apply the selection criteria consistently. " +
      "Intended use: ordering the recruiters' review queue. Not intended for rejecting applicants without recruiter review, for internal promotions or for senior management roles.",
    businessUnit: "Group HR – Talent Acquisition",
    ownerRole: "risk_owner",
    lifecycleStage: "validation",
    deploymentContext:
      "Integrated into the applicant tracking system used by Group HR in Germany, the Netherlands and Austria. Currently in shadow mode on three job families: rankings are recorded for validation but not shown to recruiters. Applicants do not interact with the system.",
    euAiActRole: "provider",
    riskTier: "high",
    riskTierBasis: "Art 6(2), Annex III point 4(a)",
    riskTierRationale:
      "The system analyses and filters job applications and evaluates candidates, the use case listed in Annex III point 4(a). The Art 6(3) derogation is not available: the ranking decides which applicants are reviewed first and it profiles natural persons, and an Annex III system that profiles is always high-risk (Art 6(3), last subparagraph). " +
      "Northwind developed the system and puts it into service under its own name for its own use, so it is the provider (Art 3(3)) as well as the deployer (Art 26). Before it leaves shadow mode: conformity assessment by internal control (Art 43(2), Annex VI), registration in the EU database (Art 49), information to the works councils and to applicants (Art 26(7), 26(11)).",
    modelType: "Cross-encoder text ranking (fine-tuned transformer)",
    foundationModel: "XLM-RoBERTa base (FacebookAI/xlm-roberta-base)",
    vendor: "In-house – Group Data Science",
    hosting: "private_cloud",
    dataCategories: ["personal_data", "special_category"],
    affectedPersons:
      "External and internal applicants for advertised roles (about 9,000 a year). Applicants sometimes disclose special-category data in free text (disability, religion, trade union membership), which the redaction step does not reliably remove.",
    humanOversight:
      "A recruiter opens every application in the queue regardless of its rank; the system cannot reject or advance anyone. Recruiters see the per-criterion explanation and can re-order the list. " +
      "A monthly adverse-impact report by gender and age band (selection-rate ratio below 0.8 triggers an investigation) is reviewed by HR and Compliance. Recruiters complete training on the system's limitations and on automation bias before access (Art 4, Art 26(2)). " +
      "HR Operations can switch the ranking off in the ATS, which falls back to date-of-receipt order.",
    autonomyLevel: "human_in_the_loop",
    components: [
      component("model", "xlm-roberta-base", "1.0", "https://huggingface.co/FacebookAI/xlm-roberta-base", "MIT"),
      component("model", "applicant-ranker-ce", "0.9.2", "", INTERNAL),
      component("dataset", "Recruiter shortlisting decisions 2021–2024 (pseudonymised)", "2025-02", "", INTERNAL),
      component("service", "Fairlearn", "0.11.0", "https://github.com/fairlearn/fairlearn", "MIT"),
    ],
  },
  {
    name: "Motor and household claims triage assistant",
    description:
      "Reads first notifications of loss (web form, e-mail, transcribed phone notes) and drafts a structured summary, a proposed claim segment (fast track, standard, complex, potential large loss) and flags for coverage questions and missing documents. " +
      "The draft appears in a side panel of the claims system; it is not sent to customers.",
    purpose:
      "Shorten handling time for about 240,000 motor and household claims a year by routing simple claims to the fast-track team and raising coverage questions early. " +
      "Not intended for settlement amounts, coverage refusals or the assessment of bodily injury.",
    businessUnit: "P&C Claims",
    ownerRole: "risk_owner",
    lifecycleStage: "development",
    deploymentContext:
      "Will run in the claims platform's EU tenant for claims handlers in Germany and Austria. Development uses anonymised claims from 2022–2024; no production traffic yet.",
    euAiActRole: "provider",
    riskTier: "limited",
    riskTierBasis: "Art 50(2); not listed in Annex III",
    riskTierRationale:
      "Triage of motor and household claims is not an Annex III use case: point 5(c) covers risk assessment and pricing in life and health insurance only, and the system does not assess creditworthiness. " +
      "It generates text, so the output must be marked as artificially generated in a machine-readable way (Art 50(2)); drafts carry a generator tag in their metadata and the label 'AI draft' in the UI. Art 50(1) does not apply because claimants do not interact with it. " +
      "Northwind integrates a general-purpose AI model into its own system and is the (downstream) provider of that system; the GPAI model obligations (Art 53) remain with Mistral AI. Re-assess before extending it to bodily-injury claims, automatic settlement or customer-facing text.",
    modelType: "LLM with retrieval (summarisation and classification)",
    foundationModel: "Mistral Small 3 (mistralai/Mistral-Small-24B-Instruct-2501)",
    vendor: "In-house – Claims Analytics",
    hosting: "private_cloud",
    dataCategories: ["personal_data", "special_category"],
    affectedPersons:
      "Policyholders and third-party claimants in motor and household claims in DE and AT; witnesses and other people named in loss descriptions. Loss descriptions regularly mention injuries.",
    humanOversight:
      "Every claim is still opened and decided by a claims handler. The proposed segment is accepted or changed by the handler; the change rate is reviewed weekly with Claims Operations (agreed band 10–25 %; outside it, the team checks for over- or under-reliance). " +
      "Summaries link to the passages they were drawn from. Drafts cannot be sent externally from the side panel.",
    autonomyLevel: "human_in_the_loop",
    components: [
      mistralSmall(),
      e5Large(),
      component("service", "vLLM", "0.6.6", "https://github.com/vllm-project/vllm", "Apache-2.0"),
      component("dataset", "Anonymised FNOL sample 2022–2024", "2025-03", "", INTERNAL),
    ],
  },
  {
    name: "Customer service chatbot 'Nora'",
    description:
      "Chat assistant in the website and mobile app that answers questions on policies, claim status, payment dates and document requests. Uses retrieval-augmented generation over the published product terms and the service knowledge base; " +
      "for signed-in customers it reads policy and claim status through read-only APIs. It hands over to a human agent on request and cannot change contracts, payments or claims.",
    purpose:
      "First-line answers to routine service questions, including outside office hours; handles about a third of chat volume without an agent. " +
      "Not intended for product advice or suitability assessments (IDD), complaints handling or contract changes.",
    businessUnit: "Customer Service",
    ownerRole: "executive",
    lifecycleStage: "production",
    deploymentContext:
      "Public website and app in Germany, Austria and the Netherlands, in German, Dutch and English. The opening message and the chat header say that the customer is talking to an AI assistant. " +
      "'Talk to a person' is offered in every turn, and automatically after two unanswered questions or when complaint, bereavement or vulnerability keywords are detected.",
    euAiActRole: "provider",
    riskTier: "limited",
    riskTierBasis: "Art 50(1)",
    riskTierRationale:
      "The assistant interacts directly with natural persons, so under Art 50(1) they must be informed that they are dealing with an AI system; this is done at the start of every conversation and in the chat header. Generated answers are tagged as AI output in the transcript metadata (Art 50(2)). " +
      "It is not an Annex III use case: it provides information and does not assess eligibility, creditworthiness or insurance risk. Northwind runs the assistant under its own brand and is its provider; Mistral AI is the provider of the underlying GPAI model. Re-assess if the assistant is allowed to sell products or to take claim decisions.",
    modelType: "LLM with retrieval-augmented generation",
    foundationModel: "Mistral Small 3 (mistralai/Mistral-Small-24B-Instruct-2501)",
    vendor: "In-house – Digital Channels",
    hosting: "private_cloud",
    dataCategories: ["personal_data"],
    affectedPersons:
      "Customers and prospects using web or app chat (about 60,000 conversations a month), including elderly and otherwise vulnerable customers.",
    humanOversight:
      "Team leads review a random sample of 50 conversations a day and every conversation rated one star, checking answers against the product terms. The answer policy restricts the model to retrieved sources; questions it cannot answer get a fixed fallback text and the hand-over offer. " +
      "Hand-over to an agent is available in every turn. Digital Channels can switch the assistant to 'hand-over only' within minutes.",
    autonomyLevel: "human_on_the_loop",
    components: [
      mistralSmall(),
      e5Large(),
      component("service", "Qdrant", "1.12.4", "https://github.com/qdrant/qdrant", "Apache-2.0"),
      component("dataset", "Product terms and service knowledge base", "2025-10", "", INTERNAL),
    ],
  },
  {
    name: "Claims fraud detection score",
    description:
      "Gradient-boosted model that scores every new and updated motor and household claim for fraud indicators: timing relative to policy inception, prior claims, links between claimants, repair shops and witnesses, and inconsistencies between documents. " +
      "Claims above the referral threshold are queued for the Special Investigations Unit (SIU) with the main contributing factors.",
    purpose:
      "Detect organised and opportunistic claims fraud early and focus the SIU's twelve investigators on the highest-risk claims. Not used for underwriting, pricing, credit decisions or to refuse a claim.",
    businessUnit: "P&C Claims – Special Investigations Unit",
    ownerRole: "risk_owner",
    lifecycleStage: "production",
    deploymentContext:
      "Batch scoring every 30 minutes on claims in the claims platform (DE, AT, NL). Scores and contributing factors are visible to SIU staff only, not to claims handlers or customers.",
    euAiActRole: "provider",
    riskTier: "minimal",
    riskTierBasis: "Not listed in Annex III; fraud detection is carved out of Annex III point 5(b)",
    riskTierRationale:
      "Annex III point 5(b) lists systems that evaluate creditworthiness or establish credit scores 'with the exception of AI systems used for the purpose of detecting financial fraud', and recital 58 explains that fraud detection in financial services should not be treated as high-risk. " +
      "This system detects fraud, does not evaluate creditworthiness and does not price life or health insurance (5(c)), so it is not high-risk under Art 6(2). " +
      "Scores concern natural persons and can delay a payout, so GDPR Art 22 and the DPIA (completed) apply in full; every decision is taken by an investigator. If scores were reused for underwriting or credit decisions, the system would have to be classified again.",
    modelType: "Gradient-boosted decision trees (tabular)",
    foundationModel: "",
    vendor: "In-house – Group Data Science",
    hosting: "on_premises",
    dataCategories: ["personal_data", "criminal_offence"],
    affectedPersons:
      "Policyholders, third-party claimants, witnesses, and repair shops and other service providers involved in claims (about 240,000 claims a year).",
    humanOversight:
      "The score triggers no automatic action. An SIU investigator decides whether to open an investigation; only a claims manager can refuse a payment, with documented reasons. Referred claims that are not taken up are released back to normal handling within two working days. " +
      "The referral threshold and the SHAP-based factor explanations are reviewed quarterly with the SIU; referral and false-positive rates by region and customer segment are monitored for unfair targeting.",
    autonomyLevel: "human_in_the_loop",
    components: [
      component("model", "claims-fraud-gbm", "2025.2", "", INTERNAL),
      component("dataset", "Claims history and confirmed fraud cases 2017–2024", "2025-01", "", INTERNAL),
      component("service", "XGBoost", "2.1.3", "https://github.com/dmlc/xgboost", "Apache-2.0"),
      component("service", "SHAP", "0.46.0", "https://github.com/shap/shap", "MIT"),
    ],
  },
  {
    name: "Chest X-ray triage (Helix ChestTriage)",
    description:
      "CE-marked software (MDR class IIa) that analyses chest radiographs for suspected pneumothorax, pleural effusion, consolidation and nodules, and moves studies with suspected urgent findings to the top of the radiologists' reading worklist. " +
      "A heat-map overlay is available in the viewer. Developed and placed on the market by Helix Imaging GmbH, a spin-off of one of the group's partner university hospitals.",
    purpose:
      "Reduce time to report for urgent findings in the group's four outpatient diagnostic centres, in particular at weekends when reporting is done remotely. " +
      "Not intended for diagnosis without a radiologist, for patients under 2 years (outside the manufacturer's intended purpose) or for CT.",
    businessUnit: "Northwind Health Clinics",
    ownerRole: "executive",
    lifecycleStage: "production",
    deploymentContext:
      "Runs on the manufacturer's inference appliance in the clinic network next to the PACS; chest radiographs are routed to it automatically over DICOM. Used in four outpatient diagnostic centres in Germany for all chest radiographs of patients aged 2 and over (about 38,000 studies a year). " +
      "The group operates the clinics; it has not developed or modified the software.",
    euAiActRole: "deployer",
    riskTier: "high",
    riskTierBasis: "Art 6(1), Annex I Section A point 11 (Regulation (EU) 2017/745, MDR)",
    riskTierRationale:
      "The software is itself a medical device covered by the MDR (Annex I Section A), and as a class IIa device it needs a notified-body conformity assessment; both conditions of Art 6(1) are met, so it is a high-risk AI system. " +
      "Helix Imaging GmbH is the provider and the legal manufacturer. Northwind Health Clinics use it under the manufacturer's name and within its intended purpose, so the group is a deployer (Art 3(4)) with the Art 26 obligations: use in line with the instructions for use, oversight by trained radiologists, monitoring and reporting of risks and serious incidents to the provider, keeping the logs for at least six months. " +
      "Using it outside the intended purpose (e.g. CT, children under 2) or putting the group's name on it would make the group a provider (Art 25(1)).",
    modelType: "Convolutional neural network (image classification and localisation)",
    foundationModel: "",
    vendor: "Helix Imaging GmbH",
    hosting: "edge_device",
    dataCategories: ["personal_data", "special_category", "children"],
    affectedPersons:
      "Patients of the four diagnostic centres aged 2 and over, including children and adolescents (about 38,000 studies a year); referring physicians.",
    humanOversight:
      "Every study is read and reported by a radiologist; the software only changes the order of the worklist and offers an optional overlay. Radiologists are trained on the instructions for use, including the known weak spots (portable AP films, lines and devices, paediatric anatomy). " +
      "The medical lead reviews a monthly discrepancy log (AI flag versus final report) and reports malfunctions and serious incidents to the manufacturer (Art 26(5) AI Act, MDR vigilance). If the appliance fails, the worklist falls back to chronological order and shows a banner.",
    autonomyLevel: "assistive",
    components: [
      component("model", "Helix ChestTriage", "3.2.1", "", "LicenseRef-Helix-EULA"),
      component(
        "dataset",
        "MIMIC-CXR-JPG (declared training data of the manufacturer)",
        "2.1.0",
        "https://physionet.org/content/mimic-cxr-jpg/2.1.0/",
        "LicenseRef-PhysioNet-Credentialed-Health-Data-1.5.0",
      ),
      component("service", "Orthanc DICOM server (routing to the appliance)", "1.12.5", "https://github.com/jodogne/OrthancMirror", "GPL-3.0-or-later"),
    ],
  },
  {
    name: "Developer code assistant (GitHub Copilot Business)",
    description:
      "Code completion and chat in the IDE for about 420 software engineers and data scientists. Code context is sent to the vendor for inference; under the business terms prompts and suggestions are not retained for model training. The filter that blocks suggestions matching public code is enabled.",
    purpose:
      "Developer productivity in internal software projects. Not permitted: pasting production or customer data into prompts, and use in the core banking repositories until the licence review of generated code is closed.",
    businessUnit: "Group IT",
    ownerRole: "admin",
    lifecycleStage: "production",
    deploymentContext:
      "Seats assigned to employees in Group IT and the data science teams; sign-in through the corporate identity provider; IDE extensions for VS Code and JetBrains. Repositories tagged 'restricted' are excluded through content exclusion rules.",
    euAiActRole: "deployer",
    riskTier: "minimal",
    riskTierBasis: "Not listed in Annex III; deployer of a GPAI-based tool, no Art 50 duty",
    riskTierRationale:
      "The assistant is built on general-purpose AI models and is used internally by professionals to write software; that is not an Annex III use case and it does not interact with customers. " +
      "Northwind uses it under the vendor's name and is a deployer. The GPAI model obligations (Art 53, and Art 55 for models with systemic risk) lie with the model providers. Remaining duties: AI literacy of users (Art 4) and the normal secure-development controls.",
    modelType: "LLM code completion and chat (vendor service)",
    foundationModel: "Vendor-managed GPAI models (model selection restricted by Group IT)",
    vendor: "GitHub, Inc. (Microsoft)",
    hosting: "vendor_saas",
    dataCategories: [],
    affectedPersons: "Employees who use the tool (usage telemetry is processed by the vendor). No customers are affected directly.",
    humanOversight:
      "Suggested code is treated like any other code: pull-request review by a second engineer, static analysis and secret scanning before merge. Users acknowledge the usage policy when a seat is assigned. " +
      "Group IT Security reviews the seat list and the content exclusions quarterly.",
    autonomyLevel: "assistive",
    components: [
      component("service", "GitHub Copilot Business", "2025-11", "https://docs.github.com/en/copilot", "LicenseRef-GitHub-Copilot-Product-Specific-Terms"),
      component("service", "GitHub Copilot Chat extension for VS Code", "0.32", "https://github.com/microsoft/vscode-copilot-chat", "MIT"),
    ],
  },
  {
    name: "Consumer credit scoring (instalment loans and cards)",
    description:
      "Application scorecard for unsecured instalment loans and credit cards of Northwind Bank. Combines credit bureau data, income and expenditure from the application and, with the applicant's consent, account transaction data into a probability of default and a score band. " +
      "Also returns the four main reason codes used in decline letters.",
    purpose:
      "Assess the creditworthiness of applicants for loans up to EUR 50,000 and credit cards, as required by the Consumer Credit Directive, within the bank's risk appetite. Not used for mortgages, SME lending or collections.",
    businessUnit: "Retail Banking – Consumer Credit",
    ownerRole: "risk_owner",
    lifecycleStage: "production",
    deploymentContext:
      "Called in real time by the loan origination system for applications from web, app and branches in Germany and Austria (about 110,000 applications a year). The score band feeds a documented decision matrix.",
    euAiActRole: "provider",
    riskTier: "high",
    riskTierBasis: "Art 6(2), Annex III point 5(b)",
    riskTierRationale:
      "The system evaluates the creditworthiness of natural persons and establishes their credit score, the use case in Annex III point 5(b); it is not a fraud-detection system, so the carve-out does not apply. It profiles natural persons, so the Art 6(3) derogation is not available. " +
      "Northwind Bank developed the model and uses it for its own lending: it is the provider (quality management, technical documentation, conformity assessment under Annex VI, EU database registration) and the deployer, and as deployer of a 5(b) system it must carry out a fundamental rights impact assessment (Art 27). " +
      "As a credit institution it can meet parts of the quality-management and monitoring duties through its internal governance under CRD (Art 17(4), Art 26(5)).",
    modelType: "Gradient-boosted trees with monotonic constraints, calibrated to probability of default",
    foundationModel: "",
    vendor: "In-house – Credit Risk Modelling",
    hosting: "on_premises",
    dataCategories: ["personal_data"],
    affectedPersons: "Applicants and co-applicants for consumer loans and credit cards in DE and AT (about 110,000 applications a year).",
    humanOversight:
      "Approvals within the automatic limit are issued by the decision engine. All declines and all applications in the grey-zone band are decided by a credit underwriter, who can override the score with a documented reason; the override rate is reported monthly. " +
      "Applicants can ask for human review, an explanation and contest the decision (GDPR Art 22(3), Consumer Credit Directive (EU) 2023/2225 Art 18(8)). Model Risk Management validates the model annually and after material changes; monitoring covers drift, discriminatory power and approval rates by age band and gender (gender is not an input). " +
      "Credit Risk can switch to the fallback scorecard within one business day.",
    autonomyLevel: "human_on_the_loop",
    components: [
      component("model", "retail-pd-lgbm", "4.1", "", INTERNAL),
      component("dataset", "Application and loan performance data 2016–2024", "2025-06", "", INTERNAL),
      component("dataset", "Credit bureau attribute feed (DE, AT)", "2025-Q3", "", "LicenseRef-Credit-Bureau-Data-Agreement"),
      component("service", "LightGBM", "4.5.0", "https://github.com/microsoft/LightGBM", "MIT"),
    ],
  },
  {
    name: "Life and health underwriting risk model",
    description:
      "Model that estimates mortality and morbidity loadings for individual term life, disability and supplementary health insurance applications from the health questionnaire, underwriting notes and product data, and proposes a risk class and premium loading. " +
      "Planned to replace the current rules-based underwriting manual.",
    purpose:
      "Consistent risk assessment and pricing of individual life and health applications (about 45,000 a year) with fewer requests for medical evidence. Not intended for group schemes or claims assessment; genetic test results are excluded by policy and by national law.",
    businessUnit: "Life & Health Underwriting",
    ownerRole: "risk_owner",
    lifecycleStage: "design",
    deploymentContext:
      "Planned for the new-business underwriting workbench in Germany and the Netherlands. In design: the feature set and fairness constraints are being agreed with the Appointed Actuary, the DPO and Compliance. No model has been trained on production data yet.",
    euAiActRole: "provider",
    riskTier: "high",
    riskTierBasis: "Art 6(2), Annex III point 5(c)",
    riskTierRationale:
      "Risk assessment and pricing in relation to natural persons in life and health insurance is listed in Annex III point 5(c). The model profiles applicants, so Art 6(3) cannot be relied on. " +
      "Northwind will develop and use the model itself and is provider and deployer; a fundamental rights impact assessment (Art 27) is required before first use and is planned together with the DPIA. " +
      "Sex may not be used as a rating factor (Directive 2004/113/EC as interpreted in Test-Achats, C-236/09); proxies for sex and for health conditions beyond the questionnaire are reviewed during feature selection. Health data is processed on the basis of explicit consent (GDPR Art 9(2)(a)) collected in the application.",
    modelType: "Explainable boosting machine (generalised additive model)",
    foundationModel: "",
    vendor: "In-house – Actuarial Data Science",
    hosting: "private_cloud",
    dataCategories: ["personal_data", "special_category", "children"],
    affectedPersons: "Applicants and insured persons, including children co-insured on family health policies (about 45,000 applications a year).",
    humanOversight:
      "Design requirement: the model proposes a risk class and loading; an underwriter confirms or changes every non-standard outcome and every decline or exclusion, with reasons. The Appointed Actuary signs off the model's shape functions before each release. " +
      "Applicants get the main reasons for a loading or decline on request. Outcomes by age band, sex (as a control variable only) and nationality proxies will be monitored quarterly.",
    autonomyLevel: "human_in_the_loop",
    components: [
      component("service", "InterpretML", "0.6.0", "https://github.com/interpretml/interpret", "MIT"),
      component("dataset", "Underwriting decisions and claims experience 2012–2024", "2025-09", "", INTERNAL),
      component("dataset", "Human Mortality Database life tables (DEU, NLD)", "2024", "https://www.mortality.org/", "CC-BY-4.0"),
    ],
  },
  {
    name: "Incoming document extraction pipeline",
    description:
      "Classifies incoming post, e-mail attachments and uploads (repair and medical invoices, police reports, identity documents, bank statements) and extracts fields such as policy number, amounts, IBAN, dates and diagnosis codes on medical invoices, then routes each document to the right work queue. " +
      "OCR runs on premises; the document classifier runs on the private cloud GPU cluster.",
    purpose: "Replace manual indexing of about 3.5 million pages a year. It takes no decision on the content; extracted fields pre-fill the case systems.",
    businessUnit: "Group Operations – Input Management",
    ownerRole: "admin",
    lifecycleStage: "production",
    deploymentContext:
      "Central scanning centre and digital inbox for all group entities. Output goes to the claims, policy administration and banking back-office queues.",
    euAiActRole: "provider",
    riskTier: "minimal",
    riskTierBasis: "Not listed in Annex III",
    riskTierRationale:
      "Document classification and field extraction for internal routing is not an Annex III use case and does not interact with natural persons. Systems that use the extracted data for decisions (claims triage, credit scoring, underwriting) are classified separately. " +
      "Where extracted data feeds an Annex III process, the pipeline performs a narrow procedural task within the meaning of Art 6(3)(a) and does not profile anyone; this assessment is documented as required by Art 6(4).",
    modelType: "OCR and document-understanding transformer",
    foundationModel: "Donut (naver-clova-ix/donut-base), fine-tuned",
    vendor: "In-house – Group Operations IT",
    hosting: "hybrid",
    dataCategories: ["personal_data", "special_category"],
    affectedPersons: "Customers, claimants, patients named on medical invoices, and staff of counterparties whose details appear on documents.",
    humanOversight:
      "Fields below the per-field confidence threshold (0.92 for IBANs and amounts) go to the manual validation team; a changed IBAN is always confirmed by a second person (payment-fraud control). " +
      "Each week 1 % of straight-through documents are re-keyed by hand to measure field accuracy. Misrouted documents reported from the work queues are reviewed weekly.",
    autonomyLevel: "human_on_the_loop",
    components: [
      component("service", "Tesseract OCR", "5.5.0", "https://github.com/tesseract-ocr/tesseract", "Apache-2.0"),
      component("model", "donut-base", "1.0", "https://huggingface.co/naver-clova-ix/donut-base", "MIT"),
      component("service", "Presidio (PII redaction of training samples and logs)", "2.2.355", "https://github.com/microsoft/presidio", "MIT"),
      component("dataset", "Labelled document sample 2023–2025", "2025-05", "", INTERNAL),
    ],
  },
  {
    name: "AML transaction monitoring – alert scoring",
    description:
      "Vendor transaction-monitoring platform with rule-based scenarios and a machine-learning layer that scores alerts for money-laundering and terrorist-financing risk from transaction patterns, counterparties, geography and KYC data. " +
      "The score orders the alert queue of the Financial Intelligence Unit team.",
    purpose:
      "Meet the transaction-monitoring obligations of the bank and the life insurer under EU anti-money-laundering law and reduce the time spent on false-positive alerts. Not used for onboarding decisions or to block accounts automatically.",
    businessUnit: "Financial Crime Compliance",
    ownerRole: "compliance_officer",
    lifecycleStage: "production",
    deploymentContext:
      "Nightly run over all retail and business account transactions and over life insurance premium payments and surrenders (DE, AT, NL), hosted in the vendor's EU data centre. Alerts are investigated in the vendor's case manager; suspicious activity reports are filed with the national FIUs by the MLRO's team.",
    euAiActRole: "deployer",
    riskTier: "minimal",
    riskTierBasis: "Not listed in Annex III",
    riskTierRationale:
      "Transaction monitoring by an obliged entity is not an Annex III use case: it does not evaluate creditworthiness (point 5(b)). Annex III point 6 was considered and rejected: it covers systems used by or on behalf of law enforcement authorities, whereas the bank monitors its own customers under its own legal obligation. To be re-checked against the Commission's Art 6 guidelines. " +
      "Northwind uses the product under the vendor's name and is a deployer. Suspicions of criminal offences are processed under GDPR Art 10 and the national AML acts; tipping-off rules limit what customers are told. Supervisory expectations on validating monitoring models apply regardless of the AI Act tier.",
    modelType: "Rules engine with gradient-boosted alert scoring",
    foundationModel: "",
    vendor: "Lumen RegTech B.V.",
    hosting: "vendor_saas",
    dataCategories: ["personal_data", "criminal_offence"],
    affectedPersons: "Retail and business banking customers, life insurance policyholders and their payment counterparties (about 1.2 million customers).",
    humanOversight:
      "The score orders the queue but suppresses nothing: every alert above the scenario thresholds is reviewed by an analyst, including low-scored ones. Closing an alert needs a documented rationale; the MLRO's team decides on suspicious activity reports. " +
      "Below-the-line testing twice a year and an annual independent validation check that scoring does not hide true positives. Threshold and model changes need MLRO sign-off.",
    autonomyLevel: "human_in_the_loop",
    components: [
      component("service", "Lumen Transaction Monitoring platform", "7.4", "", "LicenseRef-Lumen-SaaS-Agreement"),
      component("model", "Lumen alert-priority model", "2025.1", "", "LicenseRef-Lumen-SaaS-Agreement"),
      component(
        "dataset",
        "EU consolidated financial sanctions list",
        "daily",
        "https://data.europa.eu/data/datasets/consolidated-list-of-persons-groups-and-entities-subject-to-eu-financial-sanctions",
        "CC-BY-4.0",
      ),
    ],
  },
  {
    name: "Next-best-offer recommender",
    description:
      "Recommends the next product or service message for existing customers in the app, online banking and e-mail (for example contents insurance after a change of address, travel cover before the holiday season). " +
      "Matrix factorisation on product holdings and interactions, followed by eligibility, suppression and contact-frequency rules.",
    purpose:
      "Relevant cross-selling and retention offers and fewer irrelevant marketing contacts. Not used for pricing or credit limits, and not applied to customers who objected to profiling for marketing (GDPR Art 21(2)).",
    businessUnit: "Marketing & Digital Sales",
    ownerRole: "executive",
    lifecycleStage: "production",
    deploymentContext:
      "Nightly scoring of all adult customers with a marketing permission (about 800,000) in DE, AT and NL; the campaign tool picks the top eligible offer. Credit products are offered only subject to the normal credit check. Customers under 18 and customers flagged as financially vulnerable are excluded by rule.",
    euAiActRole: "provider",
    riskTier: "minimal",
    riskTierBasis: "Not listed in Annex III; Art 5(1)(a)–(b) checked",
    riskTierRationale:
      "Recommending marketing offers is not an Annex III use case: the recommender does not decide on access to credit or insurance, which is assessed later in the regular processes. " +
      "It was checked against Art 5(1)(a) and (b): it uses no subliminal or deceptive techniques and does not target vulnerabilities, since offers are standard products under frequency caps and vulnerable customers are excluded. " +
      "Profiling for direct marketing relies on legitimate interest with the right to object; IDD demands-and-needs rules apply at the point of sale.",
    modelType: "Matrix factorisation recommender with rule-based eligibility filter",
    foundationModel: "",
    vendor: "In-house – Marketing Analytics",
    hosting: "public_cloud",
    dataCategories: ["personal_data"],
    affectedPersons: "Existing adult customers with a marketing permission (about 800,000).",
    humanOversight:
      "Marketing and Compliance approve the offer catalogue, eligibility rules and frequency caps before each campaign. Individual recommendations are not reviewed. " +
      "Campaign results, opt-out and complaint rates are reviewed monthly; Compliance samples recommendations quarterly for vulnerable-customer exclusions. Marketing can pause a single offer or the whole recommender in the campaign tool.",
    autonomyLevel: "autonomous",
    components: [
      component("service", "LightFM", "1.17", "https://github.com/lyst/lightfm", "Apache-2.0"),
      component("model", "nbo-hybrid-mf", "2025.09", "", INTERNAL),
      component("dataset", "Product holdings and interaction events (rolling 24 months)", "2025-09", "", INTERNAL),
    ],
  },
  {
    name: "Call-centre voice sentiment analytics",
    description:
      "Idea raised by Customer Service: transcribe inbound calls and detect frustration or distress during the call to alert a team lead, and score agents' call handling for coaching.",
    purpose: "Earlier escalation of dissatisfied or vulnerable callers; coaching material for agents. Scope not yet defined.",
    businessUnit: "Customer Service",
    ownerRole: null,
    lifecycleStage: "idea",
    deploymentContext: "Not defined. Would process inbound call audio (about 1.4 million calls a year) in the telephony platform.",
    euAiActRole: "deployer",
    riskTier: "unclassified",
    riskTierBasis: "",
    riskTierRationale:
      "Not yet classified. First screening by Compliance: inferring the emotions of employees from their voice at the workplace is prohibited (Art 5(1)(f)), so the agent-scoring part cannot go ahead as described. " +
      "Emotion recognition of callers from voice would be high-risk (Annex III point 1(c)) and callers would have to be informed (Art 50(3)). Sentiment analysis of transcripts without biometric voice features may fall outside both; legal opinion needed before design starts.",
    modelType: "Speech-to-text plus sentiment or emotion classification (not decided)",
    foundationModel: "Whisper large-v3 (candidate)",
    vendor: "Not selected",
    hosting: null,
    dataCategories: ["personal_data", "special_category"],
    affectedPersons: "Callers (customers, claimants, third parties) and call-centre agents.",
    humanOversight:
      "Not defined. Preconditions set by Compliance: no automated evaluation of individual agents; any use concerning callers only as an alert to a team lead, never as an automatic action.",
    autonomyLevel: "assistive",
    components: [component("model", "whisper-large-v3", "v3", "https://huggingface.co/openai/whisper-large-v3", "Apache-2.0")],
  },
  {
    name: "Motor claims reserve estimator v1",
    description:
      "Generalised linear model that estimated the initial case reserve for motor own-damage and third-party property claims from vehicle, damage and repair-shop data. Replaced by the reserving module of the claims platform and decommissioned in March 2025; kept in the inventory for the record.",
    purpose: "Set initial case reserves at first notification of loss for motor property-damage claims. No longer in use.",
    businessUnit: "P&C Claims",
    ownerRole: "risk_owner",
    lifecycleStage: "retired",
    deploymentContext:
      "Ran in batch in the claims data warehouse (DE) from 2019 until March 2025. Model artefacts and validation reports are kept for ten years under the records retention schedule.",
    euAiActRole: "provider",
    riskTier: "minimal",
    riskTierBasis: "Not listed in Annex III",
    riskTierRationale:
      "Reserve estimation supports internal financial management and does not assess natural persons; it is not an Annex III use case. Classified retrospectively during the inventory exercise for completeness.",
    modelType: "Generalised linear model (gamma, log link)",
    foundationModel: "",
    vendor: "In-house – Claims Analytics",
    hosting: "on_premises",
    dataCategories: ["personal_data"],
    affectedPersons: "None directly: reserves did not change what was paid. Claim records contained policyholder and third-party data.",
    humanOversight:
      "Claims handlers could change every proposed reserve; reserves above EUR 25,000 were always set manually. Reserve adequacy was reported monthly to the Reserving Committee until decommissioning.",
    autonomyLevel: "assistive",
    components: [
      component("model", "motor-reserve-glm", "1.4", "", INTERNAL),
      component("service", "scikit-learn", "1.3.2", "https://github.com/scikit-learn/scikit-learn", "BSD-3-Clause"),
    ],
  },
];
