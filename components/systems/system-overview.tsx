import type { SystemDetail } from "@/lib/systems/schemas";
import { AUTONOMY_LABELS, DATA_CATEGORY_LABELS, EU_ROLE_LABELS, HOSTING_LABELS, LIFECYCLE_LABELS } from "@/components/labels";
import { formatDateTime } from "@/lib/utils/format-date";
import { Card } from "@/components/ui/card";

export function SystemOverview({ system: s }: { system: SystemDetail }) {
  const rows: [string, React.ReactNode][] = [
    ["Description", s.description],
    ["Purpose / intended use", s.purpose],
    ["Business unit", s.businessUnit],
    ["Owner", s.owner?.name ?? "Unassigned"],
    ["Lifecycle stage", LIFECYCLE_LABELS[s.lifecycleStage]],
    ["EU AI Act role", EU_ROLE_LABELS[s.euAiActRole]],
    ["Tier rationale", s.riskTierRationale],
    ["Deployment context", s.deploymentContext],
    ["Model type", s.modelType],
    ["Foundation model", s.foundationModel],
    ["Vendor", s.vendor],
    ["Hosting", s.hosting ? HOSTING_LABELS[s.hosting] : ""],
    ["Data categories", s.dataCategories.map((c) => DATA_CATEGORY_LABELS[c]).join(", ")],
    ["Affected persons", s.affectedPersons],
    ["Human oversight", s.humanOversight],
    ["Autonomy level", AUTONOMY_LABELS[s.autonomyLevel]],
    ["Version", `${s.version} · updated ${formatDateTime(s.updatedAt)}`],
  ];
  return (
    <Card as="section" aria-labelledby="overview-h">
      <h2 id="overview-h" className="text-base font-semibold">
        Overview
      </h2>
      <dl className="mt-3 grid gap-x-6 gap-y-3 text-sm md:grid-cols-2">
        {rows.map(([label, value]) => (
          <div key={label} className={typeof value === "string" && value.length > 80 ? "md:col-span-2" : ""}>
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
            <dd className="mt-0.5 whitespace-pre-line" data-testid={`field-${label}`}>
              {value || <span className="text-slate-500">Not recorded</span>}
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
