import { formatDate } from "@/lib/utils/format-date";
import { AttackSuccessChart } from "./attack-success-chart";
import { ChartFigure, percent } from "./chart-figure";

export type HistoryRun = {
  importId: string;
  createdAt: string;
  evaluated: number | null;
  failed: number | null;
  attackSuccessRate: number | null;
  failing: boolean;
};

/** One finding's attack success rate across the imports that ran its test (a line, with the table as its text form). */
export function FindingHistoryChart({ runs, testLabel }: { runs: readonly HistoryRun[]; testLabel: string }) {
  const data = runs.map((run, i) => ({ run: `${i + 1}. ${formatDate(run.createdAt)}`, rate: run.attackSuccessRate }));
  const rated = runs.filter((r) => r.attackSuccessRate !== null);
  const last = rated.at(-1);
  return (
    <ChartFigure
      title="Attack success rate per run"
      summary={
        last
          ? `${runs.length} run${runs.length === 1 ? "" : "s"}; latest ${percent(last.attackSuccessRate)} (${last.failed} of ${last.evaluated} outputs failed).`
          : `${runs.length} run${runs.length === 1 ? "" : "s"}; the scanner gave no counts, so no rate.`
      }
      columns={["Run", "Failed", "Evaluated", "Attack success rate", "Result"]}
      rows={runs.map((run, i) => [data[i].run, run.failed ?? "–", run.evaluated ?? "–", percent(run.attackSuccessRate), run.failing ? "Failing" : "Passed"])}
      testId="finding-history"
    >
      <AttackSuccessChart series={[{ key: "rate", label: testLabel }]} data={data} />
    </ChartFigure>
  );
}
