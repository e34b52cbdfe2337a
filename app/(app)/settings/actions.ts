"use server";

import { revalidatePath } from "next/cache";
import { requireActionCtx } from "@/lib/web/action-session";
import { toActionState, type ActionState } from "@/lib/web/action-state";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { removeMember } from "@/lib/members/remove-member";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";

async function run(fn: () => Promise<ActionState>, values?: Record<string, unknown>): Promise<ActionState> {
  try {
    const state = await fn();
    revalidatePath("/settings");
    return state;
  } catch (error) {
    return toActionState(error, values);
  }
}

export async function changeRoleAction(userId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  return run(async () => {
    await changeMemberRole({ ctx: await requireActionCtx(), input: { userId, role: String(form.get("role") ?? "") } });
    return { status: "success", message: "Role changed." };
  });
}

export async function removeMemberAction(userId: string, _prev: ActionState): Promise<ActionState> {
  return run(async () => {
    await removeMember({ ctx: await requireActionCtx(), input: { userId } });
    return { status: "success", message: "Member removed." };
  });
}

export async function createTokenAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = { name: String(form.get("name") ?? ""), scopes: form.getAll("scopes").map(String) };
  return run(async () => {
    const { secret } = await createApiToken({ ctx: await requireActionCtx(), input });
    return { status: "success", message: "Token created. Copy it now: it is shown only once.", data: { secret } };
  }, input);
}

export async function revokeTokenAction(id: string, _prev: ActionState): Promise<ActionState> {
  return run(async () => {
    await revokeApiToken({ ctx: await requireActionCtx(), input: { id } });
    return { status: "success", message: "Token revoked." };
  });
}
