"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/web/action-state";

export function ArchiveButton({ action, archived }: { action: (prev: ActionState) => Promise<ActionState>; archived: boolean }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (!archived && !confirm("Archive this AI system? It leaves the active inventory but keeps its history; you can restore it.")) e.preventDefault();
      }}
    >
      <button type="submit" disabled={pending} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50">
        {archived ? "Restore" : "Archive"}
      </button>
      {state.status === "error" && <p className="mt-1 text-xs text-red-700">{state.message}</p>}
    </form>
  );
}
