"use server";

import { revalidatePath } from "next/cache";
import { requireActionCtx } from "@/lib/web/action-session";
import { toActionState, type ActionState } from "@/lib/web/action-state";
import { updateSystemControl } from "@/lib/controls/update-system-control";
import { linkEvidence } from "@/lib/evidence/link-evidence";
import { deleteEvidence } from "@/lib/evidence/delete-evidence";

// Thin adapters: session → one domain verb → form state. Permission checks happen in the verbs.
// Evidence uploads do not: they post to ./evidence/route.ts (files of up to 10 MB exceed the 1 MB
// server-action body limit).

const text = (form: FormData, key: string) => String(form.get(key) ?? "");

export async function updateControlAction(systemId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const values = {
    framework: text(form, "framework"),
    controlId: text(form, "controlId"),
    status: text(form, "status"),
    justification: text(form, "justification"),
    ownerId: text(form, "ownerId"),
    reviewDate: text(form, "reviewDate"),
    version: text(form, "version"),
  };
  try {
    await updateSystemControl({
      ctx: await requireActionCtx(),
      input: {
        systemId,
        framework: values.framework,
        controlId: values.controlId,
        status: values.status,
        justification: values.justification,
        ownerId: values.ownerId || null,
        reviewDate: values.reviewDate || null,
        version: values.version ? Number(values.version) : null,
      },
    });
  } catch (error) {
    return toActionState(error, values);
  }
  revalidatePath(`/systems/${systemId}/controls`);
  return { status: "success", message: "Saved." };
}

export async function linkEvidenceAction(systemId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const values = { evidenceId: text(form, "evidenceId"), framework: text(form, "framework"), controlId: text(form, "controlId") };
  try {
    await linkEvidence({ ctx: await requireActionCtx(), input: values });
  } catch (error) {
    return toActionState(error, values);
  }
  revalidatePath(`/systems/${systemId}/controls`);
  return { status: "success", message: "Attached." };
}

export async function deleteEvidenceAction(systemId: string, evidenceId: string, _prev: ActionState): Promise<ActionState> {
  try {
    await deleteEvidence({ ctx: await requireActionCtx(), input: { evidenceId } });
  } catch (error) {
    return toActionState(error);
  }
  revalidatePath(`/systems/${systemId}/controls`);
  return { status: "success", message: "Evidence deleted." };
}
