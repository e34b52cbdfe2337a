"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requireActionCtx } from "@/lib/web/action-session";
import { toActionState, type ActionState } from "@/lib/web/action-state";
import { riskFormInput } from "@/lib/web/forms/risk-form-input";
import { createRisk } from "@/lib/risks/create-risk";
import { updateRisk } from "@/lib/risks/update-risk";
import { acceptRisk } from "@/lib/risks/accept-risk";
import { deleteRisk } from "@/lib/risks/delete-risk";

// Thin adapters: session → one domain verb → form state. Permission checks happen in the verbs.

export async function createRiskAction(systemId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const input = riskFormInput(form);
  let id: string;
  try {
    id = (await createRisk({ ctx: await requireActionCtx(), input: { systemId, risk: input } })).id;
  } catch (error) {
    return toActionState(error, input);
  }
  revalidatePath(`/systems/${systemId}/risks`);
  redirect(`/risks/${id}`);
}

export async function updateRiskAction(riskId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const input = riskFormInput(form);
  try {
    await updateRisk({ ctx: await requireActionCtx(), input: { id: riskId, patch: { ...input, version: Number(form.get("version")) } } });
  } catch (error) {
    return toActionState(error, input);
  }
  revalidatePath(`/risks/${riskId}`);
  return { status: "success", message: "Saved." };
}

export async function acceptRiskAction(riskId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const values = { approverId: String(form.get("approverId") ?? ""), reason: String(form.get("reason") ?? "") };
  try {
    await acceptRisk({ ctx: await requireActionCtx(), input: { id: riskId, ...values, version: Number(form.get("version")) } });
  } catch (error) {
    return toActionState(error, values);
  }
  revalidatePath(`/risks/${riskId}`);
  return { status: "success", message: "Risk accepted." };
}

export async function deleteRiskAction(riskId: string, _prev: ActionState): Promise<ActionState> {
  let systemId: string;
  try {
    systemId = (await deleteRisk({ ctx: await requireActionCtx(), input: { id: riskId } })).systemId;
  } catch (error) {
    return toActionState(error);
  }
  redirect(`/systems/${systemId}/risks`);
}
