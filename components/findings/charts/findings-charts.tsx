import Link from "next/link";
import type { FindingsPage } from "@/lib/findings/get-findings-page";
import { SEVERITIES, type Severity } from "@/lib/findings/parsers/types";
import { formatDate } from "@/lib/utils/format-date";
import { SEVERITY_LABELS } from "@/components/labels";
import { Card } from "@/components/ui/card";
import { ChartFigure, percent } from "./chart-figure";
import { SeverityOverTimeChart } from "./severity-over-time-chart";
import { OwaspBarChart } from "./owasp-bar-chart";
import { AttackSuccessChart, type RatePoint } from "./attack-success-chart";
import { TopFailingChart } from "./top-failing-chart";

// The findings charts (issue 7 §6), each a small client chart inside a server-rendered figure with its caption,
// a one-line summary and its numbers as a table (ChartFigure): the table is the accessible form of the chart.

type Charts = FindingsPage["charts"];
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

export function FindingsCharts({ charts, owaspTitles }: { charts: Charts; owaspTitles: Readonly<Record<string, string>> }) {
  if (charts.overTime.length === 0 && charts.topFailing.length === 0 && charts.attackSuccess.length === 0) return null;
  return (
    <section aria-labelledby="charts-h" className="grid gap-6 lg:grid-cols-2" data-testid="findings-charts">
      <h2 id="charts-h" className="sr-only">
        Charts
      </h2>
      <Card>
        <SeverityOverTimeFigure overTime={charts.overTime} />
      </Card>
      <Card>
        <OpenByOwaspFigure openByOwasp={charts.openByOwasp} owaspTitles={owaspTitles} />
      </Card>
      <Card>
        <AttackSuccessFigure series={charts.attackSuccess} />
      </Card>
      <Card>
        <TopFailingFigure topFailing={charts.topFailing} />
      </Card>
    </section>
  );
}

function SeverityOverTimeFigure({ overTime }: { overTime: Charts["overTime"] }) {
  const periods = overTime.map(({ date, ...counts }) => ({ period: formatDate(date), ...counts }));
  const total = (p: Record<Severity, number>) => sum(SEVERITIES.map((s) => p[s]));
  return (
    <ChartFigure
      title="Findings over time, by severity"
      summary={
        periods.length
          ? `Failing findings per day of scan over ${periods.length} day${periods.length === 1 ? "" : "s"}; ${sum(periods.map(total))} in all.`
          : "No failing results imported yet."
      }
      columns={["Day", ...SEVERITIES.map((s) => SEVERITY_LABELS[s]), "Total"]}
      rows={periods.map((p) => [p.period, ...SEVERITIES.map((s) => p[s]), total(p)])}
      testId="figure-severity-over-time"
    >
      <SeverityOverTimeChart data={periods} />
    </ChartFigure>
  );
}

function OpenByOwaspFigure({ openByOwasp, owaspTitles }: { openByOwasp: Charts["openByOwasp"]; owaspTitles: Readonly<Record<string, string>> }) {
  const items = openByOwasp.map((row) => ({ id: row.owaspId, label: owaspTitles[row.owaspId] ?? row.owaspId, open: row.count }));
  const top = items[0];
  return (
    <ChartFigure
      title="Open findings by OWASP LLM Top 10 (2025) item"
      summary={top ? `Most open findings: ${top.id} ${top.label} (${top.open}).` : "No open findings mapped to an OWASP item."}
      columns={["OWASP item", "Open findings"]}
      rows={items.map((i) => [`${i.id} ${i.label}`, i.open])}
      testId="figure-owasp"
    >
      <OwaspBarChart data={items} />
    </ChartFigure>
  );
}

function AttackSuccessFigure({ series }: { series: Charts["attackSuccess"] }) {
  // safe data keys (a test id such as "dan.Dan_11_0" would read as a property path), one row per import, in date order
  const named = series.map((s, i) => ({
    key: `s${i}`,
    label: `${s.testId}${s.detector ? ` · ${s.detector}` : ""}${s.target ? ` (${s.target})` : ""}`,
    points: s.points,
  }));
  const runs = new Map<string, { date: string; rates: Record<string, number> }>();
  for (const s of named)
    for (const p of s.points) {
      const run = runs.get(p.importId) ?? { date: p.date, rates: {} };
      run.rates[s.key] = p.rate;
      runs.set(p.importId, run);
    }
  const ordered = [...runs.values()].sort((a, b) => a.date.localeCompare(b.date));
  const points: RatePoint[] = ordered.map((run, i) => ({
    run: `${i + 1}. ${formatDate(run.date)}`,
    ...Object.fromEntries(named.map((s) => [s.key, run.rates[s.key] ?? null])),
  }));
  return (
    <ChartFigure
      title="Attack success rate per test across runs"
      summary={
        named.length
          ? `${named.length} test${named.length === 1 ? "" : "s"} with the highest rates, over ${points.length} run${points.length === 1 ? "" : "s"}: the share of outputs that failed, per run against the same target.`
          : "No test results with counts yet."
      }
      columns={["Run", ...named.map((s) => s.label)]}
      rows={points.map((p) => [String(p.run), ...named.map((s) => percent(typeof p[s.key] === "number" ? (p[s.key] as number) : null))])}
      testId="figure-attack-success"
    >
      <AttackSuccessChart series={named.map(({ key, label }) => ({ key, label }))} data={points} />
    </ChartFigure>
  );
}

function TopFailingFigure({ topFailing }: { topFailing: Charts["topFailing"] }) {
  const data = topFailing.map((f) => ({ label: f.title, rate: f.rate ?? 0 }));
  return (
    <>
      <ChartFigure
        title="Top failing tests"
        summary={topFailing.length ? `${topFailing.length} open finding${topFailing.length === 1 ? "" : "s"}, most severe first.` : "No open findings."}
        columns={["Finding", "AI system", "Severity", "Attack success rate", "Failing runs"]}
        rows={topFailing.map((f) => [f.title, f.systemName, SEVERITY_LABELS[f.severity as Severity] ?? f.severity, percent(f.rate), f.failingRuns])}
        testId="figure-top-failing"
      >
        <TopFailingChart data={data} />
      </ChartFigure>
      <ol className="mt-2 space-y-0.5 text-xs" aria-label="Top failing findings">
        {topFailing.map((f) => (
          <li key={f.findingId}>
            <Link href={`/findings/${encodeURIComponent(f.findingId)}`} className="text-brand-700 hover:underline">
              {f.title}
            </Link>{" "}
            <span className="text-slate-600">
              · {SEVERITY_LABELS[f.severity as Severity] ?? f.severity} · {percent(f.rate)} · {f.failingRuns} failing run{f.failingRuns === 1 ? "" : "s"}
            </span>
          </li>
        ))}
      </ol>
    </>
  );
}
