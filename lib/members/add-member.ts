import { withTransaction } from "@/lib/db/with-transaction";
import { assertCan } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { parseInput, type Unparsed } from "@/lib/validation/parse-input";
import { hashPassword } from "@/lib/auth/hash-password";
import { generatePassword } from "@/lib/auth/generate-password";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";
import { addMemberSchema, type AddMemberInput } from "./schemas";

/**
 * Adds a person to the organisation directly: only for the system actor (the demo seed and CLIs).
 * An existing account is linked; otherwise an account is created with a one-time password that is
 * returned once and never stored in clear. Members and API tokens cannot call it: people join
 * through an invitation (lib/invitations), so no admin learns a password or links an account that
 * belongs to someone in another organisation.
 */
export async function addMember({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: Unparsed<AddMemberInput>;
}): Promise<{ userId: string; initialPassword: string | null }> {
  assertCan(ctx, "member:manage");
  if (ctx.actor.type !== "system") throw new AppError("FORBIDDEN", "People join through an invitation: invite them instead.");
  const data = parseInput(addMemberSchema, input);
  const initialPassword = generatePassword();
  const passwordHash = await hashPassword(initialPassword);
  return withTransaction(ctx, async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: data.email }, select: { id: true } });
    const user = existing ?? (await tx.user.create({ data: { email: data.email, name: data.name, passwordHash }, select: { id: true } }));
    const already = await tx.membership.findFirst({ where: { orgId: ctx.orgId, userId: user.id }, select: { id: true } });
    if (already) throw new AppError("CONFLICT", "This person is already a member.", [{ path: "email", message: "Already a member of this organisation" }]);
    await tx.membership.create({ data: { orgId: ctx.orgId, userId: user.id, role: data.role }, select: { id: true } });
    await recordAudit(tx, ctx, {
      action: "member.add",
      entityType: "member",
      entityId: user.id,
      changes: { email: { before: null, after: data.email }, role: { before: null, after: data.role }, accountCreated: { before: null, after: !existing } },
    });
    return { userId: user.id, initialPassword: existing ? null : initialPassword };
  });
}
