import type { ActionState } from "@/lib/web/action-state";
import type { EvidenceSummary } from "@/lib/controls/schemas";
import { DeleteEvidenceButton } from "./delete-evidence-button";
import { EvidenceForm, type ControlOption } from "./evidence-form";
import { EvidenceItem } from "./evidence-item";
import { Card } from "@/components/ui/card";

type Props = {
  systemId: string;
  evidence: readonly EvidenceSummary[];
  controls: readonly ControlOption[];
  canEdit: boolean;
  uploadUrl: string;
  deleteActions: Record<string, (prev: ActionState) => Promise<ActionState>>;
  maxBytes: number;
  maxLabel: string;
};

/** The system's evidence with the controls each piece is attached to, and the upload/link form. */
export function EvidencePanel({ systemId, evidence, controls, canEdit, uploadUrl, deleteActions, maxBytes, maxLabel }: Props) {
  const label = new Map(controls.map((c) => [c.value, c.label]));
  return (
    <Card as="section" aria-labelledby="evidence-h" data-testid="evidence-panel">
      <h2 id="evidence-h" className="text-base font-semibold">
        Evidence
      </h2>
      <p className="text-sm text-slate-600">
        Files (kept with their SHA-256) and links. Evidence attached to a control also shows on the controls the crosswalk links to it, marked “via …”; it does
        not change their status.
      </p>
      {evidence.length === 0 ? (
        <p className="mt-3 text-sm text-slate-500">No evidence yet.</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100">
          {evidence.map((e) => (
            <li key={e.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
              <div className="min-w-0 flex-1">
                <EvidenceItem systemId={systemId} evidence={e} />
                <p className="mt-0.5 text-xs text-slate-500">
                  Attached to: {e.links.map((l) => label.get(`${l.framework}|${l.controlId}`) ?? `${l.framework} ${l.controlId}`).join("; ") || "—"}
                </p>
              </div>
              {canEdit && deleteActions[e.id] && <DeleteEvidenceButton action={deleteActions[e.id]} title={e.title} />}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <details className="mt-4">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">Add evidence</summary>
          <EvidenceForm uploadUrl={uploadUrl} controls={controls} maxBytes={maxBytes} maxLabel={maxLabel} />
        </details>
      )}
    </Card>
  );
}
