"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/web/action-state";
import type { SystemDetail } from "@/lib/systems/schemas";
import Link from "next/link";
import { COMPONENT_KIND_LABELS } from "@/components/labels";
import { ComponentForm } from "./component-form";
import { Card } from "@/components/ui/card";

type Props = {
  systemId: string;
  components: SystemDetail["components"];
  canEdit: boolean;
  addAction: (prev: ActionState, form: FormData) => Promise<ActionState>;
  deleteActions: Record<string, (prev: ActionState) => Promise<ActionState>>;
};

export function ComponentsPanel({ systemId, components, canEdit, addAction, deleteActions }: Props) {
  return (
    <Card as="section" aria-labelledby="components-h">
      <h2 id="components-h" className="text-base font-semibold">
        Components
      </h2>
      <p className="text-sm text-slate-600">Models, datasets and third-party services the system is built from.</p>
      {components.length === 0 ? (
        <p className="mt-3 text-sm text-slate-500">No components recorded yet.</p>
      ) : (
        <div className="mt-3 overflow-x-auto">
          <table className="min-w-full text-sm" data-testid="components-table">
            <thead className="text-left text-xs uppercase text-slate-500">
              <tr>
                <th className="py-1 pr-3">Kind</th>
                <th className="pr-3">Name</th>
                <th className="pr-3">Version</th>
                <th className="pr-3">Licence</th>
                <th className="pr-3">SHA-256</th>
                <th />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {components.map((c) => (
                <tr key={c.id}>
                  <td className="py-1.5 pr-3">{COMPONENT_KIND_LABELS[c.kind]}</td>
                  <td className="pr-3">
                    {c.sourceUrl ? (
                      <a href={c.sourceUrl} className="text-brand-700 underline" rel="noreferrer noopener" target="_blank">
                        {c.name}
                      </a>
                    ) : (
                      c.name
                    )}
                  </td>
                  <td className="pr-3">{c.version || "—"}</td>
                  <td className="pr-3">{c.licence || "—"}</td>
                  <td className="pr-3 font-mono text-xs" title={c.sha256}>
                    {c.sha256 ? `${c.sha256.slice(0, 12)}…` : "—"}
                  </td>
                  <td className="whitespace-nowrap">
                    {canEdit && (
                      <span className="flex gap-3">
                        <Link href={`/systems/${systemId}/components/${c.id}`} className="text-xs text-brand-700 hover:underline" aria-label={`Edit ${c.name}`}>
                          Edit
                        </Link>
                        <DeleteButton action={deleteActions[c.id]} name={c.name} />
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit && (
        <details className="mt-4">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">Add a component</summary>
          <ComponentForm action={addAction} submitLabel="Add component" />
        </details>
      )}
    </Card>
  );
}

function DeleteButton({ action, name }: { action: (prev: ActionState) => Promise<ActionState>; name: string }) {
  const [, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  return (
    <form action={formAction}>
      <button type="submit" disabled={pending} aria-label={`Remove ${name}`} className="text-xs text-red-700 hover:underline">
        Remove
      </button>
    </form>
  );
}
