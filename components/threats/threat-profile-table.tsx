"use client";

import Link from "next/link";
import { useActionState } from "react";
import type { ActionState } from "@/lib/web/action-state";
import type { ThreatProfile } from "@/lib/threats/schemas";

const SOURCE_LABELS = { suggested: "Suggestion", manual: "Manual", imported: "Navigator layer" } as const;

type Props = {
  systemId: string;
  profile: ThreatProfile;
  canEdit: boolean;
  canAddRisk: boolean;
  removeActions: Record<string, (prev: ActionState) => Promise<ActionState>>;
};

/** The system's threat profile: technique, rationale, where it came from, and the highest risk naming it. */
export function ThreatProfileTable({ systemId, profile, canEdit, canAddRisk, removeActions }: Props) {
  if (profile.entries.length === 0) {
    return (
      <p className="mt-3 text-sm text-slate-500" data-testid="profile-empty">
        No techniques in the threat profile yet. Start from the suggestions below or add one by hand.
      </p>
    );
  }
  return (
    <div className="mt-3 overflow-x-auto">
      <table className="min-w-full text-sm" data-testid="threat-profile-table">
        <thead className="text-left text-xs uppercase text-slate-500">
          <tr>
            <th className="py-1 pr-3">Technique</th>
            <th className="pr-3">Rationale</th>
            <th className="pr-3">Source</th>
            <th className="pr-3">Risk</th>
            <th />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {profile.entries.map((e) => (
            <tr key={e.id} data-technique={e.techniqueId} className="align-top">
              <td className="py-2 pr-3">
                <Link href={`/threats/techniques/${encodeURIComponent(e.techniqueId)}`} className="font-medium text-brand-700 hover:underline">
                  {e.name}
                </Link>
                <span className="block font-mono text-xs text-slate-500">{e.techniqueId}</span>
                {!e.inCurrentRelease && (
                  <span className="mt-1 inline-block rounded bg-amber-100 px-1.5 text-xs text-amber-900" title={`Added from ATLAS ${e.recordedVersion}`}>
                    Not in ATLAS {profile.atlasVersion}
                  </span>
                )}
              </td>
              <td className="max-w-xl py-2 pr-3 text-slate-700">{e.rationale}</td>
              <td className="py-2 pr-3 text-xs text-slate-600">{SOURCE_LABELS[e.source]}</td>
              <td className="py-2 pr-3 whitespace-nowrap">
                {e.risk ? (
                  <span className="inline-flex items-center gap-1.5" title={`${e.risk.riskCount} risk${e.risk.riskCount === 1 ? "" : "s"} name this technique`}>
                    <span className="inline-block h-2.5 w-2.5 rounded-full" style={{ backgroundColor: e.risk.level.color }} aria-hidden />
                    {e.risk.level.label} {e.risk.maxScore}
                  </span>
                ) : (
                  <span className="text-xs text-slate-500">No risk yet</span>
                )}
              </td>
              <td className="py-2 whitespace-nowrap">
                <span className="flex flex-col items-end gap-1">
                  {canAddRisk && e.inCurrentRelease && (
                    <Link
                      href={`/systems/${encodeURIComponent(systemId)}/risks?technique=${encodeURIComponent(e.techniqueId)}#new-risk`}
                      className="text-xs text-brand-700 hover:underline"
                    >
                      Add a risk
                    </Link>
                  )}
                  {canEdit && removeActions[e.techniqueId] && <RemoveButton action={removeActions[e.techniqueId]} label={`${e.techniqueId} ${e.name}`} />}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RemoveButton({ action, label }: { action: (prev: ActionState) => Promise<ActionState>; label: string }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (!confirm(`Remove ${label} from the threat profile?`)) e.preventDefault();
      }}
    >
      <button type="submit" disabled={pending} aria-label={`Remove ${label}`} className="text-xs text-red-700 hover:underline">
        Remove
      </button>
      {state.status === "error" && <p className="text-xs text-red-700">{state.message}</p>}
    </form>
  );
}
