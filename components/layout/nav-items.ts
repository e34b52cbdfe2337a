/** The product's sections. `available: false` sections show an honest "coming" page until their issue lands. */
export const NAV_ITEMS = [
  { href: "/", label: "Dashboard", available: true },
  { href: "/systems", label: "Inventory", available: true },
  { href: "/threats", label: "Threats", available: true },
  { href: "/risks", label: "Risks", available: true },
  { href: "/controls", label: "Controls", available: true },
  { href: "/findings", label: "Findings", available: true },
  { href: "/assessments", label: "Assessments", available: false },
  { href: "/reports", label: "Reports", available: false },
  { href: "/audit", label: "Audit", available: true, needsAudit: true },
  { href: "/settings", label: "Settings", available: true },
] as const;
