"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requireActionCtx } from "@/lib/web/action-session";
import { toActionState, type ActionState } from "@/lib/web/action-state";
import { systemFormInput } from "@/lib/web/forms/system-form-input";
import { createSystem } from "@/lib/systems/create-system";
import { updateSystem } from "@/lib/systems/update-system";
import { archiveSystem } from "@/lib/systems/archive-system";
import { restoreSystem } from "@/lib/systems/restore-system";
import { createComponent } from "@/lib/components/create-component";
import { deleteComponent } from "@/lib/components/delete-component";
import { updateComponent } from "@/lib/components/update-component";
import { COMPONENT_FIELDS } from "@/lib/components/schemas";

// Thin adapters: session → one domain verb → form state. Permission checks happen in the verbs.

function componentFormInput(form: FormData) {
  return Object.fromEntries(COMPONENT_FIELDS.map((k) => [k, String(form.get(k) ?? "")]));
}

export async function createSystemAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = systemFormInput(form);
  let id: string;
  try {
    id = (await createSystem({ ctx: await requireActionCtx(), input })).id;
  } catch (error) {
    return toActionState(error, input);
  }
  redirect(`/systems/${id}`);
}

export async function updateSystemAction(id: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const input = systemFormInput(form);
  try {
    await updateSystem({ ctx: await requireActionCtx(), input: { id, patch: { ...input, version: Number(form.get("version")) } } });
  } catch (error) {
    return toActionState(error, input);
  }
  redirect(`/systems/${id}`);
}

export async function setArchivedAction(id: string, archived: boolean, _prev: ActionState): Promise<ActionState> {
  try {
    await (archived ? archiveSystem : restoreSystem)({ ctx: await requireActionCtx(), input: { id } });
  } catch (error) {
    return toActionState(error);
  }
  revalidatePath(`/systems/${id}`);
  return { status: "success", message: archived ? "Archived." : "Restored." };
}

export async function createComponentAction(systemId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const component = componentFormInput(form);
  try {
    await createComponent({ ctx: await requireActionCtx(), input: { systemId, component } });
  } catch (error) {
    return toActionState(error, component);
  }
  revalidatePath(`/systems/${systemId}`);
  return { status: "success", message: "Component added." };
}

export async function updateComponentAction(systemId: string, componentId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const component = componentFormInput(form);
  try {
    await updateComponent({ ctx: await requireActionCtx(), input: { id: componentId, component } });
  } catch (error) {
    return toActionState(error, component);
  }
  redirect(`/systems/${systemId}`);
}

export async function deleteComponentAction(systemId: string, componentId: string, _prev: ActionState): Promise<ActionState> {
  try {
    await deleteComponent({ ctx: await requireActionCtx(), input: { id: componentId } });
  } catch (error) {
    return toActionState(error);
  }
  revalidatePath(`/systems/${systemId}`);
  return { status: "success", message: "Component removed." };
}
