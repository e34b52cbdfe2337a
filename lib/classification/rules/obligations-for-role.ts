import euAiAct from "@/lib/catalogs/data/eu-ai-act.json";
import type { EU_AI_ACT_ROLES } from "@/lib/systems/schemas";
import type { LegalBasis } from "@/lib/classification/types";

/**
 * Which of a proposal's "also applies" provisions bind the organisation in its role for the system
 * (provider, deployer, importer, distributor, …). Pure; stored proposals are filtered when read, so a
 * role changed after the questionnaire is reflected without answering it again.
 *
 * Who an article binds comes from the AI Act catalog (`appliesTo` of lib/catalogs/data/eu-ai-act.json);
 * where one article binds different operators paragraph by paragraph (Art 49, Art 50, Art 6(4)), or a
 * cited range is a provider's duty (Art 8-15, ensured by the provider under Art 16(a)), the table below says so.
 * A provision the catalog ties to no operator (penalties, definitions) binds everyone.
 */

export type EuAiActRole = (typeof EU_AI_ACT_ROLES)[number];
type Operator = EuAiActRole | "gpai_provider";

const CATALOG_OPERATORS: Record<string, Operator> = {
  provider: "provider",
  deployer: "deployer",
  importer: "importer",
  distributor: "distributor",
  "authorised representative": "authorised_representative",
  "product manufacturer": "product_manufacturer",
  "provider of general-purpose AI model": "gpai_provider",
};

const PARAGRAPH_OPERATORS: Record<string, readonly Operator[]> = {
  "Art 8-15": ["provider"],
  "Art 6(4)": ["provider"],
  "Art 49(1)": ["provider"],
  "Art 49(2)": ["provider"],
  "Art 49(3)": ["deployer"],
  "Art 50(1)": ["provider"],
  "Art 50(2)": ["provider"],
  "Art 50(3)": ["deployer"],
  "Art 50(4)": ["deployer"],
  "Art 52(1)": ["gpai_provider"],
};

const ARTICLE_OPERATORS = new Map<string, readonly Operator[]>(
  euAiAct.articles.map((a) => [a.id, a.appliesTo.map((who) => CATALOG_OPERATORS[who]).filter((o): o is Operator => o !== undefined)]),
);

/** The operators a cited provision binds; empty = binds no particular operator (applies to everyone). */
export function operatorsBoundBy(ref: string): readonly Operator[] {
  const exact = PARAGRAPH_OPERATORS[ref];
  if (exact) return exact;
  const article = /^Art \d+/.exec(ref)?.[0];
  return (article && ARTICLE_OPERATORS.get(article)) || [];
}

/**
 * Roles that carry another operator's duties: a product manufacturer placing a high-risk system on the
 * market under its own name is its provider (Art 25(3)); whoever provides a system built on its own
 * general-purpose AI model also carries the GPAI provider's duties (the questionnaire asks about that).
 */
function actsAs(role: EuAiActRole): readonly Operator[] {
  if (role === "provider") return ["provider", "gpai_provider"];
  if (role === "product_manufacturer") return ["product_manufacturer", "provider", "gpai_provider"];
  return [role];
}

/** Duties that exist only for one role, added when the proposal lists the high-risk obligations. */
const ROLE_DUTIES: Partial<Record<EuAiActRole, LegalBasis>> = {
  importer: {
    ref: "Art 23",
    title: "Obligations of importers",
    reason:
      "Before placing the system on the market, verify that the provider carried out the conformity assessment, drew up the technical documentation, affixed the CE marking and appointed an authorised representative; indicate your name and address, and keep the documentation for 10 years.",
  },
  distributor: {
    ref: "Art 24",
    title: "Obligations of distributors",
    reason:
      "Before making the system available, verify the CE marking, the EU declaration of conformity and the instructions for use, and that provider and importer met their obligations; withhold or withdraw a system you believe does not conform.",
  },
  authorised_representative: {
    ref: "Art 22",
    title: "Authorised representatives of providers of high-risk AI systems",
    reason:
      "Perform the tasks of the provider's mandate: keep the declaration of conformity and technical documentation available to the authorities, provide information on request, and cooperate with them.",
  },
};
const HIGH_RISK_MARKERS = new Set(["Art 8-15", "Art 16", "Art 26"]);

export type RoleObligations = {
  /** The proposal found that the organisation, in another role, is considered the provider (Art 25(1)). */
  becomesProvider: boolean;
  /** Provisions that bind the organisation in its role (or bind everyone). */
  applies: LegalBasis[];
  /** Provisions the proposal names that bind other operators in the value chain, with whom they bind. */
  otherOperators: (LegalBasis & { boundOperators: readonly string[] })[];
};

const OPERATOR_LABELS: Record<Operator, string> = {
  provider: "provider",
  deployer: "deployer",
  importer: "importer",
  distributor: "distributor",
  product_manufacturer: "product manufacturer",
  authorised_representative: "authorised representative",
  gpai_provider: "provider of the general-purpose AI model",
};

export function obligationsForRole(items: readonly LegalBasis[], role: EuAiActRole): RoleObligations {
  // Art 25(1): a deployer, importer, distributor or other third party that rebrands, substantially modifies or
  // repurposes a high-risk system is considered its provider, and carries the provider's duties besides its own
  const becomesProvider = role !== "provider" && role !== "product_manufacturer" && items.some((item) => item.ref === "Art 25(1)");
  const mine = new Set([...actsAs(role), ...(becomesProvider ? actsAs("provider") : [])]);
  const applies: LegalBasis[] = [];
  const otherOperators: RoleObligations["otherOperators"] = [];
  for (const item of items) {
    // a provider is the provider already: "you are considered the provider" says nothing to it
    if (item.ref === "Art 25(1)" && !becomesProvider) continue;
    const bound = operatorsBoundBy(item.ref);
    if (bound.length === 0 || bound.some((o) => mine.has(o))) applies.push(item);
    else otherOperators.push({ ...item, boundOperators: bound.map((o) => OPERATOR_LABELS[o]) });
  }
  const extra = ROLE_DUTIES[role];
  if (extra && items.some((i) => HIGH_RISK_MARKERS.has(i.ref)) && !applies.some((i) => i.ref === extra.ref)) applies.unshift(extra);
  return { becomesProvider, applies, otherOperators };
}
