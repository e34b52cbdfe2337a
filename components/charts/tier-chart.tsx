"use client";

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const COLORS: Record<string, string> = {
  prohibited: "#b91c1c",
  high: "#ea580c",
  limited: "#ca8a04",
  minimal: "#059669",
  gpai: "#0284c7",
  gpai_systemic: "#7c3aed",
  out_of_scope: "#64748b",
  unclassified: "#94a3b8",
};

export function TierChart({ data }: { data: { key: string; label: string; count: number }[] }) {
  return (
    <div className="mt-3 h-72" data-testid="tier-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 64, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" interval={0} angle={-30} textAnchor="end" tick={{ fontSize: 11 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
          <Tooltip />
          <Bar dataKey="count" name="Systems">
            {data.map((d) => (
              <Cell key={d.key} fill={COLORS[d.key] ?? "#4f46e5"} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
