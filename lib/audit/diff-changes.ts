export type FieldChange = { before: unknown; after: unknown };
export type Changes = Record<string, FieldChange>;

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value === undefined) return null;
  return value;
}

/** Field-level before → after for the fields that differ (arrays and dates compared by value). */
export function diffChanges(before: Record<string, unknown> | null, after: Record<string, unknown> | null, fields: readonly string[]): Changes {
  const changes: Changes = {};
  for (const field of fields) {
    const b = normalise(before?.[field]);
    const a = normalise(after?.[field]);
    if (JSON.stringify(b) !== JSON.stringify(a)) changes[field] = { before: b, after: a };
  }
  return changes;
}
