import type { Role } from "@/lib/auth/roles";
import type { ControlFrameworkId, ControlRef, ControlStatus } from "@/lib/controls/schemas";

// Demo data only: control statuses and evidence of the demo AI systems, keyed by system name. A few
// controls are implemented group-wide (policy, AI literacy, inventory); three systems have a worked
// Statement of Applicability. Everything else stays "not started", so the posture is realistic: well
// advanced for the credit scorecard and the chatbot, under way for the ranker, barely begun elsewhere.

export type DemoControlStatus = ControlRef & {
  status: Exclude<ControlStatus, "not_started">;
  ownerRole: Role;
  /** Next review, in days after the seed date. */
  reviewInDays: number;
  justification: string;
};

export type DemoEvidence = {
  title: string;
  /** The controls it is attached to when created (createEvidence). */
  links: readonly ControlRef[];
  /** Attached afterwards (linkEvidence), as when someone notices it also covers another control. */
  alsoLinks?: readonly ControlRef[];
} & ({ kind: "link"; url: string } | { kind: "file"; fileName: string; mimeType: string; content: () => string });

export type DemoSystemControls = { controls: readonly DemoControlStatus[]; evidence: readonly DemoEvidence[] };

type Refs = Partial<Record<ControlFrameworkId, readonly string[]>>;

/** The same status, owner, review date and justification for several controls. */
function statuses(status: DemoControlStatus["status"], ownerRole: Role, reviewInDays: number, justification: string, refs: Refs): DemoControlStatus[] {
  return Object.entries(refs).flatMap(([framework, ids]) =>
    ids.map((controlId) => ({ framework: framework as ControlFrameworkId, controlId, status, ownerRole, reviewInDays, justification })),
  );
}

const iso = (controlId: string): ControlRef => ({ framework: "iso42001", controlId });
const eu = (controlId: string): ControlRef => ({ framework: "eu_ai_act", controlId });
const nist = (controlId: string): ControlRef => ({ framework: "nist_ai_rmf", controlId });

const WIKI = "https://wiki.example.com";

/** Implemented once for the group; set on every demo system in scope except ideas. */
export const DEMO_GROUP_CONTROLS: readonly DemoControlStatus[] = [
  ...statuses(
    "implemented",
    "compliance_officer",
    200,
    "Group AI policy v2.1, approved by the Management Board, applies to every AI system in the inventory.",
    { iso42001: ["A.2.2"] },
  ),
  ...statuses(
    "implemented",
    "compliance_officer",
    300,
    "Group AI literacy programme: e-learning for all staff, role-specific modules for users, developers and approvers.",
    { eu_ai_act: ["Art 4"] },
  ),
  ...statuses("implemented", "admin", 180, "Recorded in the group AI inventory with owner, risk tier, components and lifecycle stage.", {
    nist_ai_rmf: ["GOVERN 1.6"],
  }),
];

export const DEMO_CONTROLS: Readonly<Record<string, DemoSystemControls>> = {
  "Applicant pre-screening ranker": {
    controls: [
      ...statuses("implemented", "risk_owner", 180, "In place for the shadow-mode phase; documented in the system file.", {
        iso42001: ["A.3.2", "A.6.2.2", "A.6.2.3", "A.6.2.8", "A.7.5"],
        eu_ai_act: ["Art 12", "Art 14"],
        nist_ai_rmf: ["MAP 1.1", "MAP 2.1", "MAP 3.5", "GOVERN 2.1"],
      }),
      ...statuses("implemented", "compliance_officer", 365, "Impact assessment and DPIA completed with HR, the DPO and the works councils.", {
        iso42001: ["A.5.2", "A.5.3"],
        nist_ai_rmf: ["GOVERN 1.1"],
      }),
      ...statuses("in_progress", "risk_owner", 60, "Open actions from the shadow-mode validation; must be closed before the ranking is shown to recruiters.", {
        iso42001: ["A.5.4", "A.6.2.4", "A.7.4", "A.7.6"],
        eu_ai_act: ["Art 9", "Art 10", "Art 11", "Art 15"],
        nist_ai_rmf: ["MEASURE 2.5", "MEASURE 2.10", "MEASURE 2.11"],
      }),
      ...statuses(
        "in_progress",
        "compliance_officer",
        90,
        "Conformity assessment by internal control (Annex VI) planned for the end of the shadow-mode phase.",
        {
          iso42001: ["A.8.2"],
          eu_ai_act: ["Art 13", "Art 17", "Art 43"],
        },
      ),
      ...statuses(
        "not_applicable",
        "compliance_officer",
        365,
        "The ranker is used only by Northwind's own HR and is not supplied to customers, so there are no customer requirements to meet.",
        {
          iso42001: ["A.10.4"],
        },
      ),
    ],
    evidence: [
      {
        kind: "file",
        title: "Group model risk policy – excerpt for AI systems",
        fileName: "model-risk-policy-excerpt.md",
        mimeType: "text/markdown",
        content: modelRiskPolicyExcerpt,
        links: [iso("A.2.2"), eu("Art 9")],
      },
      {
        kind: "link",
        title: "Shadow-mode validation plan",
        url: `${WIKI}/hr/talent-acquisition/applicant-ranker/validation-plan`,
        links: [iso("A.6.2.4"), eu("Art 9")],
        alsoLinks: [nist("MEASURE 2.5")],
      },
      {
        kind: "link",
        title: "Adverse-impact report (monthly, by gender and age band)",
        url: `${WIKI}/hr/talent-acquisition/applicant-ranker/adverse-impact`,
        links: [nist("MEASURE 2.11"), iso("A.5.4")],
      },
      {
        kind: "link",
        title: "Recruiter training: limits of the ranking and automation bias",
        url: "https://learning.example.com/courses/hr-ai-ranking",
        links: [eu("Art 4"), eu("Art 14")],
      },
    ],
  },

  "Customer service chatbot 'Nora'": {
    controls: [
      ...statuses("implemented", "executive", 180, "Operated by Digital Channels under the Nora runbook.", {
        iso42001: ["A.6.2.5", "A.6.2.6", "A.8.2", "A.9.3", "A.9.4"],
        eu_ai_act: ["Art 50"],
        nist_ai_rmf: ["MAP 1.1", "MAP 3.5", "MANAGE 2.4", "MANAGE 4.1", "MEASURE 3.3"],
      }),
      ...statuses("implemented", "admin", 180, "Platform controls of the private-cloud GPU cluster and the model registry.", {
        iso42001: ["A.4.4", "A.4.5", "A.6.2.8", "A.7.5"],
        nist_ai_rmf: ["MEASURE 2.7", "MANAGE 3.2"],
      }),
      ...statuses("implemented", "compliance_officer", 365, "Impact assessment and DPIA approved before go-live; reviewed annually.", {
        iso42001: ["A.5.2", "A.5.3", "A.5.4"],
        nist_ai_rmf: ["GOVERN 1.1", "MEASURE 2.10"],
      }),
      ...statuses("in_progress", "executive", 45, "Follow-up actions from the Q3 red-team report and the answer-quality review.", {
        iso42001: ["A.6.2.4", "A.8.4", "A.10.3"],
        nist_ai_rmf: ["MEASURE 2.5", "MEASURE 2.6", "MEASURE 2.9"],
      }),
      ...statuses("in_progress", "compliance_officer", 60, "Stakeholder information and societal-impact review scheduled with the customer advisory panel.", {
        iso42001: ["A.5.5", "A.8.5"],
        nist_ai_rmf: ["GOVERN 4.3"],
      }),
      ...statuses(
        "not_applicable",
        "executive",
        365,
        "Nora uses Mistral Small 3 as published, without fine-tuning: Northwind does not train or enhance the model with data. The retrieval knowledge base is governed under A.7.4 and A.7.5.",
        {
          iso42001: ["A.7.2"],
        },
      ),
    ],
    evidence: [
      {
        kind: "file",
        title: "Nora system card",
        fileName: "nora-system-card.md",
        mimeType: "text/markdown",
        content: noraSystemCard,
        links: [iso("A.8.2"), iso("A.6.2.7")],
      },
      {
        kind: "link",
        title: "Nora answer policy and guardrail configuration",
        url: `${WIKI}/digital-channels/nora/answer-policy`,
        links: [iso("A.9.4"), eu("Art 50")],
      },
      {
        kind: "link",
        title: "Red-team report Q3: prompt injection, jailbreak and data leakage",
        url: `${WIKI}/security/red-team/2025-q3-nora`,
        links: [nist("MEASURE 2.7"), iso("A.6.2.4")],
        alsoLinks: [nist("MEASURE 2.10")],
      },
      {
        kind: "link",
        title: "AI disclosure in the chat header – UX specification",
        url: `${WIKI}/digital-channels/nora/ai-disclosure`,
        links: [eu("Art 50")],
      },
    ],
  },

  "Consumer credit scoring (instalment loans and cards)": {
    controls: [
      ...statuses(
        "implemented",
        "risk_owner",
        180,
        "Covered by the bank's model risk management framework (CRD internal governance); last validated this year.",
        {
          iso42001: ["A.3.2", "A.6.2.2", "A.6.2.3", "A.6.2.4", "A.6.2.6", "A.6.2.7", "A.6.2.8", "A.7.4", "A.7.5"],
          eu_ai_act: ["Art 9", "Art 11", "Art 12", "Art 14", "Art 15", "Art 72"],
          nist_ai_rmf: ["MAP 1.1", "MEASURE 1.3", "MEASURE 2.5", "MEASURE 2.9", "MANAGE 4.1"],
        },
      ),
      ...statuses("implemented", "compliance_officer", 365, "Documented in the credit policy and the decline-letter process.", {
        iso42001: ["A.5.2", "A.5.3", "A.8.2"],
        eu_ai_act: ["Art 13", "Art 17"],
        nist_ai_rmf: ["GOVERN 1.1"],
      }),
      ...statuses("in_progress", "risk_owner", 90, "Fairness assessment by age band and nationality added to this year's validation.", {
        iso42001: ["A.5.4"],
        eu_ai_act: ["Art 10", "Art 43"],
        nist_ai_rmf: ["MEASURE 2.11"],
      }),
      ...statuses(
        "in_progress",
        "compliance_officer",
        60,
        "Registration, declaration of conformity and incident reporting procedure being prepared with Legal.",
        {
          eu_ai_act: ["Art 47", "Art 49", "Art 73"],
        },
      ),
      ...statuses(
        "not_applicable",
        "compliance_officer",
        365,
        "The scorecard is used only for Northwind Bank's own lending decisions and is not supplied to other organisations.",
        {
          iso42001: ["A.10.4"],
        },
      ),
    ],
    evidence: [
      {
        kind: "link",
        title: "Annual model validation report (Model Risk Management)",
        url: `${WIKI}/credit-risk/mrm/retail-pd-lgbm-4.1/validation`,
        links: [eu("Art 15"), iso("A.6.2.4"), nist("MEASURE 2.5")],
      },
      {
        kind: "link",
        title: "Technical documentation (Annex IV) – retail-pd-lgbm 4.1",
        url: `${WIKI}/credit-risk/models/retail-pd-lgbm/annex-iv`,
        links: [eu("Art 11"), iso("A.6.2.7")],
      },
    ],
  },
};

function modelRiskPolicyExcerpt(): string {
  return `# Group Model Risk Policy – excerpt: AI systems

*Northwind Assurance Group · Policy owner: Group Compliance · Version 2.1 (demo document)*

## 4.2 Scope
This policy applies to every AI system recorded in the group AI inventory, whether developed in-house,
bought or used as a service. Systems classified as high-risk under the EU AI Act follow section 6 in addition.

## 5.1 Risk assessment before use
- The system owner records intended purpose, affected persons and human oversight in the inventory.
- An impact assessment (ISO/IEC 42001 A.5) is completed before a system leaves validation.
- Risks are scored on the group 5 × 5 matrix; risks rated *High* or *Critical* need a treatment plan with an owner and a due date.

## 5.3 Acceptance of residual risk
Residual risks may only be accepted by a member of the Executive Committee or the Chief Compliance Officer,
with the reason recorded in the risk register. Acceptances are reviewed at least annually.

## 6.4 Fairness (high-risk systems)
Selection-rate ratios below **0.8** for any protected group trigger an investigation before the next release.
`;
}

function noraSystemCard(): string {
  return `# System card: customer service assistant "Nora"

*Owner: Digital Channels · Demo document*

| | |
|---|---|
| Model | Mistral-Small-24B-Instruct-2501, self-hosted (vLLM), not fine-tuned |
| Retrieval | multilingual-e5-large embeddings, Qdrant; product terms and approved service articles only |
| Languages | German, Dutch, English |
| Users | Website and app visitors; signed-in customers see their own policy and claim status |

## Intended use
First-line answers to service questions. **Not** for product advice (IDD), complaints or contract changes.

## Known limitations
- May give outdated answers if a knowledge-base article has expired; answers cite their sources.
- Refuses questions outside the answer policy and offers a hand-over to an agent.

## Oversight
Daily sample review of 50 conversations; every one-star rating is reviewed. Digital Channels can switch
Nora to "hand-over only" within minutes.
`;
}
