import Link from "next/link";
import type { SystemFindingsPage } from "@/lib/findings/get-system-findings-page";

/** ATLAS coverage of a system in figures ("12 of 18 profiled techniques tested, 5 failing, 6 never tested") and a link to the matrix overlay. */
export function CoverageFigures({ systemId, coverage }: { systemId: string; coverage: SystemFindingsPage["coverage"] }) {
  const { figures } = coverage;
  const items = [
    { label: "Profiled techniques", value: figures.profiled },
    { label: "Tested", value: figures.profiledTested },
    { label: "Failing", value: figures.profiledFailing },
    { label: "Never tested", value: figures.profiledNeverTested },
    { label: "Tested outside the profile", value: figures.testedOutsideProfile },
  ];
  return (
    <div className="space-y-3 text-sm" data-testid="coverage-figures">
      <p className="text-slate-800" data-testid="coverage-sentence">
        {coverage.sentence}
      </p>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        {items.map((item) => (
          <div key={item.label} className="rounded-lg border border-slate-200 p-2">
            <dt className="text-xs text-slate-600">{item.label}</dt>
            <dd className="text-xl font-semibold">{item.value}</dd>
          </div>
        ))}
      </dl>
      <p className="flex flex-wrap gap-x-4 gap-y-1">
        <Link href={`/threats?system=${encodeURIComponent(systemId)}&coverage=findings`} className="font-medium text-brand-700 underline">
          See the coverage on the ATLAS matrix
        </Link>
        {figures.profiled === 0 && (
          <Link href={`/systems/${encodeURIComponent(systemId)}/threats`} className="text-brand-700 underline">
            Build the threat profile first
          </Link>
        )}
      </p>
    </div>
  );
}
