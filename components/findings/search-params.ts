/** The findings filters as they appear in the URL (first value of each known key), for the loader and the filter form. */
export const FINDING_FILTER_KEYS = ["systemId", "tool", "severity", "status", "technique", "owasp", "importId", "page"] as const;

export function findingFilterParams(
  searchParams: Record<string, string | string[] | undefined>,
): Partial<Record<(typeof FINDING_FILTER_KEYS)[number], string>> {
  const out: Partial<Record<(typeof FINDING_FILTER_KEYS)[number], string>> = {};
  for (const key of FINDING_FILTER_KEYS) {
    const raw = searchParams[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value !== undefined && value.trim() !== "") out[key] = value;
  }
  return out;
}
