import type { RiskTier } from "@/lib/systems/schemas";
import type { ControlStatus } from "@/lib/controls/schemas";
import type { RiskCategory, RiskStatus, RiskTreatment, ScoreBasis } from "@/lib/risks/schemas";
import type { AuditAction } from "@/lib/audit/audit-actions";
import type { FindingStatus, ImportFormat, ImportStatus } from "@/lib/findings/schemas";
import type { Severity } from "@/lib/findings/parsers/types";

// Every human label (and the badge styles that go with them) the UI shows for the domain enums, in one
// module: tables, forms, filters, badges and the audit history read them from here (ARCHITECTURE.md).
// Labels that are part of a domain's contract (risk tiers, control statuses: also in the API and CSV
// exports) are defined by the domain's schemas.ts and re-exported here.

// ── inventory ──────────────────────────────────────────────────────────────────────────────────────
export { RISK_TIER_LABELS } from "@/lib/classification/schemas";
export const RISK_TIER_STYLES: Record<RiskTier, string> = {
  prohibited: "bg-red-700 text-white",
  high: "bg-orange-100 text-orange-800",
  limited: "bg-yellow-100 text-yellow-800",
  minimal: "bg-emerald-100 text-emerald-800",
  gpai: "bg-sky-100 text-sky-800",
  gpai_systemic: "bg-purple-100 text-purple-800",
  out_of_scope: "bg-white text-slate-700 ring-1 ring-inset ring-slate-400",
  unclassified: "bg-slate-200 text-slate-700",
};
export const LIFECYCLE_LABELS = {
  idea: "Idea",
  design: "Design",
  development: "Development",
  validation: "Validation",
  production: "Production",
  retired: "Retired",
} as const;
export const EU_ROLE_LABELS = {
  provider: "Provider",
  deployer: "Deployer",
  importer: "Importer",
  distributor: "Distributor",
  product_manufacturer: "Product manufacturer",
  authorised_representative: "Authorised representative",
} as const;
export const AUTONOMY_LABELS = {
  assistive: "Assistive (no decisions)",
  human_in_the_loop: "Human in the loop",
  human_on_the_loop: "Human on the loop",
  autonomous: "Autonomous",
} as const;
export const HOSTING_LABELS = {
  on_premises: "On premises",
  private_cloud: "Private cloud",
  public_cloud: "Public cloud",
  vendor_saas: "Vendor SaaS",
  edge_device: "Edge device",
  hybrid: "Hybrid",
} as const;
export const DATA_CATEGORY_LABELS = {
  personal_data: "Personal data",
  special_category: "GDPR Art 9 special categories",
  criminal_offence: "Criminal offence data (Art 10)",
  children: "Children's data",
} as const;
export const COMPONENT_KIND_LABELS = { model: "Model", dataset: "Dataset", service: "Third-party service" } as const;

export function toOptions<T extends string>(labels: Record<T, string>) {
  return (Object.entries(labels) as [T, string][]).map(([value, label]) => ({ value, label }));
}

// ── controls and evidence ──────────────────────────────────────────────────────────────────────────
export { CONTROL_STATUS_LABELS } from "@/lib/controls/control-statuses";

export const CONTROL_STATUS_STYLES: Record<ControlStatus, string> = {
  not_started: "bg-slate-100 text-slate-700",
  in_progress: "bg-amber-100 text-amber-800",
  implemented: "bg-emerald-100 text-emerald-800",
  not_applicable: "bg-slate-200 text-slate-600 line-through decoration-slate-400",
};

/** "1.2 MB", "830 B". */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}

/** Where a system's evidence file is downloaded with the signed-in session. */
export function evidenceDownloadHref(systemId: string, evidenceId: string): string {
  return `/systems/${encodeURIComponent(systemId)}/controls/evidence/${encodeURIComponent(evidenceId)}`;
}

// ── risk register ──────────────────────────────────────────────────────────────────────────────────
export const RISK_CATEGORY_LABELS: Record<RiskCategory, string> = {
  security: "Security",
  privacy: "Privacy",
  fairness: "Fairness",
  safety: "Safety",
  transparency: "Transparency",
  accountability: "Accountability",
  robustness: "Robustness",
};
export const RISK_TREATMENT_LABELS: Record<RiskTreatment, string> = { mitigate: "Mitigate", accept: "Accept", transfer: "Transfer", avoid: "Avoid" };
export const RISK_STATUS_LABELS: Record<RiskStatus, string> = { open: "Open", in_treatment: "In treatment", accepted: "Accepted", closed: "Closed" };
export const SCORE_BASIS_LABELS: Record<ScoreBasis, string> = { inherent: "Inherent", residual: "Residual" };

/** "3 – Possible": a rating with the matrix's label for it. */
export function ratingOptions(labels: readonly string[]) {
  return labels.map((label, i) => ({ value: String(i + 1), label: `${i + 1} – ${label}` }));
}

// ── findings (scanner results) ─────────────────────────────────────────────────────────────────────
export const FINDING_STATUS_LABELS: Record<FindingStatus, string> = {
  open: "Open",
  triaged: "Triaged",
  mitigated: "Mitigated",
  false_positive: "False positive",
  accepted: "Accepted",
};
export const FINDING_STATUS_STYLES: Record<FindingStatus, string> = {
  open: "bg-red-100 text-red-800",
  triaged: "bg-amber-100 text-amber-800",
  mitigated: "bg-emerald-100 text-emerald-800",
  false_positive: "bg-slate-200 text-slate-700",
  accepted: "bg-sky-100 text-sky-800",
};
export const SEVERITY_LABELS: Record<Severity, string> = { critical: "Critical", high: "High", medium: "Medium", low: "Low", info: "Info" };
export const SEVERITY_STYLES: Record<Severity, string> = {
  critical: "bg-red-700 text-white",
  high: "bg-orange-100 text-orange-800",
  medium: "bg-yellow-100 text-yellow-800",
  low: "bg-sky-100 text-sky-800",
  info: "bg-slate-100 text-slate-700",
};
/** Chart colours per severity (always shown with the severity's name: never colour alone). */
export const SEVERITY_COLORS: Record<Severity, string> = { critical: "#991b1b", high: "#ea580c", medium: "#ca8a04", low: "#0284c7", info: "#64748b" };
export const IMPORT_FORMAT_LABELS: Record<ImportFormat, string> = {
  auto: "Detect automatically",
  garak: "garak report (report.jsonl)",
  "garak-digest": "garak digest (JSON)",
  promptfoo: "promptfoo results (JSON)",
  modelscan: "ModelScan report (JSON)",
  sarif: "SARIF 2.1.0",
  csv: "CSV (template columns)",
};
export const IMPORT_STATUS_LABELS: Record<ImportStatus, string> = {
  queued: "Queued",
  processing: "Processing",
  completed: "Completed",
  rejected: "Rejected",
  failed: "Failed",
};

// ── audit history ──────────────────────────────────────────────────────────────────────────────────
/** What an audit event did, as the history lists and the audit trail name it. */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  "organization.create": "Organisation created",
  "system.create": "Created",
  "system.update": "Edited",
  "system.archive": "Archived",
  "system.restore": "Restored",
  "component.create": "Component added",
  "component.update": "Component edited",
  "component.delete": "Component removed",
  "component.import_card": "Model card imported",
  "component.import_bom": "Bill of materials imported",
  "component.hash_match": "Artefact hash verified: match",
  "component.hash_mismatch": "Artefact hash verified: MISMATCH",
  "classification.propose": "Classification proposed",
  "classification.decide": "Classification decided",
  "member.add": "Member added",
  "member.role_change": "Member's role changed",
  "member.remove": "Member removed",
  "invitation.create": "Invitation sent",
  "invitation.revoke": "Invitation revoked",
  "invitation.accept": "Invitation accepted",
  "token.create": "API token created",
  "token.revoke": "API token revoked",
  "atlas.import": "ATLAS release imported",
  "threat.add": "Threats added to the profile",
  "threat.remove": "Threat removed from the profile",
  "threat.import_layer": "Navigator layer imported",
  "risk.create": "Risk recorded",
  "risk.update": "Risk edited",
  "risk.accept": "Risk accepted",
  "risk.delete": "Risk deleted",
  "matrix.update": "Risk matrix changed",
  "control.update": "Control status changed",
  "evidence.create": "Evidence attached",
  "evidence.link": "Evidence linked to a control",
  "evidence.delete": "Evidence removed",
  "finding_import.create": "Scanner results imported",
  "finding_import.queue": "Scanner file queued for import",
  "finding_import.process": "Queued scanner file processed",
  "finding.update": "Finding triaged",
  "finding.link_risk": "Finding linked to a risk",
  "finding.create_risk": "Risk created from a finding",
  "test_mapping.save": "Scanner test mapping saved",
};

export function auditActionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action;
}
