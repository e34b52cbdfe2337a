import { SYSTEM_FIELDS } from "@/lib/systems/schemas";

const NULLABLE = new Set(["ownerId", "hosting"]);

/**
 * FormData from the system form → the plain object the domain schemas validate. Only known fields
 * are read; empty selects become null; multi-valued checkboxes become arrays.
 */
export function systemFormInput(form: FormData): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of SYSTEM_FIELDS) {
    if (field === "dataCategories") {
      input[field] = form.getAll(field).map(String);
      continue;
    }
    const value = form.get(field);
    if (value === null) continue;
    input[field] = NULLABLE.has(field) && value === "" ? null : String(value);
  }
  return input;
}
