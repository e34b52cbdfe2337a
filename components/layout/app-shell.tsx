import type { SessionMembership } from "@/lib/auth/get-session-context";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { SidebarNav } from "./sidebar-nav";
import { OrgSwitcher } from "./org-switcher";
import { SignOutButton } from "./sign-out-button";

type Props = {
  user: { name: string; email: string };
  memberships: SessionMembership[];
  active: SessionMembership;
  canReadAudit: boolean;
  switchOrgAction: (formData: FormData) => Promise<void>;
  children: React.ReactNode;
};

export function AppShell({ user, memberships, active, canReadAudit, switchOrgAction, children }: Props) {
  return (
    <div className="min-h-screen md:flex">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <SidebarNav canReadAudit={canReadAudit}>
        <OrgSwitcher memberships={memberships} activeOrgId={active.orgId} switchAction={switchOrgAction} />
      </SidebarNav>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center justify-end gap-4 border-b border-slate-200 bg-white px-6 py-3 text-sm">
          <form action="/search" method="get" role="search" className="mr-auto">
            <label htmlFor="header-search" className="sr-only">
              Search catalogs
            </label>
            <input
              id="header-search"
              name="q"
              type="search"
              placeholder="Search ATLAS, OWASP, ISO 42001, AI Act, NIST…"
              className="w-72 rounded-md border border-slate-300 px-3 py-1.5 text-sm"
            />
          </form>
          {active.isDemo && <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800">Demo data</span>}
          <span className="text-slate-600">
            <span data-testid="current-user" className="font-medium text-slate-900">
              {user.name}
            </span>{" "}
            · {ROLE_LABELS[active.role]}
          </span>
          <SignOutButton />
        </header>
        <main id="main" className="flex-1 px-4 py-6 md:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
