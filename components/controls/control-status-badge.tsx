import type { ControlStatus } from "@/lib/controls/schemas";
import { CONTROL_STATUS_LABELS, CONTROL_STATUS_STYLES } from "@/components/labels";

export function ControlStatusBadge({ status }: { status: ControlStatus }) {
  return (
    <span className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${CONTROL_STATUS_STYLES[status]}`} data-status={status}>
      {CONTROL_STATUS_LABELS[status]}
    </span>
  );
}
