import Link from "next/link";

export function Forbidden({ what }: { what: string }) {
  return (
    <div className="rounded-xl border border-amber-200 bg-amber-50 p-6" data-testid="forbidden">
      <h1 className="text-lg font-semibold text-amber-900">Not allowed</h1>
      <p className="mt-1 text-sm text-amber-900">Your role does not allow you to {what}. Ask an admin if you need access.</p>
      <Link href="/" className="mt-3 inline-block text-sm underline">
        Back to the dashboard
      </Link>
    </div>
  );
}
