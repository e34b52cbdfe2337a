export const ROLES = ["admin", "compliance_officer", "risk_owner", "executive", "auditor"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  compliance_officer: "Compliance officer",
  risk_owner: "Risk owner",
  executive: "Executive",
  auditor: "Auditor",
};
