import { requirePageSession } from "@/lib/web/page-session";
import { can } from "@/lib/auth/permissions";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { SidebarNav } from "@/components/layout/sidebar-nav";
import { OrgSwitcher } from "@/components/layout/org-switcher";

// The role-dependent parts of the app shell (the data side; components/layout renders them). Layouts are kept across client navigations (Next renders
// only the segments below them), so these are rendered by the parallel route slots @nav and @account of
// app/(app)/layout.tsx, whose catch-all pages render again on every navigation with the role read on
// that request: a role changed by an admin shows on the member's next click, not after a full reload.

/** The sidebar: sections (Audit only for roles that may read it) and the organisation switcher. */
export async function SessionNav({ switchOrgAction }: { switchOrgAction: (formData: FormData) => Promise<void> }) {
  const session = await requirePageSession();
  return (
    <SidebarNav canReadAudit={can(session.ctx.actor, "audit:read")}>
      <OrgSwitcher memberships={session.memberships} activeOrgId={session.active.orgId} switchAction={switchOrgAction} />
    </SidebarNav>
  );
}

/** "Name · Role" in the header, and the demo-data marker of the active organisation. */
export async function SessionAccount() {
  const { user, active } = await requirePageSession();
  return (
    <>
      {active.isDemo && <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800">Demo data</span>}
      <span className="text-slate-600" data-testid="current-role" data-role={active.role}>
        <span data-testid="current-user" className="font-medium text-slate-900">
          {user.name}
        </span>{" "}
        · {ROLE_LABELS[active.role]}
      </span>
    </>
  );
}
