import type { ControlEvidence, SystemControlView } from "@/lib/controls/schemas";

// What the client list of a system's controls (system-controls.tsx) is fed, once, as data: only the fields
// it shows or edits, and a reason shared by every control of the framework (ISO/IEC 42001 and NIST apply
// as a whole, with one reason) sent and shown once instead of with each control (docs/benchmarks.md).

export type ControlRow = Pick<
  SystemControlView,
  "framework" | "controlId" | "title" | "groupLabel" | "status" | "justification" | "ownerId" | "reviewDate" | "version" | "evidenced" | "alsoCountsFor"
> & {
  /** null: the framework's shared reason (ControlRows.sharedReason) applies. */
  reason: string | null;
  ownerName: string | null;
  evidence: ControlEvidence[];
};
export type ControlRows = { sharedReason: string | null; rows: ControlRow[] };

export function toControlRows(controls: readonly SystemControlView[]): ControlRows {
  const first = controls[0]?.reason;
  const sharedReason = controls.length > 1 && controls.every((c) => c.reason === first) ? (first ?? null) : null;
  return {
    sharedReason,
    rows: controls.map((c) => ({
      framework: c.framework,
      controlId: c.controlId,
      title: c.title,
      groupLabel: c.groupLabel,
      reason: sharedReason === null ? c.reason : null,
      status: c.status,
      justification: c.justification,
      ownerId: c.ownerId,
      ownerName: c.owner?.name ?? null,
      reviewDate: c.reviewDate,
      version: c.version,
      evidenced: c.evidenced,
      evidence: c.evidence,
      alsoCountsFor: c.alsoCountsFor,
    })),
  };
}
