"use server";

import { revalidatePath } from "next/cache";
import { getSessionContext } from "@/lib/auth/get-session-context";
import { toActionState, type ActionState } from "@/lib/web/action-state";
import { riskMatrixFormInput } from "@/lib/web/forms/risk-matrix-form-input";
import { updateRiskMatrix } from "@/lib/risks/update-risk-matrix";
import { AppError } from "@/lib/errors";

export async function updateRiskMatrixAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = riskMatrixFormInput(form);
  try {
    const session = await getSessionContext();
    if (!session) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
    await updateRiskMatrix({ ctx: session.ctx, input: input as never });
  } catch (error) {
    return toActionState(error, input);
  }
  revalidatePath("/settings/risk-matrix");
  return { status: "success", message: "Matrix saved. Every risk is scored with the new levels." };
}
