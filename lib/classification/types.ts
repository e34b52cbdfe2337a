// Shared shapes for the EU AI Act (Regulation (EU) 2024/1689) classification questionnaire.
// The questionnaire is plain data so that the UI, the zod schema and the tier logic all read
// one source: a question added here is rendered, validated and (once wired) evaluated.

/**
 * Declarative visibility rule. Kept deliberately tiny (equality, set membership, OR) so it can be
 * stored as JSON, shown to reviewers, and evaluated identically in the browser and on the server.
 * A condition may only reference questions that come earlier in the questionnaire.
 */
export type ShowIf =
  | { readonly question: string; readonly equals: boolean }
  | { readonly question: string; readonly includesAny: readonly string[] }
  | { readonly anyOf: readonly ShowIf[] };

export interface QuestionOption {
  readonly value: string;
  /** Short label, also used verbatim (first letter lower-cased) in the proposal summary. */
  readonly label: string;
  readonly legalRef: string;
  /** Plain-language paraphrase of the legal text behind the option. */
  readonly help: string;
}

interface QuestionBase {
  /** snake_case; also the key in the answers object. */
  readonly id: string;
  /** Short name used when the question is cited in a proposal's basis. */
  readonly title: string;
  readonly text: string;
  /** Plain-language explanation: what the provision means and where its edges are. */
  readonly help: string;
  readonly legalRef: string;
  readonly showIf?: ShowIf;
}

export interface BooleanQuestion extends QuestionBase {
  readonly kind: "boolean";
  /**
   * Follow-up questions (those with a showIf) only: the answer counted when the question is shown but
   * left blank, always the one that gives the stricter result, so that a missing answer never lowers
   * the tier (checked for every follow-up by complete-answers.test.ts).
   */
  readonly ifUnanswered?: boolean;
}

export interface MultiQuestion extends QuestionBase {
  readonly kind: "multi";
  readonly options: readonly QuestionOption[];
  /** As for boolean questions: the selection counted when a shown follow-up is left blank. */
  readonly ifUnanswered?: readonly string[];
}

export type Question = BooleanQuestion | MultiQuestion;

export interface QuestionnaireSection {
  readonly id: string;
  readonly title: string;
  readonly intro: string;
  readonly questions: readonly Question[];
}

/** Loose view of answers (e.g. half-filled form state) that visibility rules can read. */
export type AnswerLookup = Readonly<Record<string, boolean | readonly string[] | undefined>>;

/** One cited provision in a tier proposal. */
export interface LegalBasis {
  readonly ref: string;
  readonly title: string;
  readonly reason: string;
}
