"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/web/action-state";

export function DeleteRiskButton({ action }: { action: (prev: ActionState) => Promise<ActionState> }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (!window.confirm("Delete this risk? The audit trail keeps a record of it.")) e.preventDefault();
      }}
    >
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-red-300 bg-white px-3 py-2 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-60"
      >
        Delete risk
      </button>
      {state.status === "error" && (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {state.message}
        </p>
      )}
    </form>
  );
}
