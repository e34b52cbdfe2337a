import { AppShell } from "@/components/layout/app-shell";
import { requirePageSession } from "@/lib/web/page-session";

// Every page below renders per request for the signed-in member (roles are read from the DB each time).
export const dynamic = "force-dynamic";

// The role-dependent parts (sidebar sections, "name · role") come from the slots @nav and @account, which
// render again on every navigation; this layout itself is kept across client navigations (session-chrome.tsx).
export default async function AppLayout({ children, nav, account }: { children: React.ReactNode; nav: React.ReactNode; account: React.ReactNode }) {
  await requirePageSession();
  return (
    <AppShell nav={nav} account={account}>
      {children}
    </AppShell>
  );
}
