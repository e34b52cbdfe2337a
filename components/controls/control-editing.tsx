"use client";

import { createContext, useCallback, useContext, useSyncExternalStore, type ReactNode, type RefObject } from "react";
import type { ActionState } from "@/lib/web/action-state";
import type { SystemControlView } from "@/lib/controls/schemas";
import { ControlStatusForm } from "./control-status-form";
import { LinkEvidenceForm } from "./link-evidence-form";

// Editing a system's controls. The page has one form per control, but only the one being edited exists:
// the members (owner picker), the system's evidence (attach picker) and the two actions are handed to the
// page once through this context, and a control's forms are rendered only while its <details> is open.
// (Rendering every control's forms with every member made the page about 1.1 MB; docs/benchmarks.md.)

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;
type Editing = {
  members: readonly { id: string; name: string }[];
  evidence: readonly { id: string; title: string }[];
  updateAction: Action;
  linkAction: Action;
};

const ControlEditingContext = createContext<Editing | null>(null);

/** Wraps the controls of a system the member may edit; without it the controls are read-only. */
export function ControlEditingProvider({ children, ...editing }: Editing & { children: ReactNode }) {
  return (
    <ControlEditingContext.Provider value={editing}>
      <noscript>
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Changing a control&apos;s status, owner or review date needs JavaScript (the form opens with the control); evidence can be added without it.
        </p>
      </noscript>
      {children}
    </ControlEditingContext.Provider>
  );
}

/** Whether the <details> behind `ref` is open; also right after hydration if it was opened before. */
export function useDetailsOpen(ref: RefObject<HTMLDetailsElement | null>): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const el = ref.current;
      el?.addEventListener("toggle", onChange);
      return () => el?.removeEventListener("toggle", onChange);
    },
    [ref],
  );
  return useSyncExternalStore(
    subscribe,
    () => ref.current?.open ?? false,
    () => false,
  );
}

type EditableControl = Pick<SystemControlView, "framework" | "controlId" | "status" | "justification" | "ownerId" | "reviewDate" | "version">;

/** The attach-evidence and status forms of one control (nothing outside a ControlEditingProvider). */
export function ControlEditor({ control, directEvidenceIds }: { control: EditableControl; directEvidenceIds: readonly string[] }) {
  const editing = useContext(ControlEditingContext);
  if (!editing) return null;
  const direct = new Set(directEvidenceIds);
  return (
    <>
      <LinkEvidenceForm
        action={editing.linkAction}
        framework={control.framework}
        controlId={control.controlId}
        options={editing.evidence.filter((e) => !direct.has(e.id))}
      />
      <ControlStatusForm action={editing.updateAction} members={editing.members} control={control} />
    </>
  );
}
