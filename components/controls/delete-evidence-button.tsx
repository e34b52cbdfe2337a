"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/web/action-state";

export function DeleteEvidenceButton({ action, title }: { action: (prev: ActionState) => Promise<ActionState>; title: string }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (!window.confirm(`Delete the evidence "${title}"? It is removed from every control it is attached to.`)) e.preventDefault();
      }}
    >
      <button type="submit" disabled={pending} aria-label={`Delete ${title}`} className="text-xs text-red-700 hover:underline">
        Delete
      </button>
      {state.status === "error" && (
        <span className="ml-2 text-xs text-red-700" role="alert">
          {state.message}
        </span>
      )}
    </form>
  );
}
