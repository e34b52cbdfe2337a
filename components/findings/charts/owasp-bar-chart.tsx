"use client";

import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type OwaspBar = { id: string; label: string; open: number };

/** Open findings per OWASP LLM Top 10 (2025) item: one bar per item, its id on the axis and its count on the bar. */
export function OwaspBarChart({ data }: { data: OwaspBar[] }) {
  return (
    <div className="h-64" data-testid="chart-owasp">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 16, right: 8, bottom: 8, left: -16 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="id" tick={{ fontSize: 11 }} tickFormatter={(id: string) => id.replace(":2025", "")} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
          <Tooltip labelFormatter={(id) => data.find((d) => d.id === id)?.label ?? String(id)} />
          <Bar dataKey="open" name="Open findings" fill="#4f46e5">
            <LabelList dataKey="open" position="top" fontSize={11} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
