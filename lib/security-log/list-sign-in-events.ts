import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation/parse-input";
import type { ServiceContext } from "@/lib/context";
import { listSignInEventsSchema, type ListSignInEventsInput } from "./schemas";

export type SignInEventRow = {
  id: string;
  at: string;
  email: string;
  userName: string | null;
  ip: string;
  method: string;
  outcome: "pending" | "success" | "failure" | "throttled";
  detail: string;
};

/**
 * The security log: sign-in successes, failures and throttled attempts (password and single sign-on)
 * of the accounts that are members of this organisation, newest first. Attempts for addresses with
 * no account belong to no organisation and are not shown here.
 */
export async function listSignInEvents({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ListSignInEventsInput;
}): Promise<{ items: SignInEventRow[]; next: string | null }> {
  assertCan(ctx, "audit:read");
  const data = parseInput(listSignInEventsSchema, input);
  const client = ctx.tx ?? db;
  const members = await client.membership.findMany({ where: { orgId: ctx.orgId }, select: { userId: true, user: { select: { name: true } } } });
  const names = new Map(members.map((m) => [m.userId, m.user.name]));
  const rows = await client.loginAttempt.findMany({
    where: {
      userId: { in: [...names.keys()] },
      ...(data.outcome ? { outcome: data.outcome } : {}),
      ...(data.before ? { createdAt: { lt: new Date(data.before) } } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: data.limit + 1,
    select: { id: true, createdAt: true, email: true, userId: true, ip: true, method: true, outcome: true, detail: true },
  });
  const page = rows.slice(0, data.limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      at: r.createdAt.toISOString(),
      email: r.email,
      userName: (r.userId && names.get(r.userId)) ?? null,
      ip: r.ip,
      method: r.method,
      outcome: r.outcome,
      detail: r.detail,
    })),
    next: rows.length > data.limit ? page[page.length - 1].createdAt.toISOString() : null,
  };
}
