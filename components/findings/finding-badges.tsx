import type { FindingStatus } from "@/lib/findings/schemas";
import type { Severity } from "@/lib/findings/parsers/types";
import { FINDING_STATUS_LABELS, FINDING_STATUS_STYLES, SEVERITY_LABELS, SEVERITY_STYLES } from "@/components/labels";

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${SEVERITY_STYLES[severity]}`}>{SEVERITY_LABELS[severity]}</span>;
}

export function FindingStatusBadge({ status }: { status: FindingStatus }) {
  return (
    <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${FINDING_STATUS_STYLES[status]}`} data-testid="finding-status">
      {FINDING_STATUS_LABELS[status]}
    </span>
  );
}
