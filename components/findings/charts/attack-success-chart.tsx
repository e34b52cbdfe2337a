"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type RateSeries = { key: string; label: string };
/** One point per run: its label and, per series key, the attack success rate (0–1) or null when not run. */
export type RatePoint = { run: string } & Record<string, number | string | null>;

const COLORS = ["#b91c1c", "#4f46e5", "#0f766e", "#a16207", "#7c3aed", "#be185d"];
/** Lines also differ by dash pattern and by marker, so no series is told apart by colour alone. */
const DASHES = ["", "6 3", "2 2", "8 3 2 3", "1 4", "10 4"];
const SHAPES = ["circle", "square", "triangle", "diamond", "cross", "star"] as const;

function Marker({ cx, cy, shape, color }: { cx?: number; cy?: number; shape: (typeof SHAPES)[number]; color: string }) {
  if (cx === undefined || cy === undefined) return null;
  const s = 4;
  switch (shape) {
    case "square":
      return <rect x={cx - s} y={cy - s} width={2 * s} height={2 * s} fill={color} />;
    case "triangle":
      return <path d={`M${cx},${cy - s - 1} L${cx + s + 1},${cy + s} L${cx - s - 1},${cy + s} Z`} fill={color} />;
    case "diamond":
      return <path d={`M${cx},${cy - s - 1} L${cx + s + 1},${cy} L${cx},${cy + s + 1} L${cx - s - 1},${cy} Z`} fill={color} />;
    case "cross":
      return <path d={`M${cx - s},${cy - s} L${cx + s},${cy + s} M${cx + s},${cy - s} L${cx - s},${cy + s}`} stroke={color} strokeWidth={2} />;
    case "star":
      return (
        <path
          d={`M${cx},${cy - s - 1} L${cx + 1.5},${cy - 1.5} L${cx + s + 1},${cy} L${cx + 1.5},${cy + 1.5} L${cx},${cy + s + 1} L${cx - 1.5},${cy + 1.5} L${cx - s - 1},${cy} L${cx - 1.5},${cy - 1.5} Z`}
          fill={color}
        />
      );
    default:
      return <circle cx={cx} cy={cy} r={s} fill={color} />;
  }
}

/** Attack success rate (failed / evaluated outputs) of each test across the runs against the same target. */
export function AttackSuccessChart({ series, data }: { series: RateSeries[]; data: RatePoint[] }) {
  return (
    <div className="h-64" data-testid="chart-attack-success">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: -8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="run" tick={{ fontSize: 11 }} />
          <YAxis domain={[0, 1]} tickFormatter={(v: number) => `${Math.round(v * 100)}%`} tick={{ fontSize: 11 }} />
          <Tooltip formatter={(v) => (typeof v === "number" ? `${Math.round(v * 1000) / 10}%` : "not run")} />
          <Legend wrapperStyle={{ fontSize: 11 }} itemSorter={null} />
          {series.map((s, i) => {
            const color = COLORS[i % COLORS.length];
            const shape = SHAPES[i % SHAPES.length];
            return (
              <Line
                key={s.key}
                type="linear"
                dataKey={s.key}
                name={s.label}
                stroke={color}
                strokeWidth={2}
                strokeDasharray={DASHES[i % DASHES.length]}
                legendType={
                  shape === "cross"
                    ? "cross"
                    : shape === "star"
                      ? "star"
                      : shape === "triangle"
                        ? "triangle"
                        : shape === "diamond"
                          ? "diamond"
                          : shape === "square"
                            ? "square"
                            : "circle"
                }
                dot={(props: { cx?: number; cy?: number; index?: number }) => (
                  <Marker key={`${s.key}-${props.index}`} cx={props.cx} cy={props.cy} shape={shape} color={color} />
                )}
                connectNulls
                isAnimationActive={false}
              />
            );
          })}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
