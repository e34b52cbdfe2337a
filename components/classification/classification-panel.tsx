import type { ActionState } from "@/lib/web/action-state";
import type { ClassificationView } from "@/lib/classification/get-latest-classification";
import { TierBadge } from "@/components/ui/tier-badge";
import { formatDateTime } from "@/lib/utils/format-date";
import { EU_ROLE_LABELS, RISK_TIER_LABELS } from "@/components/labels";
import { QuestionnaireForm } from "./questionnaire-form";
import { DecisionForm } from "./decision-form";
import { Card } from "@/components/ui/card";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

export function ClassificationPanel({
  classification: c,
  canClassify,
  proposeAction,
  decideAction,
}: {
  classification: ClassificationView | null;
  canClassify: boolean;
  proposeAction: Action;
  decideAction: Action;
}) {
  return (
    <Card as="section" aria-labelledby="classification-h" data-testid="classification">
      <h2 id="classification-h" className="text-base font-semibold">
        EU AI Act classification
      </h2>
      {!c && <p className="mt-1 text-sm text-slate-600">Not classified with the questionnaire yet.</p>}
      {c && (
        <div className="mt-3 rounded-lg bg-slate-50 p-4" data-testid="proposal">
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <span className="font-medium">Proposed:</span> <TierBadge tier={c.proposedTier} />
            <span className="text-xs text-slate-500">{formatDateTime(c.createdAt)}</span>
          </p>
          <p className="mt-2 text-sm" data-testid="proposal-summary">
            {c.summary}
          </p>
          <p className="mt-1 text-xs text-slate-600" data-testid="proposal-rules-version">
            Rules: {c.rulesVersion ?? "before the questionnaire was versioned"}
          </p>
          {c.currentRules && (
            <p role="status" className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900" data-testid="proposal-rules-changed">
              The current questionnaire and rules ({c.currentRules.text}) would propose {RISK_TIER_LABELS[c.currentRules.tier]} for the same answers:{" "}
              {c.currentRules.summary} Answer the questionnaire again to review it.
            </p>
          )}
          {c.unanswered.length > 0 && (
            <div className="mt-3" data-testid="proposal-unanswered">
              <p className="text-xs font-semibold uppercase tracking-wide text-slate-600">Not answered when proposed</p>
              <ul className="mt-1 list-disc pl-5 text-sm">
                {c.unanswered.map((q) => (
                  <li key={q.id}>
                    {q.title}:{" "}
                    <span className="text-slate-700">
                      {q.countedAs !== null
                        ? `counted as "${q.countedAs}", the stricter answer`
                        : q.couldRaise
                          ? "nothing was assumed; an answer could make the outcome stricter, so none was concluded"
                          : "nothing was assumed; no answer to it could make the outcome stricter"}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {c.basis.length > 0 && <BasisList title="Why" items={c.basis} />}
          {c.alsoApplies.length > 0 && (
            <BasisList
              title={`Also applies to you as ${EU_ROLE_LABELS[c.role].toLowerCase()}${c.becomesProvider ? ", considered the provider (Art 25(1))" : ""}`}
              items={c.alsoApplies}
            />
          )}
          {c.otherOperators.length > 0 && (
            <details className="mt-3" data-testid="other-operators">
              <summary className="cursor-pointer text-xs font-semibold uppercase tracking-wide text-slate-600">
                Binds other operators in the value chain ({c.otherOperators.length})
              </summary>
              <BasisList
                title="Not your duty in this role"
                items={c.otherOperators.map((o) => ({ ...o, title: `${o.title} (binds the ${o.boundOperators.join(" or ")})` }))}
              />
            </details>
          )}
          {c.decision && (
            <p className="mt-3 text-sm" data-testid="decision">
              <span className="font-medium">{c.decision === "accepted" ? "Accepted" : "Overridden"}</span>
              {c.decidedTier && (
                <>
                  {" "}
                  → <TierBadge tier={c.decidedTier} />
                </>
              )}
              {c.decision === "overridden" && <span className="block text-slate-700">Reason: {c.overrideReason}</span>}
              {c.decidedAt && <span className="block text-xs text-slate-500">{formatDateTime(c.decidedAt)}</span>}
            </p>
          )}
          {!c.decision && canClassify && <DecisionForm action={decideAction} assessmentId={c.id} proposedTier={c.proposedTier} />}
        </div>
      )}
      {canClassify && (
        <details className="mt-4">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">
            {c ? "Answer the questionnaire again" : "Classify with the questionnaire"}
          </summary>
          <div className="mt-3">
            <QuestionnaireForm action={proposeAction} initialAnswers={(c?.answers ?? {}) as Record<string, boolean | string[]>} />
          </div>
        </details>
      )}
    </Card>
  );
}

function BasisList({ title, items }: { title: string; items: { ref: string; title: string; reason: string }[] }) {
  return (
    <div className="mt-3">
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-600">{title}</p>
      <ul className="mt-1 space-y-1 text-sm">
        {items.map((b, i) => (
          <li key={`${b.ref}-${i}`}>
            <span className="font-medium">{b.ref}</span> {b.title}: <span className="text-slate-700">{b.reason}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
