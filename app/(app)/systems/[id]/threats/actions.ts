"use server";

import { revalidatePath } from "next/cache";
import { requireActionCtx } from "@/lib/web/action-session";
import { toActionState, type ActionState } from "@/lib/web/action-state";
import { addThreatProfileEntries } from "@/lib/threats/add-threat-profile-entries";
import { removeThreatProfileEntry } from "@/lib/threats/remove-threat-profile-entry";
import { importNavigatorLayer } from "@/lib/threats/import-navigator-layer";

// Thin adapters: session → one domain verb → form state. Permission checks happen in the verbs.

// the whole multipart body must fit Next's 1 MB server-action limit (next.config.ts keeps the default)
const MAX_LAYER_BYTES = 960 * 1024;

/** The verb names `entries.<n>.<field>`; the form names its fields `<field>:<techniqueId>`. */
function byTechnique(state: ActionState, techniqueIds: string[]): ActionState {
  if (!state.fieldErrors) return state;
  const fieldErrors: Record<string, string> = {};
  for (const [path, message] of Object.entries(state.fieldErrors)) {
    const match = path.match(/^entries\.(\d+)\.(\w+)$/);
    const id = match ? techniqueIds[Number(match[1])] : undefined;
    fieldErrors[id ? `${match![2]}:${id}` : path] = message;
  }
  return { ...state, fieldErrors };
}

export async function addSuggestedThreatsAction(systemId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const techniqueIds = form.getAll("techniqueId").map(String);
  const values = Object.fromEntries([...form.keys()].filter((k) => k.startsWith("rationale:")).map((k) => [k, String(form.get(k) ?? "")]));
  const entries = techniqueIds.map((techniqueId) => ({ techniqueId, rationale: String(form.get(`rationale:${techniqueId}`) ?? "") }));
  if (entries.length === 0) return { status: "error", message: "Tick at least one suggestion to add.", values: { ...values, techniqueId: techniqueIds } };
  try {
    await addThreatProfileEntries({ ctx: await requireActionCtx(), input: { systemId, source: "suggested", entries } });
  } catch (error) {
    return byTechnique(toActionState(error, { ...values, techniqueId: techniqueIds }), techniqueIds);
  }
  revalidatePath(`/systems/${systemId}/threats`);
  return { status: "success", message: `Added ${entries.length} technique${entries.length === 1 ? "" : "s"} to the threat profile.` };
}

export async function addManualThreatAction(systemId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const values = { techniqueId: String(form.get("techniqueId") ?? ""), rationale: String(form.get("rationale") ?? "") };
  try {
    await addThreatProfileEntries({ ctx: await requireActionCtx(), input: { systemId, source: "manual", entries: [values] } });
  } catch (error) {
    const state = toActionState(error, values);
    const fieldErrors = Object.fromEntries(Object.entries(state.fieldErrors ?? {}).map(([path, message]) => [path.replace(/^entries\.0\./, ""), message]));
    return { ...state, fieldErrors };
  }
  revalidatePath(`/systems/${systemId}/threats`);
  return { status: "success", message: `Added ${values.techniqueId} to the threat profile.` };
}

export async function removeThreatAction(systemId: string, techniqueId: string, _prev: ActionState): Promise<ActionState> {
  try {
    await removeThreatProfileEntry({ ctx: await requireActionCtx(), input: { systemId, techniqueId } });
  } catch (error) {
    return toActionState(error);
  }
  revalidatePath(`/systems/${systemId}/threats`);
  return { status: "success", message: `Removed ${techniqueId}.` };
}

export async function importLayerAction(systemId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const file = form.get("layer");
  const rationale = String(form.get("rationale") ?? "").trim();
  const values = { rationale };
  if (!(file instanceof File) || file.size === 0)
    return { status: "error", message: "Choose a layer file (.json) exported from ATLAS Navigator.", fieldErrors: { layer: "Choose a file" }, values };
  if (file.size > MAX_LAYER_BYTES)
    return { status: "error", message: "The layer file is larger than 960 KB.", fieldErrors: { layer: "At most 960 KB" }, values };
  let layer: unknown;
  try {
    layer = JSON.parse(await file.text());
  } catch {
    return {
      status: "error",
      message: "The file is not valid JSON; export the layer from ATLAS Navigator with “Download layer as JSON”.",
      fieldErrors: { layer: "Not a JSON file" },
      values,
    };
  }
  try {
    const result = await importNavigatorLayer({ ctx: await requireActionCtx(), input: { systemId, layer, rationale: rationale || undefined } });
    revalidatePath(`/systems/${systemId}/threats`);
    const present = result.skipped.filter((s) => s.reason === "already_in_profile").map((s) => s.techniqueId);
    const disabled = result.skipped.filter((s) => s.reason === "disabled").map((s) => s.techniqueId);
    const parts = [
      result.added.length > 0 ? `Added ${result.added.map((a) => a.techniqueId).join(", ")}.` : "Nothing new to add.",
      present.length > 0 ? `Already in the profile: ${present.join(", ")}.` : "",
      disabled.length > 0 ? `Disabled in the layer, not imported: ${disabled.join(", ")}.` : "",
    ];
    return { status: "success", message: parts.filter(Boolean).join(" ") };
  } catch (error) {
    return toActionState(error, values);
  }
}
