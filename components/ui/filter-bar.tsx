import Link from "next/link";
import type { ReactNode } from "react";

/** Classes for a filter's <select>/<input>, shared so every filter bar looks alike. */
export const FILTER_CONTROL = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/**
 * A plain GET filter form (role="search"): the URL holds the filter state, so filtered views can be
 * bookmarked and shared. Keyed on `stateKey` (the filters): after a client-side navigation React keeps the
 * form's DOM and a <select> never re-applies its defaultValue, so it would show (and resubmit) stale filters.
 * `resetHref` adds a Reset link; `submitLabel` the submit button (omit both for auto-submitting filters).
 */
export function FilterBar({
  action,
  stateKey,
  label,
  resetHref,
  submitLabel = "Apply",
  className = "",
  testId,
  children,
}: {
  action: string;
  stateKey?: string;
  label?: string;
  resetHref?: string;
  submitLabel?: string | null;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <form
      key={stateKey}
      method="get"
      action={action}
      role="search"
      aria-label={label}
      className={`mb-4 flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-3 ${className}`.trim()}
      data-testid={testId}
    >
      {children}
      {submitLabel && (
        <button type="submit" className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
          {submitLabel}
        </button>
      )}
      {resetHref && (
        <Link href={resetHref} className="px-1 py-1.5 text-sm text-slate-700 underline">
          Reset
        </Link>
      )}
    </form>
  );
}
