import { SignOutButton } from "./sign-out-button";

type Props = {
  /** The sidebar (sections and organisation switcher), rendered per navigation by the layout's @nav slot. */
  nav: React.ReactNode;
  /** "Name · Role" and the demo marker, rendered per navigation by the layout's @account slot. */
  account: React.ReactNode;
  children: React.ReactNode;
};

export function AppShell({ nav, account, children }: Props) {
  return (
    <div className="min-h-screen md:flex">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      {nav}
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
          {account}
          <SignOutButton />
        </header>
        <main id="main" className="min-w-0 flex-1 px-4 py-6 md:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
