// FormData of the risk form → the plain object the domain schemas validate. Only known fields are
// read; numbers stay numbers (or NaN, which the schema reports); empty optional fields become null.

const TEXT_FIELDS = ["title", "description", "category", "treatment", "treatmentPlan", "status"] as const;
const RATING_FIELDS = ["inherentLikelihood", "inherentImpact"] as const;
const NULLABLE_RATING_FIELDS = ["residualLikelihood", "residualImpact"] as const;
const NULLABLE_TEXT_FIELDS = ["ownerId", "dueDate"] as const;

/** "AML.T0051, AML.T0054.000" (commas, spaces or new lines) → ids. */
export function splitIds(value: string): string[] {
  return value
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * One linked control per line, "<framework> <control id>": the framework id has no spaces, the
 * control id may ("eu_ai_act Art 9", "nist_ai_rmf GOVERN 1.1", "iso42001 A.6.2.4").
 */
export function parseControlLines(value: string): { framework: string; controlId: string }[] {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const match = line.match(/^(\S+)\s+(.+)$/);
      return match ? { framework: match[1], controlId: match[2].trim() } : { framework: line, controlId: "" };
    });
}

/** The inverse of parseControlLines, for the form's default value. */
export function formatControlLines(controls: readonly { framework: string; controlId: string }[]): string {
  return controls.map((c) => `${c.framework} ${c.controlId}`).join("\n");
}

function rating(value: string): number {
  return value.trim() === "" ? NaN : Number(value);
}

export function riskFormInput(form: FormData): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const get = (name: string) => {
    const value = form.get(name);
    return value === null ? null : String(value);
  };
  for (const field of TEXT_FIELDS) {
    const value = get(field);
    if (value !== null) input[field] = value;
  }
  for (const field of RATING_FIELDS) {
    const value = get(field);
    if (value !== null) input[field] = value.trim() === "" ? undefined : rating(value);
  }
  for (const field of NULLABLE_RATING_FIELDS) {
    const value = get(field);
    if (value !== null) input[field] = value.trim() === "" ? null : rating(value);
  }
  for (const field of NULLABLE_TEXT_FIELDS) {
    const value = get(field);
    if (value !== null) input[field] = value.trim() === "" ? null : value.trim();
  }
  const techniques = get("techniqueIds");
  if (techniques !== null) input.techniqueIds = splitIds(techniques);
  // checkboxes: nothing ticked sends nothing, so the group is always read (the form always shows it)
  input.owaspIds = form.getAll("owaspIds").map(String);
  const controls = get("controls");
  if (controls !== null) input.controls = parseControlLines(controls);
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
}
