import { assessGpai } from "@/lib/classification/rules/assess-gpai";
import { assessHighRisk } from "@/lib/classification/rules/assess-high-risk";
import { findProhibitedPractices } from "@/lib/classification/rules/find-prohibited-practices";
import { findTransparencyDuties } from "@/lib/classification/rules/find-transparency-duties";
import { formatRefs } from "@/lib/classification/rules/format-refs";
import { RISK_TIER_LABELS, type ClassificationAnswers, type RiskTier } from "@/lib/classification/schemas";
import type { LegalBasis, Question } from "@/lib/classification/types";
import { completeAnswers } from "@/lib/classification/questionnaire/complete-answers";
import { visibleAnswers } from "@/lib/classification/questionnaire/visible-answers";

export type { LegalBasis } from "@/lib/classification/types";

export interface TierProposal {
  tier: RiskTier;
  /** Provisions that put the system in this tier, followed by any exceptions that kept it out of a higher one. */
  basis: LegalBasis[];
  /** Other provisions the answers trigger (obligations of the tier, Art 50 duties, GPAI duties, …). */
  alsoApplies: LegalBasis[];
  /** One human sentence, starting with the tier label. */
  summary: string;
  /** Ids of shown main questions left blank; while any remain, "minimal" is never concluded. */
  missing: string[];
  /** Ids of shown follow-up questions left blank and counted as their stricter answer. */
  assumed: string[];
}

const ART_4: LegalBasis = {
  ref: "Art 4",
  title: "AI literacy",
  reason:
    "Providers and deployers must take measures to ensure, to their best extent, a sufficient level of AI literacy among staff and others operating or using the system on their behalf.",
};
const ART_95: LegalBasis = {
  ref: "Art 95",
  title: "Voluntary codes of conduct",
  reason:
    "No mandatory AI Act requirement beyond AI literacy was identified; providers and deployers may voluntarily apply some or all high-risk requirements through codes of conduct.",
};
const ART_99_3: LegalBasis = {
  ref: "Art 99(3)",
  title: "Penalties",
  reason:
    "Non-compliance with the Art 5 prohibitions is subject to fines of up to EUR 35 000 000 or 7% of total worldwide annual turnover, whichever is higher.",
};

/**
 * Proposes an EU AI Act risk tier from the questionnaire answers. It is a proposal for a human
 * reviewer, not a legal determination: every conclusion carries the provisions it rests on.
 *
 * Precedence follows the structure of the Regulation: a prohibited practice (Art 5) trumps
 * everything; then high risk (Art 6); then general-purpose AI models (Chapter V); then the Art 50
 * transparency duties; otherwise minimal risk. Lower-precedence findings that still bind the
 * system are listed in alsoApplies rather than lost.
 */
export function proposeTier(answers: ClassificationAnswers): TierProposal {
  // Stale answers to questions the user can no longer see must not influence the outcome.
  if (!hasAnyAnswer(visibleAnswers(answers))) {
    return {
      tier: "unclassified",
      basis: [],
      alsoApplies: [],
      summary: `${RISK_TIER_LABELS.unclassified}: the questionnaire is incomplete; no question has been answered yet.`,
      missing: completeAnswers({}).missing.map((question) => question.id),
      assumed: [],
    };
  }
  // A missing answer never lowers the tier: blank follow-ups count as their stricter answer, and
  // "minimal" is not concluded while a main question is unanswered (it could raise the tier).
  const { answers: visible, assumed, missing } = completeAnswers(answers);
  const proposal = proposeFromComplete(visible);
  const gaps = { missing: missing.map((question) => question.id), assumed: assumed.map((question) => question.id) };
  if (proposal.tier === "minimal" && missing.length > 0) {
    return {
      tier: "unclassified",
      basis: [],
      alsoApplies: [ART_4],
      summary: `${RISK_TIER_LABELS.unclassified}: cannot conclude; no higher tier follows from the answers given, but ${missing.length === 1 ? "a question that could raise it is" : `${missing.length} questions that could raise it are`} unanswered (${missing.map((question) => lowerFirst(question.title)).join("; ")}).`,
      ...gaps,
    };
  }
  if (assumed.length === 0) return { ...proposal, ...gaps };
  // The assumption is stated in the summary (kept as the rationale when the proposal is accepted), not
  // in the basis: the basis lists provisions, and the decided tier's legal basis is built from it.
  return {
    ...proposal,
    summary: `${proposal.summary.slice(0, -1)}; left blank and counted as the stricter answer: ${assumed.map(assumedAnswer).join(", ")}.`,
    ...gaps,
  };
}

function assumedAnswer(question: Question): string {
  const answer = question.kind === "boolean" ? (question.ifUnanswered ? "Yes" : "No") : "none of the options";
  return `${lowerFirst(question.title)} (${question.legalRef}): "${answer}"`;
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

function proposeFromComplete(visible: ClassificationAnswers): Omit<TierProposal, "missing" | "assumed"> {
  const prohibited = findProhibitedPractices(visible);
  if (prohibited.practices.length > 0) {
    return { tier: "prohibited", basis: prohibited.practices, alsoApplies: [ART_99_3], summary: sentence("prohibited", formatRefs(prohibited.practices)) };
  }

  const high = assessHighRisk(visible);
  const gpai = assessGpai(visible);
  const transparency = findTransparencyDuties(visible);
  // A result's grounds list the exceptions that kept it out of a higher tier, never those of a lower one
  // (an Art 50 exception says nothing about why a system is high-risk or a GPAI model).
  const higherTierExceptions = [...prohibited.exceptions, ...high.exclusions];
  const exceptions = [...higherTierExceptions, ...transparency.exceptions];

  if (high.isHigh) {
    return {
      tier: "high",
      basis: [...high.grounds, ...prohibited.exceptions],
      alsoApplies: [...high.obligations, ...prohibited.safeguards, ...gpai.grounds, ...gpai.obligations, ...transparency.duties, ART_4],
      summary: sentence("high", high.headline),
    };
  }

  if (gpai.level !== null) {
    const tier = gpai.level === "systemic" ? "gpai_systemic" : "gpai";
    return {
      tier,
      basis: [...gpai.grounds, ...higherTierExceptions],
      alsoApplies: [...gpai.obligations, ...high.obligations, ...prohibited.safeguards, ...transparency.duties],
      summary: sentence(tier, gpai.headline, high.exclusionNote),
    };
  }

  if (transparency.duties.length > 0) {
    return {
      tier: "limited",
      basis: [...transparency.duties, ...exceptions],
      alsoApplies: [...high.obligations, ...prohibited.safeguards, ART_4],
      summary: sentence("limited", `transparency obligations under ${formatRefs(transparency.duties)}`, high.exclusionNote),
    };
  }

  return {
    tier: "minimal",
    basis: [ART_95, ...exceptions],
    alsoApplies: [...high.obligations, ...prohibited.safeguards, ART_4],
    summary:
      high.exclusionNote === null
        ? sentence(
            "minimal",
            "no prohibited practice, high-risk use, general-purpose AI model or transparency obligation identified; voluntary codes of conduct (Art 95) and AI literacy (Art 4) remain relevant",
          )
        : sentence("minimal", high.exclusionNote, "no other obligation beyond AI literacy (Art 4) was identified"),
  };
}

function sentence(tier: RiskTier, main: string | null, note: string | null = null): string {
  return `${RISK_TIER_LABELS[tier]}: ${[main, note].filter(Boolean).join("; ")}.`;
}

// An empty multi-select is indistinguishable from an untouched one in a form, so it does not
// count as an answer; an explicit "No" does.
function hasAnyAnswer(answers: ClassificationAnswers): boolean {
  return Object.values(answers).some((value) => typeof value === "boolean" || (Array.isArray(value) && value.length > 0));
}
