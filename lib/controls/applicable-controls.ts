import { listFrameworkItems } from "@/lib/catalogs/list-framework-items";
import type { EU_AI_ACT_ROLES, LifecycleStage, RiskTier } from "@/lib/systems/schemas";
import { CONTROL_FRAMEWORK_IDS, type ControlFrameworkId } from "./schemas";

/**
 * Which controls apply to an AI system, and why. Pure: the same answer for the system page, the REST
 * API, the posture figures and the tests. The `reason` is shown to users next to each control.
 *
 * Scope. A system is in scope while it is in the inventory (not archived) and not retired. Out-of-scope
 * systems have no applicable controls in any framework: the AI Act's obligations attach to placing on
 * the market, putting into service and use, which a retired system no longer is (the 10-year retention
 * of documentation, Art 18, is kept by the stored evidence, which is never deleted with the status);
 * the management-system frameworks cover the systems the organisation operates. Statuses stored for a
 * control that no longer applies are kept in the database but neither listed nor counted.
 *
 * EU AI Act (Regulation (EU) 2024/1689), from the system's decided risk tier and its role, refined by
 * the findings of its latest decided classification (Annex III points, Art 50 / Art 53 / Art 55 duties):
 * - Every system in scope: Art 4 (AI literacy). Art 4 binds providers and deployers; the organisation
 *   operating a system in its inventory is at least one of them.
 * - Prohibited (Art 5): Art 5 only: the system must not be placed on the market, put into service or used.
 * - High risk, provider: Art 9-15 (Chapter III Section 2 requirements, Art 16(a)), Art 16 (provider
 *   obligations; its points (d), (e), (j), (k) point to Art 18-21, kept under Art 16), Art 17 (QMS, Art 16(c)),
 *   Art 43 (conformity assessment, 16(f)), Art 47 (EU declaration of conformity, 16(g)), Art 48 (CE marking,
 *   16(h)), Art 49 (registration, 16(i)), Art 72 (post-market monitoring), Art 73 (serious incidents).
 *   A product manufacturer placing the system on the market under its own name is the provider (Art 25(3)):
 *   same set.
 * - High risk, authorised representative: its mandate under Art 22(3): Art 22 itself, and verifying
 *   Art 11 (technical documentation), Art 43 (conformity assessment) and Art 47 (declaration of conformity)
 *   (Art 22(3)(a)), and the registration duties of Art 49(1) (Art 22(3)(e)).
 * - High risk, deployer: Art 26. Art 27 (fundamental rights impact assessment) binds deployers that are
 *   bodies governed by public law or private entities providing public services, and deployers of
 *   Annex III point 5(b) and 5(c) systems, for Art 6(2) (Annex III) systems except point 2 (Art 27(1)).
 *   5(b)/5(c) are known from the classification: Art 27 applies. Whether the deployer is a public body or
 *   provides public services is not recorded: Art 27 is listed with a reason that says so, to be marked
 *   not applicable with a justification where it does not apply. Not listed when the classification shows
 *   only Annex III point 2 or only the Annex I product route (Art 6(1)).
 *   Where the classification answered that question (public_body_or_public_service), Art 27 follows the answer.
 * - High risk, a deployer, importer or distributor the classification found to be the provider under Art 25(1)
 *   (rebranded, substantially modified or repurposed): the provider's set as well.
 * - High risk through an Annex I Section B product only (classification lists Art 2(2)): Art 4 only; the
 *   requirements reach the product through the sectoral act.
 * - High risk, importer: Art 23. Distributor: Art 24.
 * - Limited risk (the Art 50 cases): Art 50, and for any tier whose classification lists an Art 50 duty
 *   among the provisions that also apply.
 * - General-purpose AI model (the tier means the organisation places the model on the market, Art 3(63)):
 *   Art 53. With systemic risk: Art 53 and Art 55. Art 54 (authorised representative of providers
 *   established outside the Union) is not assessed: where the provider is established is not recorded.
 *   Also for another tier whose classification lists Art 53 / Art 55 among the provisions that also apply.
 * - Art 6(3) derogation (classification lists Art 6(4) / Art 49(2)), provider: Art 6 (document the
 *   assessment, Art 6(4)) and Art 49 (register anyway, Art 49(2)).
 * - Minimal risk and unclassified: Art 4 only.
 * - Out of scope of the AI Act (Art 2 exclusions, not an AI system under Art 3(1)): no EU AI Act control,
 *   not even Art 4; the other frameworks still apply.
 *
 * ISO/IEC 42001:2023 Annex A: all 38 controls for every system in scope. The AI management system's scope
 * (Clause 4.3) covers every AI system the organisation operates; excluding a control needs a justification
 * in the Statement of Applicability (Clause 6.1.3), which is the not-applicable justification here.
 *
 * NIST AI RMF 1.0: all 72 subcategories for every system in scope. The framework is voluntary; this
 * project's default is that the organisation has adopted it for its whole inventory. A subcategory that
 * does not fit a system is marked not applicable with a justification.
 */

export type EuAiActRoleValue = (typeof EU_AI_ACT_ROLES)[number];

/** What the latest decided classification found, as legal references (see lib/controls/internal.ts). */
export interface ApplicabilityClassification {
  /** Refs the tier rests on, e.g. ["Art 6(2)", "Annex III point 5(b)"]. */
  readonly basisRefs: readonly string[];
  /** Refs that also bind the system, e.g. ["Art 26", "Art 50(1)", "Art 4"]. */
  readonly alsoAppliesRefs: readonly string[];
  /** Annex III points that apply ("5(b)", "2", "1(a)"; "5b" and "Annex III point 5(b)" are accepted too). */
  readonly annexIIIPoints: readonly string[];
  /** The answer to "body governed by public law or private entity providing public services?" (Art 27(1)); absent when not answered. */
  readonly publicBody?: boolean;
}

export interface ApplicabilityInput {
  readonly riskTier: RiskTier;
  readonly euAiActRole: EuAiActRoleValue;
  readonly lifecycleStage: LifecycleStage;
  readonly archived: boolean;
  readonly classification?: ApplicabilityClassification | null;
}

export interface ApplicableControl {
  readonly framework: ControlFrameworkId;
  readonly controlId: string;
  readonly reason: string;
}

// ── EU AI Act ────────────────────────────────────────────────────────────────────────────────

const ART_4 =
  "AI literacy (Art 4): providers and deployers take measures to ensure a sufficient level of AI literacy of their staff and of others operating or using the system on their behalf. Applies whatever the risk tier.";
const ART_5 =
  "Prohibited AI practice (Art 5): the system must not be placed on the market, put into service or used. Record the decision to withdraw or redesign it, with the evidence that it is no longer in use.";

const PROVIDER_DUTIES: readonly (readonly [string, string])[] = [
  ["Art 9", "establish, implement, document and maintain a risk management system over the system's whole life cycle (Art 9, Art 16(a))."],
  ["Art 10", "training, validation and testing data must meet the data and data governance criteria of Art 10 (Art 16(a))."],
  ["Art 11", "draw up the technical documentation (Annex IV) before placing the system on the market and keep it up to date (Art 11, Art 16(a))."],
  ["Art 12", "the system must automatically record events (logs) over its lifetime (Art 12, Art 16(a))."],
  ["Art 13", "design for transparency and provide instructions for use to deployers (Art 13, Art 16(a))."],
  ["Art 14", "design the system so that natural persons can effectively oversee it while in use (Art 14, Art 16(a))."],
  ["Art 15", "achieve an appropriate level of accuracy, robustness and cybersecurity throughout the life cycle (Art 15, Art 16(a))."],
  [
    "Art 16",
    "the provider obligations of Art 16, including documentation keeping (Art 18), keeping the automatically generated logs (Art 19), corrective actions and information (Art 20) and cooperation with authorities (Art 21).",
  ],
  ["Art 17", "put a quality management system in place (Art 17, Art 16(c))."],
  ["Art 43", "have the system undergo the relevant conformity assessment before placing it on the market or putting it into service (Art 43, Art 16(f))."],
  ["Art 47", "draw up an EU declaration of conformity (Art 47, Art 16(g))."],
  ["Art 48", "affix the CE marking (Art 48, Art 16(h))."],
  ["Art 49", "register the provider and the system in the EU database before placing it on the market (Art 49(1), Art 16(i))."],
  ["Art 72", "establish and document a post-market monitoring system and plan (Art 72)."],
  ["Art 73", "report serious incidents to the market surveillance authorities within the deadlines of Art 73."],
];

const PROVIDER_PREFIX: Partial<Record<EuAiActRoleValue, string>> = {
  provider: "High-risk AI system you provide: ",
  product_manufacturer: "High-risk AI system you place on the market under your own name as a product manufacturer, which makes you its provider (Art 25(3)): ",
};
const BECOMES_PROVIDER_PREFIX =
  "High-risk AI system you put your name or trademark on, substantially modified or gave a high-risk intended purpose, which makes you its provider (Art 25(1)): ";
const ART_27_PUBLIC_BODY =
  "High-risk Annex III system you deploy as a body governed by public law or a private entity providing public services (as the classification records): perform a fundamental rights impact assessment before its first use and notify the market surveillance authority of the results (Art 27(1), (3)).";

const AUTHORISED_REPRESENTATIVE_DUTIES: readonly (readonly [string, string])[] = [
  [
    "Art 11",
    "High-risk AI system you represent as authorised representative: verify that the provider has drawn up the technical documentation (Art 22(3)(a), Art 11) and keep it at the authorities' disposal for 10 years (Art 22(3)(b)).",
  ],
  [
    "Art 22",
    "High-risk AI system you represent as authorised representative: perform the tasks of the provider's mandate, including providing information to authorities and cooperating with them (Art 22(3)).",
  ],
  [
    "Art 43",
    "High-risk AI system you represent as authorised representative: verify that the appropriate conformity assessment has been carried out by the provider (Art 22(3)(a), Art 43).",
  ],
  [
    "Art 47",
    "High-risk AI system you represent as authorised representative: verify that the provider has drawn up the EU declaration of conformity (Art 22(3)(a), Art 47).",
  ],
  [
    "Art 49",
    "High-risk AI system you represent as authorised representative: comply with the registration obligations of Art 49(1), or ensure the provider's registration is correct (Art 22(3)(e)).",
  ],
];

const ART_26 =
  "High-risk AI system you deploy: use it in accordance with the instructions for use, assign human oversight to competent persons, monitor its operation, keep the logs under your control for at least six months, and inform workers and affected persons where required (Art 26).";
const ART_27_POINT_5 = (points: string) =>
  `High-risk AI system under Annex III point ${points} that you deploy: perform a fundamental rights impact assessment before its first use and notify the market surveillance authority of the results (Art 27(1), (3)).`;
const ART_27_CONDITIONAL =
  "Fundamental rights impact assessment before first use (Art 27(1)): required if your organisation is a body governed by public law or a private entity providing public services, and for Annex III point 5(b) and 5(c) systems. The inventory does not record whether your organisation is such a body: if it is not, set this control to not applicable and say so in the justification.";
const ART_23 =
  "High-risk AI system you import: before placing it on the market, verify the conformity assessment, the technical documentation, the CE marking, the EU declaration of conformity, the instructions for use and the provider's authorised representative (Art 23).";
const ART_24 =
  "High-risk AI system you distribute: before making it available, verify the CE marking, the EU declaration of conformity and the instructions for use, and that the provider and importer have met their obligations (Art 24).";
const ART_50_TIER =
  "Limited risk: the transparency obligations of Art 50 apply (informing people that they interact with an AI system, marking synthetic content, disclosing emotion recognition, biometric categorisation and deep fakes, as the case may be).";
const ART_50_ALSO = "The classification found transparency obligations under Art 50 in addition to the system's tier.";
const ART_53 =
  "General-purpose AI model you place on the market: technical documentation for the AI Office and authorities, information for downstream providers, a copyright-compliance policy and a public summary of the training content (Art 53). Art 54 (authorised representative of providers established outside the Union) is not assessed: where the provider is established is not recorded.";
const ART_53_ALSO =
  "The classification found that the system includes a general-purpose AI model you place on the market: the provider obligations of Art 53 apply in addition to the system's tier.";
const ART_55 =
  "General-purpose AI model with systemic risk: evaluate the model including adversarial testing, assess and mitigate systemic risks, track and report serious incidents to the AI Office, and ensure adequate cybersecurity (Art 55).";
const ART_55_ALSO = "The classification found a general-purpose AI model with systemic risk: the obligations of Art 55 apply in addition to the system's tier.";
const ART_6_DEROGATION =
  "The classification relies on the Art 6(3) derogation for an Annex III use: document that assessment before placing the system on the market or putting it into service, and provide it to the authorities on request (Art 6(4)).";
const ART_49_DEROGATION =
  "The classification relies on the Art 6(3) derogation for an Annex III use: register yourself and the system in the EU database all the same (Art 49(2)).";

const PROVIDER_ROLES: readonly EuAiActRoleValue[] = ["provider", "product_manufacturer"];

/** True when a ref names the article itself or one of its paragraphs: "Art 50", "Art 50(1)", "Art 50(4) …". */
function citesArticle(refs: readonly string[], article: number): boolean {
  const pattern = new RegExp(`^Art ${article}(?![0-9-])`);
  return refs.some((ref) => pattern.test(ref.trim()));
}

/** "5b", "5(b)", "Annex III point 5(b)" → "5(b)"; "2" → "2". */
export function normaliseAnnexIiiPoint(point: string): string {
  const bare = point.trim().replace(/^Annex III point\s*/i, "");
  const match = /^(\d+)\s*\(?([a-z])?\)?$/i.exec(bare);
  if (!match) return bare;
  return match[2] ? `${match[1]}(${match[2].toLowerCase()})` : match[1];
}

function art27(classification: ApplicabilityClassification | null | undefined): string | null {
  if (!classification) return ART_27_CONDITIONAL;
  const points = classification.annexIIIPoints.map(normaliseAnnexIiiPoint);
  const point5 = points.filter((p) => p === "5(b)" || p === "5(c)");
  if (point5.length > 0) return ART_27_POINT_5(point5.join(" and "));
  // Art 27(1) covers Art 6(2) (Annex III) systems only, and not those of Annex III point 2
  if (points.length > 0 && points.every((p) => p === "2")) return null;
  // the Annex I product route alone (Art 6(1)) is not an Art 6(2) system
  if (points.length === 0 && classification.basisRefs.some((ref) => ref.startsWith("Art 6(1)"))) return null;
  // the questionnaire asks whether the deployer is a body governed by public law or provides public services (Art 27(1))
  if (classification.publicBody === false) return null;
  if (classification.publicBody === true) return ART_27_PUBLIC_BODY;
  return ART_27_CONDITIONAL;
}

function euAiActControls(system: ApplicabilityInput): [string, string][] {
  const { riskTier: tier, euAiActRole: role, classification } = system;
  const also = classification?.alsoAppliesRefs ?? [];
  if (tier === "out_of_scope") return [];
  const out: [string, string][] = [["Art 4", ART_4]];

  if (tier === "prohibited") {
    out.push(["Art 5", ART_5]);
    return out;
  }

  if (tier === "high") {
    // Annex I Section B product (Art 2(2)): the requirements reach it through the sectoral act, no Chapter III duty binds its operators directly
    if (also.includes("Art 2(2)")) return out;
    const prefix = PROVIDER_PREFIX[role] ?? (also.includes("Art 25(1)") ? BECOMES_PROVIDER_PREFIX : undefined);
    if (prefix !== undefined) for (const [id, duty] of PROVIDER_DUTIES) out.push([id, prefix + duty]);
    if (role === "authorised_representative") out.push(...AUTHORISED_REPRESENTATIVE_DUTIES.map(([id, reason]) => [id, reason] as [string, string]));
    if (role === "deployer") {
      out.push(["Art 26", ART_26]);
      const fria = art27(classification);
      if (fria) out.push(["Art 27", fria]);
    }
    if (role === "importer") out.push(["Art 23", ART_23]);
    if (role === "distributor") out.push(["Art 24", ART_24]);
  }

  if (tier === "limited") out.push(["Art 50", ART_50_TIER]);
  else if (citesArticle(also, 50)) out.push(["Art 50", ART_50_ALSO]);

  if (tier === "gpai" || tier === "gpai_systemic") out.push(["Art 53", ART_53]);
  else if (citesArticle(also, 53)) out.push(["Art 53", ART_53_ALSO]);
  if (tier === "gpai_systemic") out.push(["Art 55", ART_55]);
  else if (citesArticle(also, 55)) out.push(["Art 55", ART_55_ALSO]);

  if (tier !== "high" && PROVIDER_ROLES.includes(role)) {
    if (also.some((ref) => ref.startsWith("Art 6(4)"))) out.push(["Art 6", ART_6_DEROGATION]);
    if (also.some((ref) => ref.startsWith("Art 49(2)"))) out.push(["Art 49", ART_49_DEROGATION]);
  }
  return out;
}

// ── ISO/IEC 42001 and NIST AI RMF ────────────────────────────────────────────────────────────

const ISO_REASON =
  "AI management system scope: every AI system the organisation operates is within the scope of its AI management system (ISO/IEC 42001 Clause 4.3), so all Annex A controls apply; exclude one only with a justification, as the Statement of Applicability requires (Clause 6.1.3).";
const NIST_REASON =
  "Voluntary framework adopted by the organisation: the NIST AI RMF is not mandatory, and this dashboard applies all its subcategories to every AI system in the inventory; mark one not applicable with a justification where it does not fit the system.";

/** The EU AI Act article ids this module can ever return (checked against the catalog by the unit tests). */
export const EU_AI_ACT_ARTICLES_USED: readonly string[] = [
  "Art 4",
  "Art 5",
  "Art 6",
  ...PROVIDER_DUTIES.map(([id]) => id),
  ...AUTHORISED_REPRESENTATIVE_DUTIES.map(([id]) => id),
  "Art 23",
  "Art 24",
  "Art 26",
  "Art 27",
  "Art 50",
  "Art 53",
  "Art 55",
].filter((id, index, all) => all.indexOf(id) === index);

/** In scope = in the inventory (not archived) and not retired. */
export function isInControlScope(system: Pick<ApplicabilityInput, "archived" | "lifecycleStage">): boolean {
  return !system.archived && system.lifecycleStage !== "retired";
}

const POSITION = new Map(
  CONTROL_FRAMEWORK_IDS.flatMap((framework) => listFrameworkItems(framework).map((item, index) => [`${framework}:${item.id}`, index] as const)),
);

/**
 * The applicable controls of one AI system with the reason for each, grouped by framework
 * (ISO/IEC 42001, EU AI Act, NIST AI RMF) and in catalog order within a framework.
 */
export function applicableControls(system: ApplicabilityInput): ApplicableControl[] {
  if (!isInControlScope(system)) return [];
  const eu = new Map<string, string>();
  for (const [id, reason] of euAiActControls(system)) if (!eu.has(id)) eu.set(id, reason);
  const euControls: ApplicableControl[] = [...eu]
    .map(([controlId, reason]) => ({ framework: "eu_ai_act" as const, controlId, reason }))
    .sort((a, b) => (POSITION.get(`eu_ai_act:${a.controlId}`) ?? Infinity) - (POSITION.get(`eu_ai_act:${b.controlId}`) ?? Infinity));
  return [
    ...listFrameworkItems("iso42001").map((item) => ({ framework: "iso42001" as const, controlId: item.id, reason: ISO_REASON })),
    ...euControls,
    ...listFrameworkItems("nist_ai_rmf").map((item) => ({ framework: "nist_ai_rmf" as const, controlId: item.id, reason: NIST_REASON })),
  ];
}
