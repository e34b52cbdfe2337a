import Link from "next/link";

const TABS = [
  { key: "overview", label: "Overview", suffix: "" },
  { key: "threats", label: "Threat profile", suffix: "/threats" },
  { key: "risks", label: "Risks", suffix: "/risks" },
  { key: "controls", label: "Controls", suffix: "/controls" },
  { key: "findings", label: "Findings", suffix: "/findings" },
  { key: "model-card", label: "Model card", suffix: "/model-card" },
] as const;

export type SystemTab = (typeof TABS)[number]["key"];

/** The AI system's sections; every system page shows them so each part is one click away. */
export function SystemTabs({ systemId, current }: { systemId: string; current: SystemTab }) {
  const base = `/systems/${encodeURIComponent(systemId)}`;
  return (
    <nav aria-label="AI system sections" className="mb-6 flex gap-1 border-b border-slate-200 text-sm">
      {TABS.map((tab) => (
        <Link
          key={tab.key}
          href={`${base}${tab.suffix}`}
          aria-current={tab.key === current ? "page" : undefined}
          className={
            tab.key === current ? "-mb-px border-b-2 border-brand-600 px-3 py-2 font-medium text-brand-700" : "px-3 py-2 text-slate-600 hover:text-slate-900"
          }
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
