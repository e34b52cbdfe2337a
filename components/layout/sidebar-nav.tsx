"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { NAV_ITEMS } from "./nav-items";

function isActive(pathname: string, href: string) {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

export function SidebarNav({ canReadAudit, children }: { canReadAudit: boolean; children: React.ReactNode }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const items = NAV_ITEMS.filter((item) => !("needsAudit" in item) || canReadAudit);
  return (
    <aside className="border-b border-slate-200 bg-slate-900 text-slate-100 md:min-h-screen md:w-60 md:shrink-0 md:border-b-0">
      <div className="flex items-center justify-between px-4 py-4">
        <Link href="/" className="text-base font-semibold tracking-tight">
          AI Governance
        </Link>
        <button
          type="button"
          className="rounded px-2 py-1 text-sm ring-1 ring-slate-600 md:hidden"
          aria-expanded={open}
          aria-controls="sidebar-links"
          onClick={() => setOpen((v) => !v)}
        >
          Menu
        </button>
      </div>
      <div id="sidebar-links" className={`${open ? "block" : "hidden"} px-3 pb-4 md:block`}>
        {children}
        <nav aria-label="Sections" className="mt-4">
          <ul className="space-y-0.5">
            {items.map((item) => {
              const active = isActive(pathname, item.href);
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={active ? "page" : undefined}
                    onClick={() => setOpen(false)}
                    className={`flex items-center justify-between rounded-md px-3 py-2 text-sm ${active ? "bg-slate-700 font-medium text-white" : "text-slate-300 hover:bg-slate-800 hover:text-white"}`}
                  >
                    {item.label}
                    {!item.available && <span className="rounded bg-slate-700 px-1.5 text-[10px] uppercase tracking-wide text-slate-300">coming</span>}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      </div>
    </aside>
  );
}
