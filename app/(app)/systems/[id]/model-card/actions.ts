"use server";

import { revalidatePath } from "next/cache";
import { requireActionCtx } from "@/lib/web/action-session";
import { toActionState, type ActionState } from "@/lib/web/action-state";
import { importModelCard } from "@/lib/components/import-model-card";
import { importBom } from "@/lib/components/import-bom";
import { verifyComponentHash } from "@/lib/components/verify-component-hash";

// Thin adapters: session → one domain verb → form state. Permission checks happen in the verbs.

/** The uploaded file's text, else the pasted text. */
async function fileOrText(form: FormData, fileField: string, textField: string): Promise<string> {
  const file = form.get(fileField);
  if (file instanceof File && file.size > 0) return file.text();
  return String(form.get(textField) ?? "");
}

export async function importModelCardAction(systemId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const componentId = String(form.get("componentId") ?? "") || undefined;
  try {
    const text = await fileOrText(form, "file", "card");
    const result = await importModelCard({ ctx: await requireActionCtx(), input: { systemId, componentId, text } });
    revalidatePath(`/systems/${systemId}`, "layout");
    return {
      status: "success",
      message: `${result.created ? "Created" : "Updated"} the model component “${result.componentName}”.`,
      data: { result: JSON.stringify(result) },
    };
  } catch (error) {
    return toActionState(error, { componentId });
  }
}

export async function importBomAction(systemId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const text = await fileOrText(form, "file", "bom");
    const result = await importBom({ ctx: await requireActionCtx(), input: { systemId, text } });
    revalidatePath(`/systems/${systemId}`, "layout");
    return {
      status: "success",
      message: `Imported: ${result.created.length} created, ${result.updated.length} updated, ${result.unchanged} unchanged, ${result.skipped.length} skipped.`,
      data: { result: JSON.stringify(result) },
    };
  } catch (error) {
    return toActionState(error);
  }
}

export async function verifyComponentHashAction(systemId: string, componentId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const check = { sha256: String(form.get("sha256") ?? ""), source: String(form.get("source") ?? "stated") };
  try {
    const result = await verifyComponentHash({ ctx: await requireActionCtx(), input: { id: componentId, systemId, check } });
    revalidatePath(`/systems/${systemId}`, "layout");
    return result.result === "match"
      ? { status: "success", message: "Match: the artefact's SHA-256 is the recorded one. Recorded in the audit trail.", data: { result: "match" } }
      : {
          status: "error",
          message: `Mismatch: the artefact's SHA-256 (${result.checked.slice(0, 12)}…) is not the recorded one (${result.recorded.slice(0, 12)}…). Recorded in the audit trail.`,
          data: { result: "mismatch" },
        };
  } catch (error) {
    return toActionState(error, check);
  }
}
