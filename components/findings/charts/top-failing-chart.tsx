"use client";

import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type FailingTest = { label: string; rate: number };

const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;

/** The open findings that fail most: horizontal bars of their attack success rate, the test named and the rate written beside each bar. */
export function TopFailingChart({ data }: { data: FailingTest[] }) {
  return (
    <div style={{ height: Math.max(96, data.length * 40 + 32) }} data-testid="chart-top-failing">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 48, bottom: 4, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, 1]} tickFormatter={pct} tick={{ fontSize: 11 }} />
          {/* long test names are shortened on the axis; the full names are in the table and the list beside the chart */}
          <YAxis
            type="category"
            dataKey="label"
            width={200}
            tick={{ fontSize: 11 }}
            tickFormatter={(label: string) => (label.length > 30 ? `${label.slice(0, 29)}…` : label)}
          />
          <Tooltip formatter={(v) => (typeof v === "number" ? pct(v) : String(v))} />
          <Bar dataKey="rate" name="Attack success rate" fill="#b91c1c" isAnimationActive={false}>
            <LabelList dataKey="rate" position="right" fontSize={11} formatter={(v: unknown) => (typeof v === "number" ? pct(v) : "")} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
