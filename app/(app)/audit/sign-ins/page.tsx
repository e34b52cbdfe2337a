import type { Metadata } from "next";
import Link from "next/link";
import { requirePageSession } from "@/lib/web/page-session";
import { can } from "@/lib/auth/permissions";
import { listSignInEvents } from "@/lib/security-log/list-sign-in-events";
import { listSignInEventsSchema } from "@/lib/security-log/schemas";
import { PageHeader } from "@/components/ui/page-header";
import { Forbidden } from "@/components/ui/forbidden";
import { SignInTable } from "@/components/audit/sign-in-table";

export const metadata: Metadata = { title: "Sign-in log" };

export default async function SignInLogPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const session = await requirePageSession();
  if (!can(session.ctx.actor, "audit:read")) return <Forbidden what="read the sign-in log" />;
  const params = await searchParams;
  // a hand-edited query string falls back to the first page instead of an error
  const query = listSignInEventsSchema.safeParse({ before: params.before, outcome: params.outcome });
  const list = await listSignInEvents({ ctx: session.ctx, input: query.success ? query.data : {} });
  return (
    <>
      <PageHeader
        title="Sign-in log"
        description="Every sign-in attempt of this organisation's members: successes, wrong passwords, refused single sign-ons, and attempts refused while a back-off was in force."
        actions={
          <Link href="/audit" className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50">
            Audit trail
          </Link>
        }
      />
      <SignInTable items={list.items} />
      {list.next && (
        <Link href={`/audit/sign-ins?before=${encodeURIComponent(list.next)}`} className="mt-4 inline-block text-sm underline">
          Older attempts
        </Link>
      )}
    </>
  );
}
