"use client";

import Link from "next/link";
import { useActionState } from "react";
import type { ActionState } from "@/lib/web/action-state";
import { TextField } from "@/components/ui/form-fields";

type Props = {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  /** signed out, no account yet: the person chooses a name and password */
  newAccount: { email: string; name: string } | null;
};

export function AcceptInvitationForm({ action, newAccount }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  if (state.status === "success") {
    return (
      <div data-testid="invitation-accepted" role="status" className="mt-6 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
        {state.message}{" "}
        <Link href="/login" className="font-medium underline">
          Sign in
        </Link>
      </div>
    );
  }
  return (
    <form action={formAction} className="mt-6 space-y-4" noValidate>
      {newAccount && (
        <>
          <p className="text-sm text-slate-700">
            Your account will be <strong>{newAccount.email}</strong>. Choose a password of at least 12 characters; nobody else knows it.
          </p>
          <TextField name="name" label="Your name" defaultValue={String(state.values?.name ?? newAccount.name)} error={state.fieldErrors?.name} />
          <TextField name="password" label="Password" type="password" required error={state.fieldErrors?.password} />
          <TextField name="confirm" label="Password again" type="password" required error={state.fieldErrors?.confirm} />
        </>
      )}
      {state.status === "error" && state.message && (
        <p data-testid="invitation-error" role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.message}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {newAccount ? "Create account and join" : "Accept invitation"}
      </button>
    </form>
  );
}
