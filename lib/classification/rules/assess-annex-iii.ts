import { DEROGATION_SECTION } from "@/lib/classification/questionnaire/derogation-section";
import { deriveAnnexIiiPoints } from "@/lib/classification/rules/derive-annex-iii-points";
import { formatRefs } from "@/lib/classification/rules/format-refs";
import type { ClassificationAnswers } from "@/lib/classification/schemas";
import type { LegalBasis } from "@/lib/classification/types";

export interface AnnexIiiAssessment {
  /** Non-empty exactly when the system is high-risk via Art 6(2). */
  readonly grounds: LegalBasis[];
  /** Why a ticked Annex III use did not make it high-risk (carve-out or Art 6(3) derogation). */
  readonly exclusions: LegalBasis[];
  /** Duties that follow from the outcome (registration, FRIA, or Art 6(4) documentation). */
  readonly obligations: LegalBasis[];
  /** Summary fragment for a high-risk outcome, e.g. "Annex III point 4(a) (…) via Art 6(2)". */
  readonly headline: string | null;
  /** Summary fragment explaining an exclusion, for lower-tier summaries. */
  readonly exclusionNote: string | null;
}

// What each Art 6(3) condition means, phrased to complete "the system …".
const DEROGATION_CLAUSES: Readonly<Record<string, string>> = {
  derogation_narrow_procedural: "performs only a narrow procedural task",
  derogation_improves_human_activity: "improves the result of a previously completed human activity",
  derogation_detects_patterns:
    "detects decision-making patterns or deviations without replacing or influencing the completed human assessment without proper human review",
  derogation_preparatory: "performs a preparatory task to an assessment relevant for the Annex III use case",
};

const ART_6_2: LegalBasis = { ref: "Art 6(2)", title: "High-risk use case listed in Annex III", reason: "AI systems referred to in Annex III are high-risk." };
const ART_6_4: LegalBasis = {
  ref: "Art 6(4)",
  title: "Document the Art 6(3) assessment",
  reason:
    "A provider who considers an Annex III system not high-risk must document that assessment before placing the system on the market or putting it into service, and hand it to national competent authorities on request.",
};
const ART_49_2: LegalBasis = {
  ref: "Art 49(2)",
  title: "Register the system despite the derogation",
  reason: "Before placing it on the market or putting it into service, the provider must register itself and the system in the EU database (Art 71).",
};
const ART_49_1: LegalBasis = {
  ref: "Art 49(1)",
  title: "Registration in the EU database",
  reason:
    "The provider registers itself and the system in the EU database (Art 71) before placing it on the market; public-authority deployers register their use (Art 49(3)). Annex III point 2 systems are registered at national level instead (Art 49(5)).",
};
const ART_49_4: LegalBasis = {
  ref: "Art 49(4)",
  title: "Registration in the secure non-public section",
  reason:
    "For Annex III points 1, 6 and 7 systems in the areas of law enforcement, migration, asylum and border control management, the registration under Art 49(1)-(3) is made in a secure non-public section of the EU database, with only the information listed there, accessible to the Commission and the national authorities.",
};
const ART_26_10: LegalBasis = {
  ref: "Art 26(10)",
  title: "Post-remote biometric identification: prior authorisation",
  reason:
    "A deployer using the system for post-remote biometric identification in the investigation of a criminal offence, for the targeted search of a person suspected or convicted of it, must request authorisation from a judicial authority or an administrative authority whose decision is binding, in advance or without undue delay and no later than 48 hours; without authorisation the use stops and the data are deleted.",
};
/** Art 27(1): which deployers must assess the impact on fundamental rights, and why this one must. */
function art27(points: readonly string[], publicBody: boolean): LegalBasis | null {
  const creditOrInsurance = points.filter((point) => point === "5b" || point === "5c");
  const why =
    creditOrInsurance.length > 0
      ? `the system is used under Annex III point ${creditOrInsurance.map((point) => `${point.charAt(0)}(${point.slice(1)})`).join(" and ")}, for which every deployer must do so`
      : publicBody && points.some((point) => point !== "2")
        ? "you are a body governed by public law or a private entity providing public services"
        : null;
  if (why === null) return null;
  return {
    ref: "Art 27",
    title: "Fundamental rights impact assessment",
    reason: `Before first use, the deployer assesses the impact of the use on fundamental rights (processes, period and frequency of use, affected groups, specific risks of harm, human oversight, measures if risks materialise) and notifies the market surveillance authority of the results: ${why} (Art 27(1), (3)).`,
  };
}

/** Art 6(2) with the Art 6(3) derogation and its profiling override. */
export function assessAnnexIii(answers: ClassificationAnswers): AnnexIiiAssessment {
  const { points, carveOuts } = deriveAnnexIiiPoints(answers);
  const carveOutNote = carveOuts.length > 0 ? `${formatRefs(carveOuts)} does not apply` : null;
  if (points.length === 0) return { grounds: [], exclusions: carveOuts, obligations: [], headline: null, exclusionNote: carveOutNote };

  const pointRefs = points.map((point) => point.ref).join(", ");
  const derogations = DEROGATION_SECTION.questions.filter((question) => question.id in DEROGATION_CLAUSES && answers[question.id] === true);
  // Annex III point 6(e) is profiling (Art 3(4) Directive (EU) 2016/680) by definition.
  const profilingPoint = points.some((point) => point.value === "6e");
  const profiles = answers.profiles_natural_persons === true || profilingPoint;

  if (derogations.length > 0 && !profiles) {
    const exclusions = derogations.map((question) => ({
      ref: question.legalRef,
      title: `Derogation: ${question.title.charAt(0).toLowerCase()}${question.title.slice(1)}`,
      reason: `The system's use under ${pointRefs} is listed in Annex III, but the system ${DEROGATION_CLAUSES[question.id]} and does not profile natural persons, so it is not considered high-risk, provided it poses no significant risk of harm to health, safety or fundamental rights (Art 6(3)).`,
    }));
    const note = `the Annex III use (${pointRefs}) is not high-risk under ${derogations.map((question) => question.legalRef).join(" and ")} (document under Art 6(4) and register under Art 49(2))`;
    return {
      grounds: [],
      exclusions: [...carveOuts, ...exclusions],
      obligations: [ART_6_4, ART_49_2, ...(points.some((point) => /^[167]/.test(point.value)) ? [ART_49_4] : [])],
      headline: null,
      exclusionNote: [carveOutNote, note].filter(Boolean).join("; "),
    };
  }

  const grounds: LegalBasis[] = [ART_6_2, ...points.map(({ ref, title, reason }) => ({ ref, title, reason }))];
  if (derogations.length > 0) {
    grounds.push({
      ref: "Art 6(3) third subparagraph",
      title: "Profiling: derogation unavailable",
      reason: `You indicated that ${derogations.map((question) => question.legalRef).join(" and ")} could apply, but the system performs profiling of natural persons${profilingPoint ? " (Annex III point 6(e) is profiling by definition)" : ""}, and an Annex III system that profiles people is always high-risk.`,
    });
  }
  const fria = art27(
    points.map((point) => point.value),
    answers.public_body_or_public_service === true,
  );
  const secureSection = points.some((point) => /^[167]/.test(point.value));
  const postRemoteIdentification = points.some((point) => point.value === "1a") && answers.realtime_rbi_law_enforcement !== true;
  return {
    grounds,
    exclusions: carveOuts,
    obligations: [ART_49_1, ...(secureSection ? [ART_49_4] : []), ...(fria ? [fria] : []), ...(postRemoteIdentification ? [ART_26_10] : [])],
    headline: `${formatRefs(points)} via Art 6(2)`,
    exclusionNote: carveOutNote,
  };
}
