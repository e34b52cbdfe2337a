import { listRisksSchema, type RiskFilters } from "./schemas";

const DEFAULTS = listRisksSchema.parse({});

/**
 * Register filter state → query string, leaving out defaults (and `systemId`, which the system's own
 * register page has in its path) so URLs stay short and shareable.
 */
export function riskFiltersToQuery(filters: Partial<RiskFilters>, overrides: Partial<RiskFilters> = {}, omit: (keyof RiskFilters)[] = []): string {
  const merged = { ...filters, ...overrides };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (omit.includes(key as keyof RiskFilters)) continue;
    if (value === undefined || value === null || value === "" || value === DEFAULTS[key as keyof RiskFilters]) continue;
    params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}
