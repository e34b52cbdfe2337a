"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requireActionCtx } from "@/lib/web/action-session";
import { toActionState, type ActionState } from "@/lib/web/action-state";
import { updateFindingStatus } from "@/lib/findings/update-finding-status";
import { linkFindingToRisk } from "@/lib/findings/link-finding-to-risk";
import { createRiskFromFinding } from "@/lib/risks/create-risk-from-finding";
import { saveTestMapping } from "@/lib/findings/save-test-mapping";

// Thin adapters: session → one domain verb → form state. Permission checks happen in the verbs.

const text = (form: FormData, name: string) => String(form.get(name) ?? "");
/** "AML.T0051, AML.T0054" or one per line → the list the schema checks id by id. */
const idList = (form: FormData, name: string) =>
  text(form, name)
    .split(/[\s,;]+/)
    .filter(Boolean);

export async function updateFindingStatusAction(findingId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const values = { status: text(form, "status"), reason: text(form, "reason") };
  try {
    await updateFindingStatus({ ctx: await requireActionCtx(), input: { findingId, ...values, version: text(form, "version") } });
  } catch (error) {
    return toActionState(error, values);
  }
  revalidatePath(`/findings/${findingId}`);
  return { status: "success", message: "Status saved." };
}

export async function linkFindingToRiskAction(findingId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const riskId = text(form, "riskId");
  try {
    await linkFindingToRisk({ ctx: await requireActionCtx(), input: { findingId, riskId: riskId || null, version: text(form, "version") } });
  } catch (error) {
    return toActionState(error, { riskId });
  }
  revalidatePath(`/findings/${findingId}`);
  return { status: "success", message: riskId ? "Linked to the risk." : "Link removed." };
}

export async function createRiskFromFindingAction(findingId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const values = { title: text(form, "title"), inherentLikelihood: text(form, "inherentLikelihood"), inherentImpact: text(form, "inherentImpact") };
  let riskId: string;
  try {
    const created = await createRiskFromFinding({
      ctx: await requireActionCtx(),
      input: {
        findingId,
        version: text(form, "version"),
        title: values.title || undefined,
        inherentLikelihood: values.inherentLikelihood || undefined,
        inherentImpact: values.inherentImpact || undefined,
      },
    });
    riskId = created.id;
  } catch (error) {
    return toActionState(error, values);
  }
  revalidatePath(`/findings/${findingId}`);
  redirect(`/risks/${encodeURIComponent(riskId)}`);
}

export async function saveTestMappingAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  // techniques typed into one field; OWASP items ticked (one checkbox each)
  const owaspIds = form.getAll("owaspIds").map(String);
  const values = {
    tool: text(form, "tool"),
    testId: text(form, "testId"),
    techniqueIds: text(form, "techniqueIds"),
    owaspIds: owaspIds.join(","),
    note: text(form, "note"),
  };
  let remapped: number;
  try {
    ({ remappedFindings: remapped } = await saveTestMapping({
      ctx: await requireActionCtx(),
      input: { tool: values.tool, testId: values.testId, techniqueIds: idList(form, "techniqueIds"), owaspIds, note: values.note },
    }));
  } catch (error) {
    return toActionState(error, values);
  }
  revalidatePath("/findings/mappings");
  revalidatePath("/findings", "layout");
  return { status: "success", message: `Mapping saved for ${values.tool} ${values.testId}; ${remapped} finding${remapped === 1 ? "" : "s"} updated.` };
}
