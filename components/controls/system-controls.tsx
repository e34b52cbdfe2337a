"use client";

import Link from "next/link";
import { useRef } from "react";
import type { ControlFrameworkId } from "@/lib/controls/schemas";
import { formatDate } from "@/lib/utils/format-date";
import { ControlStatusBadge } from "./control-status-badge";
import { ControlEditor, useDetailsOpen } from "./control-editing";
import { EvidenceItem } from "./evidence-item";
import type { ControlRow, ControlRows } from "./control-rows";
import { Card } from "@/components/ui/card";

// A client component fed the controls once as data: the page's flight data carries each control's fields,
// not its markup, and a control's forms render only while it is open (control-editing.tsx).

type Props = {
  systemId: string;
  frameworkName: string;
  /** Short framework names for "also counts for" links ("ISO/IEC 42001"), from lib/controls/schemas. */
  shortNames: Readonly<Record<ControlFrameworkId, string>>;
  /** toControlRows(…) of the framework's controls (control-rows.ts). */
  controls: ControlRows;
};

const controlHref = (c: { framework: string; controlId: string }) => `/controls/${c.framework}/${encodeURIComponent(c.controlId)}`;

/** One framework's applicable controls of a system, grouped as the catalog groups them; each opens to its reason, evidence and form. */
export function SystemControls({ systemId, frameworkName, shortNames, controls: { sharedReason, rows: controls } }: Props) {
  const groups = [...new Set(controls.map((c) => c.groupLabel))];
  return (
    <Card as="section" aria-label={frameworkName} data-testid={`controls-${controls[0]?.framework ?? "none"}`}>
      <h2 className="text-base font-semibold">
        {frameworkName} <span className="text-sm font-normal text-slate-500">({controls.length})</span>
      </h2>
      {sharedReason && (
        <p className="mt-1 text-sm text-slate-700" data-testid="shared-reason">
          <span className="font-medium">Why these apply: </span>
          {sharedReason}
        </p>
      )}
      {groups.map((group) => (
        <div key={group} className="mt-4">
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{group}</h3>
          <ul className="mt-1 divide-y divide-slate-100">
            {controls
              .filter((c) => c.groupLabel === group)
              .map((c) => (
                <ControlItem key={`${c.framework}:${c.controlId}`} systemId={systemId} shortNames={shortNames} c={c} />
              ))}
          </ul>
        </div>
      ))}
    </Card>
  );
}

function ControlItem({ systemId, shortNames, c }: { systemId: string; shortNames: Props["shortNames"]; c: ControlRow }) {
  const details = useRef<HTMLDetailsElement>(null);
  const open = useDetailsOpen(details);
  return (
    <li data-control={`${c.framework}:${c.controlId}`}>
      <details ref={details} className="group py-2">
        {/* ctl-* classes: app/globals.css (named once there, not repeated in each of ~130 rows) */}
        <summary className="ctl-summary">
          <span aria-hidden className="ctl-toggle">
            ▸
          </span>
          <span className="ctl-id">{c.controlId}</span>
          <span className="min-w-0 flex-1">{c.title}</span>
          <ControlStatusBadge status={c.status} />
          <span className="ctl-meta w-32 truncate" title="Owner">
            {c.ownerName ?? "No owner"}
          </span>
          <span className="ctl-meta w-24" title="Next review">
            {c.reviewDate ? formatDate(c.reviewDate) : "—"}
          </span>
          <span className={`ctl-meta w-20 ${c.evidenced ? "text-emerald-700" : ""}`}>{`${c.evidence.length} evidence`}</span>
        </summary>
        <div className="ctl-body">
          {c.reason && (
            <p className="text-slate-700">
              <span className="font-medium">Why it applies: </span>
              {c.reason}
            </p>
          )}
          {c.justification && (
            <p className="text-slate-700">
              <span className="font-medium">Justification: </span>
              {c.justification}
            </p>
          )}
          <div>
            <p className="font-medium">Evidence</p>
            {c.evidence.length === 0 ? (
              <p className="ctl-meta">None yet.</p>
            ) : (
              <ul className="mt-1 space-y-1">
                {c.evidence.map((e) => (
                  <li key={e.id}>
                    <EvidenceItem systemId={systemId} evidence={e} />
                  </li>
                ))}
              </ul>
            )}
            {c.alsoCountsFor.length > 0 && (
              <p className="mt-1 text-xs text-slate-600" data-testid="also-counts-for">
                Evidence attached here also counts for:{" "}
                {c.alsoCountsFor.map((o, i) => (
                  <span key={`${o.framework}:${o.controlId}`}>
                    {i > 0 && " · "}
                    <Link href={controlHref(o)} title={o.title} className="ctl-link">
                      {`${shortNames[o.framework]} ${o.controlId}`}
                    </Link>
                  </span>
                ))}
              </p>
            )}
          </div>
          <p className="text-xs">
            <Link href={controlHref(c)} className="ctl-link">
              {`About ${c.controlId} and its crosswalk`}
            </Link>
          </p>
          {open && <ControlEditor control={c} directEvidenceIds={c.evidence.filter((e) => e.via === null).map((e) => e.id)} />}
        </div>
      </details>
    </li>
  );
}
