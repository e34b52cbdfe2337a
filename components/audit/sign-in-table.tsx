import type { SignInEventRow } from "@/lib/security-log/list-sign-in-events";
import { formatDateTime } from "@/lib/utils/format-date";

const OUTCOME_STYLE: Record<SignInEventRow["outcome"], string> = {
  success: "bg-emerald-50 text-emerald-900",
  failure: "bg-red-50 text-red-800",
  throttled: "bg-amber-50 text-amber-900",
  pending: "bg-slate-100 text-slate-700",
};

export function SignInTable({ items }: { items: SignInEventRow[] }) {
  if (items.length === 0) return <p className="text-sm text-slate-600">No sign-in attempts recorded for this organisation&apos;s members yet.</p>;
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid="sign-in-table">
        <caption className="sr-only">Sign-in attempts, newest first</caption>
        <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
          <tr>
            <th className="px-3 py-2">When</th>
            <th className="px-3 py-2">Account</th>
            <th className="px-3 py-2">Method</th>
            <th className="px-3 py-2">Outcome</th>
            <th className="px-3 py-2">Address</th>
            <th className="px-3 py-2">Detail</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((e) => (
            <tr key={e.id}>
              <td className="whitespace-nowrap px-3 py-1.5">{formatDateTime(e.at)}</td>
              <td className="px-3 py-1.5">
                {e.userName ?? ""} <span className="text-slate-500">{e.email}</span>
              </td>
              <td className="px-3 py-1.5">{e.method === "oidc" ? "single sign-on" : "password"}</td>
              <td className="px-3 py-1.5">
                <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${OUTCOME_STYLE[e.outcome]}`}>{e.outcome}</span>
              </td>
              <td className="px-3 py-1.5 font-mono text-xs">{e.ip}</td>
              <td className="px-3 py-1.5 text-xs text-slate-600">{e.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
