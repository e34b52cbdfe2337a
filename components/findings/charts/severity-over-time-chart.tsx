"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { SEVERITIES, type Severity } from "@/lib/findings/parsers/types";
import { SEVERITY_COLORS, SEVERITY_LABELS } from "@/components/labels";

export type SeverityPeriod = { period: string } & Record<Severity, number>;

/** Findings first seen per period, stacked by severity (named in the legend and tooltip, not by colour alone). */
export function SeverityOverTimeChart({ data }: { data: SeverityPeriod[] }) {
  return (
    <div className="h-64" data-testid="chart-severity-over-time">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: -16 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="period" tick={{ fontSize: 11 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 11 }} itemSorter={null} />
          {SEVERITIES.map((severity) => (
            <Bar key={severity} dataKey={severity} name={SEVERITY_LABELS[severity]} stackId="severity" fill={SEVERITY_COLORS[severity]} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
