"use server";

import { revalidatePath } from "next/cache";
import { requireActionCtx } from "@/lib/web/action-session";
import { toActionState, type ActionState } from "@/lib/web/action-state";
import { proposeClassification } from "@/lib/classification/propose-classification";
import { decideClassification } from "@/lib/classification/decide-classification";
import { AppError } from "@/lib/errors";

/** The questionnaire posts its answers as one JSON field (built from the same question data). */
export async function proposeClassificationAction(systemId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const answers = JSON.parse(String(form.get("answers") ?? "{}"));
    await proposeClassification({ ctx: await requireActionCtx(), input: { systemId, answers } });
  } catch (error) {
    return toActionState(error instanceof SyntaxError ? new AppError("VALIDATION", "The answers could not be read.") : error);
  }
  revalidatePath(`/systems/${systemId}`);
  return { status: "success", message: "Proposal saved. Review it below and accept or override it." };
}

export async function decideClassificationAction(systemId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const decision =
    form.get("decision") === "overridden"
      ? {
          assessmentId: String(form.get("assessmentId")),
          decision: "overridden" as const,
          tier: String(form.get("tier") ?? ""),
          reason: String(form.get("reason") ?? ""),
        }
      : { assessmentId: String(form.get("assessmentId")), decision: "accepted" as const };
  try {
    await decideClassification({ ctx: await requireActionCtx(), input: { systemId, decision } });
  } catch (error) {
    return toActionState(error, decision);
  }
  revalidatePath(`/systems/${systemId}`);
  return { status: "success", message: "Decision recorded." };
}
