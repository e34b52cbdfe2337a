import type { ReactNode } from "react";

/**
 * A chart with its text alternative: the caption says what it shows, and the same numbers are one click away as a
 * table (a native <details>, so keyboard and screen readers reach it without JavaScript). The chart itself is
 * hidden from assistive technology: the table is its accessible form.
 */
export function ChartFigure({
  title,
  summary,
  columns,
  rows,
  testId,
  children,
}: {
  title: string;
  /** One sentence with the headline numbers. */
  summary: string;
  columns: readonly string[];
  rows: readonly (readonly (string | number)[])[];
  testId?: string;
  children: ReactNode;
}) {
  return (
    <figure className="min-w-0" data-testid={testId}>
      <figcaption>
        <span className="block text-sm font-semibold text-slate-900">{title}</span>
        <span className="block text-xs text-slate-600">{summary}</span>
      </figcaption>
      <div aria-hidden="true">{children}</div>
      <details className="mt-1 text-xs">
        <summary className="cursor-pointer text-slate-700 underline">Show the data as a table</summary>
        <div className="mt-1 max-h-64 overflow-auto">
          <table className="w-full text-left">
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c} scope="col" className="border-b border-slate-200 px-2 py-1 font-medium">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i}>
                  {row.map((cell, j) => (
                    <td key={j} className="border-b border-slate-100 px-2 py-1 tabular-nums">
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

export function percent(rate: number | null): string {
  return rate === null ? "–" : `${Math.round(rate * 1000) / 10}%`;
}
