import { assessGpai } from "@/lib/classification/rules/assess-gpai";
import { assessHighRisk } from "@/lib/classification/rules/assess-high-risk";
import { findProhibitedPractices } from "@/lib/classification/rules/find-prohibited-practices";
import { findTransparencyDuties } from "@/lib/classification/rules/find-transparency-duties";
import { formatRefs } from "@/lib/classification/rules/format-refs";
import { findScopeExclusions, NOT_AN_AI_SYSTEM, OPEN_SOURCE_EXCLUDED, OPEN_SOURCE_NOT_EXCLUDED } from "@/lib/classification/rules/find-scope-exclusions";
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
  /** Ids of shown main questions left blank (nothing is assumed for them). */
  missing: string[];
  /**
   * The missing main questions whose answer could give a stricter outcome than the answers given: while
   * any remain, nothing is concluded (tier "unclassified", "cannot conclude"), so a blank never lowers the tier.
   */
  blocking: string[];
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
    const missing = completeAnswers({}).missing.map((question) => question.id);
    return {
      tier: "unclassified",
      basis: [],
      alsoApplies: [],
      summary: `${RISK_TIER_LABELS.unclassified}: the questionnaire is incomplete; no question has been answered yet.`,
      missing,
      blocking: missing,
      assumed: [],
    };
  }
  // A missing answer never lowers the tier: blank follow-ups count as their stricter answer, and no
  // tier is concluded while a blank main question could, answered, give a stricter one.
  const { answers: visible, assumed, missing } = completeAnswers(answers);
  const proposal = proposeFromComplete(visible);
  const blocking = questionsThatCouldRaise(answers, proposal.tier, missing);
  const gaps = {
    missing: missing.map((question) => question.id),
    blocking: blocking.map((question) => question.id),
    assumed: assumed.map((question) => question.id),
  };
  if (blocking.length > 0) {
    const lead =
      proposal.tier === "minimal"
        ? "no higher tier follows from the answers given"
        : `the answers given lead to ${lowerFirst(RISK_TIER_LABELS[proposal.tier])}`;
    return {
      tier: "unclassified",
      basis: [],
      alsoApplies: [],
      summary: `${RISK_TIER_LABELS.unclassified}: cannot conclude; ${lead}, but ${blocking.length === 1 ? "a question that could make it stricter is" : `${blocking.length} questions that could make it stricter are`} unanswered (${blocking.map((question) => lowerFirst(question.title)).join("; ")}).`,
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

/** How strict an outcome is; out of scope is the least strict, a prohibited practice the most (proposeTier's precedence). */
export const TIER_STRICTNESS: Readonly<Record<RiskTier, number>> = {
  unclassified: -1,
  out_of_scope: 0,
  minimal: 1,
  limited: 2,
  gpai: 3,
  gpai_systemic: 4,
  high: 5,
  prohibited: 6,
};

/**
 * The blank main questions whose answer could give a stricter outcome than the one concluded: each is
 * tried with every answer (its own blank follow-ups counted as their stricter answer), the others kept
 * blank; then all of them together at their strictest, in case only a combination raises it (then all
 * are named).
 */
function questionsThatCouldRaise(answers: ClassificationAnswers, tier: RiskTier, missing: readonly Question[]): Question[] {
  if (missing.length === 0) return [];
  const outcome = (extra: Record<string, boolean | readonly string[]>) =>
    TIER_STRICTNESS[proposeFromComplete(completeAnswers({ ...answers, ...extra } as ClassificationAnswers).answers).tier];
  const strictest: Record<string, boolean | readonly string[]> = {};
  const raising: Question[] = [];
  for (const question of missing) {
    let best = -Infinity;
    for (const candidate of candidateAnswers(question)) {
      const rank = outcome({ [question.id]: candidate });
      if (rank > best) {
        best = rank;
        strictest[question.id] = candidate;
      }
    }
    if (best > TIER_STRICTNESS[tier]) raising.push(question);
  }
  if (raising.length > 0) return raising;
  return outcome(strictest) > TIER_STRICTNESS[tier] ? [...missing] : [];
}

function candidateAnswers(question: Question): (boolean | readonly string[])[] {
  if (question.kind === "boolean") return [true, false];
  return [[], question.options.map((option) => option.value)];
}

function assumedAnswer(question: Question): string {
  const answer = question.kind === "boolean" ? (question.ifUnanswered ? "Yes" : "No") : "none of the options";
  return `${lowerFirst(question.title)} (${question.legalRef}): "${answer}"`;
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

type Outcome = Omit<TierProposal, "missing" | "blocking" | "assumed">;

/**
 * Scope before tier: an Art 2 exclusion that holds whatever the tier settles the outcome; a system that is
 * not an AI system (Art 3(1)) is out of scope unless it is a general-purpose AI model; the open-source
 * exclusion (Art 2(12)) holds only where the system is neither high-risk nor prohibited nor bound by Art 50.
 */
function proposeFromComplete(visible: ClassificationAnswers): Outcome {
  const exclusions = findScopeExclusions(visible);
  if (exclusions.length > 0) return outOfScope(exclusions);
  if (visible.is_ai_system === false) {
    const gpai = assessGpai(visible);
    if (gpai.level === null) return outOfScope([NOT_AN_AI_SYSTEM]);
    const tier = gpai.level === "systemic" ? "gpai_systemic" : "gpai";
    return { tier, basis: gpai.grounds, alsoApplies: gpai.obligations, summary: sentence(tier, gpai.headline) };
  }
  const tiered = proposeTierInScope(visible);
  if (visible.free_open_source_licence !== true) return tiered;
  if (tiered.tier === "minimal") return outOfScope([OPEN_SOURCE_EXCLUDED]);
  // Art 2(12) is about AI systems; a general-purpose AI model released openly keeps its (reduced) duties under Art 53(2).
  if (tiered.tier === "gpai" || tiered.tier === "gpai_systemic") return tiered;
  return { ...tiered, alsoApplies: [...tiered.alsoApplies, OPEN_SOURCE_NOT_EXCLUDED] };
}

function outOfScope(basis: LegalBasis[]): Outcome {
  return {
    tier: "out_of_scope",
    basis,
    alsoApplies: [],
    summary: sentence("out_of_scope", `the Regulation does not apply under ${formatRefs(basis)}`),
  };
}

function proposeTierInScope(visible: ClassificationAnswers): Outcome {
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
