"use server";

import { revalidatePath } from "next/cache";
import { requireActionCtx } from "@/lib/web/action-session";
import { toActionState, type ActionState } from "@/lib/web/action-state";
import { riskMatrixFormInput } from "@/lib/web/forms/risk-matrix-form-input";
import { updateRiskMatrix } from "@/lib/risks/update-risk-matrix";

export async function updateRiskMatrixAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = riskMatrixFormInput(form);
  try {
    await updateRiskMatrix({ ctx: await requireActionCtx(), input });
  } catch (error) {
    return toActionState(error, input);
  }
  revalidatePath("/settings/risk-matrix");
  return { status: "success", message: "Matrix saved. Every risk is scored with the new levels." };
}
