import { listSystemsSchema, type SystemFilters } from "./schemas";

const DEFAULTS = listSystemsSchema.parse({});

/** Filter state → query string, leaving out defaults so URLs stay short and shareable. */
export function filtersToQuery(filters: SystemFilters, overrides: Partial<SystemFilters> = {}): string {
  const merged = { ...filters, ...overrides };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === "" || value === DEFAULTS[key as keyof SystemFilters]) continue;
    params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}
