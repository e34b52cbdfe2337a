import { cache } from "react";
import { cookies } from "next/headers";
import { getServerSession } from "next-auth";
import { db } from "@/lib/db/client";
import type { ServiceContext } from "@/lib/context";
import type { Role } from "./roles";
import { authOptions } from "./auth-options";

export const ACTIVE_ORG_COOKIE = "aigov-org";

export type SessionMembership = { orgId: string; orgName: string; role: Role; isDemo: boolean };
export type SessionContext = {
  user: { id: string; email: string; name: string };
  memberships: SessionMembership[];
  active: SessionMembership;
  ctx: ServiceContext;
};

/**
 * The signed-in user with memberships read from the database on every request, so removing a
 * member or changing a role takes effect at once. Returns null without a session, or when the
 * user belongs to no organisation any more. Cached per request.
 */
export const getSessionContext = cache(async (): Promise<SessionContext | null> => {
  const session = await getServerSession(authOptions);
  const userId = (session?.user as { id?: string } | undefined)?.id;
  if (!userId) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      memberships: { select: { orgId: true, role: true, org: { select: { name: true, isDemo: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!user || user.memberships.length === 0) return null;
  const memberships = user.memberships.map((m) => ({ orgId: m.orgId, orgName: m.org.name, role: m.role, isDemo: m.org.isDemo }));
  const wanted = (await cookies()).get(ACTIVE_ORG_COOKIE)?.value;
  const active = memberships.find((m) => m.orgId === wanted) ?? memberships[0];
  return {
    user: { id: user.id, email: user.email, name: user.name },
    memberships,
    active,
    ctx: { orgId: active.orgId, actor: { type: "user", userId: user.id, role: active.role, label: `${user.name} <${user.email}>` } },
  };
});
