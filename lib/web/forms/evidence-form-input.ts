import type { CreateEvidenceInput } from "@/lib/evidence/schemas";

/** "framework|controlId", the way the evidence form encodes a control. */
export function parseControlValue(value: string): { framework: string; controlId: string } {
  const at = value.indexOf("|");
  return at < 0 ? { framework: value, controlId: "" } : { framework: value.slice(0, at), controlId: value.slice(at + 1) };
}

/**
 * FormData of the evidence form → the createEvidence input (validated by the verb) and the submitted
 * values a refused form shows again (never the file). An absent or empty file is passed as a 0-byte file,
 * which the verb refuses on the path "file".
 */
export async function evidenceFormInput(systemId: string, form: FormData): Promise<{ input: CreateEvidenceInput; values: Record<string, unknown> }> {
  const kind = String(form.get("kind") ?? "") === "link" ? "link" : "file";
  const title = String(form.get("title") ?? "");
  const linkValues = form.getAll("links").map(String);
  const links = linkValues.map(parseControlValue) as CreateEvidenceInput["links"];
  const values = { kind, title, url: String(form.get("url") ?? ""), links: linkValues };
  if (kind === "link") return { input: { systemId, kind, title, url: values.url, links }, values };
  const file = form.get("file");
  const bytes = file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array(0);
  const name = file instanceof File ? file.name : "";
  const mimeType = file instanceof Blob ? file.type : "";
  return { input: { systemId, kind, title, file: { name, mimeType, bytes }, links }, values };
}
