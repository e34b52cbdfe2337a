import { redirect } from "next/navigation";
import { AppShell } from "@/components/layout/app-shell";
import { getSessionContext } from "@/lib/auth/get-session-context";
import { can } from "@/lib/auth/permissions";
import { switchOrganizationAction } from "./org-actions";

// Every page below renders per request for the signed-in member (roles are read from the DB each time).
export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const session = await getSessionContext();
  if (!session) redirect("/login");
  return (
    <AppShell
      user={session.user}
      memberships={session.memberships}
      active={session.active}
      canReadAudit={can(session.ctx.actor, "audit:read")}
      switchOrgAction={switchOrganizationAction}
    >
      {children}
    </AppShell>
  );
}
