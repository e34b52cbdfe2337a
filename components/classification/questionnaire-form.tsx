"use client";

import { useActionState, useState } from "react";
import type { ActionState } from "@/lib/web/action-state";
import { QUESTIONNAIRE } from "@/lib/classification/questionnaire/questionnaire";
import { isQuestionVisible } from "@/lib/classification/questionnaire/is-question-visible";
import { completeAnswers } from "@/lib/classification/questionnaire/complete-answers";
import { proposeTier } from "@/lib/classification/rules/propose-tier";
import type { ClassificationAnswers } from "@/lib/classification/schemas";
import type { AnswerLookup, Question, QuestionnaireSection } from "@/lib/classification/types";

// widened once: the questionnaire constant is deeply literal-typed for the answers schema
const SECTIONS: readonly QuestionnaireSection[] = QUESTIONNAIRE;

type Answers = Record<string, boolean | string[] | undefined>;

/** The EU AI Act questionnaire, rendered from the question data; follow-up questions appear as they apply. */
export function QuestionnaireForm({
  action,
  initialAnswers,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  initialAnswers: Answers;
}) {
  const [answers, setAnswers] = useState<Answers>(initialAnswers);
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  const set = (id: string, value: boolean | string[] | undefined) => setAnswers((a) => ({ ...a, [id]: value }));
  // only answers to visible questions are sent; the server applies the same visibility rule. A
  // shown multiple-choice question with nothing ticked is sent as "none applies" (its text says so).
  const visible = Object.fromEntries(
    SECTIONS.flatMap((s) => s.questions)
      .filter((q) => isQuestionVisible(q, answers as AnswerLookup))
      .map((q) => [q.id, answers[q.id] ?? (q.kind === "multi" ? [] : undefined)] as const)
      .filter(([, v]) => v !== undefined),
  );
  // the same rule the proposal applies: which shown questions are blank, and what a blank counts as
  const gaps = completeAnswers(visible as ClassificationAnswers);
  const unanswered = [...gaps.missing, ...gaps.assumed].filter((q) => q.kind === "boolean");
  // the blank main questions that keep the proposal from concluding (an answer could make the outcome stricter)
  const blocking = new Set(proposeTier(visible as ClassificationAnswers).blocking);
  return (
    <form action={formAction} className="space-y-6" data-testid="questionnaire">
      <input type="hidden" name="answers" value={JSON.stringify(visible)} />
      {SECTIONS.map((section) => {
        const questions = section.questions.filter((q) => isQuestionVisible(q, answers as AnswerLookup));
        if (questions.length === 0) return null;
        return (
          <fieldset key={section.id} className="space-y-3">
            <legend className="text-sm font-semibold text-slate-800">{section.title}</legend>
            <p className="text-xs text-slate-600">{section.intro}</p>
            {questions.map((q) => (
              <QuestionInput
                key={q.id}
                question={q}
                value={answers[q.id]}
                onChange={(v) => set(q.id, v)}
                blank={unanswered.some((u) => u.id === q.id)}
                blocking={blocking.has(q.id)}
              />
            ))}
          </fieldset>
        );
      })}
      {unanswered.length > 0 && (
        <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="questionnaire-missing">
          <p className="font-medium">
            {unanswered.length === 1 ? "1 question shown is not answered" : `${unanswered.length} questions shown are not answered`}
          </p>
          <p className="text-xs">
            A missing answer never lowers the tier: a blank follow-up question counts as its stricter answer, and while a blank main question could make the
            outcome stricter the proposal concludes nothing (&ldquo;cannot conclude&rdquo;).
          </p>
          <ul className="mt-1 list-disc pl-5 text-xs">
            {unanswered.map((q) => (
              <li key={q.id}>
                <a href={`#${q.id}-label`} className="underline">
                  {q.title}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {state.status === "error" && (
        <p className="text-sm text-red-700" data-testid="questionnaire-error">
          {state.message}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "Evaluating…" : "Propose a tier"}
      </button>
    </form>
  );
}

function QuestionInput({
  question: q,
  value,
  onChange,
  blank,
  blocking,
}: {
  question: Question;
  value: boolean | string[] | undefined;
  onChange: (v: boolean | string[] | undefined) => void;
  blank: boolean;
  blocking: boolean;
}) {
  const help = (
    <p className="text-xs text-slate-500">
      {q.help} <span className="font-medium">({q.legalRef})</span>
    </p>
  );
  if (q.kind === "boolean") {
    return (
      <div
        role="radiogroup"
        aria-labelledby={`${q.id}-label`}
        aria-describedby={blank ? `${q.id}-blank` : undefined}
        className={`rounded-md border p-3 ${blank ? "border-amber-400" : "border-slate-200"}`}
      >
        <p id={`${q.id}-label`} className="text-sm font-medium">
          {q.text}
        </p>
        {help}
        {blank && (
          <p id={`${q.id}-blank`} className="mt-1 text-xs font-medium text-amber-900" data-testid="question-unanswered">
            {q.ifUnanswered !== undefined
              ? `Not answered: counts as "${q.ifUnanswered ? "Yes" : "No"}", the stricter answer.`
              : blocking
                ? "Not answered: an answer could make the outcome stricter, so no tier is concluded while this is blank."
                : "Not answered: no answer to it could make the outcome stricter than the answers given."}
          </p>
        )}
        <div className="mt-2 flex gap-4 text-sm">
          <label className="flex items-center gap-1">
            <input type="radio" name={`q-${q.id}`} checked={value === true} onChange={() => onChange(true)} /> Yes
          </label>
          <label className="flex items-center gap-1">
            <input type="radio" name={`q-${q.id}`} checked={value === false} onChange={() => onChange(false)} /> No
          </label>
        </div>
      </div>
    );
  }
  const selected = Array.isArray(value) ? value : [];
  return (
    <fieldset className="rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium">{q.text}</legend>
      {help}
      <div className="mt-2 space-y-1">
        {q.options.map((o) => (
          <label key={o.value} className="flex items-start gap-2 text-sm" title={o.help}>
            <input
              type="checkbox"
              className="mt-1"
              checked={selected.includes(o.value)}
              onChange={(e) => onChange(e.target.checked ? [...selected, o.value] : selected.filter((v) => v !== o.value))}
            />
            <span>
              {o.label} <span className="text-xs text-slate-500">({o.legalRef})</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
