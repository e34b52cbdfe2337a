import type { ChainReport } from "@/lib/audit/verify-audit-chain";

export function ChainStatus({ report }: { report: ChainReport }) {
  if (report.ok) {
    return (
      <p data-testid="chain-status" className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-800">
        Chain intact: all {report.checked} events verified.
      </p>
    );
  }
  return (
    <p data-testid="chain-status" className="mb-4 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
      Chain broken at event #{report.firstBreak?.seq}: {report.firstBreak?.reason}. {report.checked} events before it verified.
    </p>
  );
}
