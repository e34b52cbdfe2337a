import Link from "next/link";

const TONES = { warn: "text-orange-700", bad: "text-red-700" } as const;

export function StatCard({ label, value, href, tone }: { label: string; value: number; href?: string; tone?: keyof typeof TONES }) {
  const body = (
    <>
      <p className={`text-3xl font-semibold ${tone ? TONES[tone] : "text-slate-900"}`}>{value}</p>
      <p className="mt-1 text-sm text-slate-600">{label}</p>
    </>
  );
  const cls = "block rounded-xl border border-slate-200 bg-white p-4";
  return href ? (
    <Link href={href} className={`${cls} hover:border-brand-600`}>
      {body}
    </Link>
  ) : (
    <div className={cls}>{body}</div>
  );
}
