import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { getSessionContext } from "@/lib/auth/get-session-context";
import { isOidcConfigured } from "@/lib/auth/auth-options";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getSessionContext()) redirect(callbackUrl);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold">Sign in to AI Governance</h1>
        <p className="mt-1 text-sm text-slate-600">Inventory, classify and govern your AI systems.</p>
        <LoginForm callbackUrl={callbackUrl} initialError={params.error ?? null} showSso={isOidcConfigured()} />
      </div>
    </main>
  );
}
