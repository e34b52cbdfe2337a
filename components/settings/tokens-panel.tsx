"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/web/action-state";
import type { ApiTokenRow } from "@/lib/tokens/list-api-tokens";
import { TextField } from "@/components/ui/form-fields";
import { formatDate } from "@/lib/utils/format-date";
import { Card } from "@/components/ui/card";

type Props = {
  tokens: ApiTokenRow[];
  createAction: (prev: ActionState, form: FormData) => Promise<ActionState>;
  revokeActions: Record<string, (prev: ActionState) => Promise<ActionState>>;
};

export function TokensPanel({ tokens, createAction, revokeActions }: Props) {
  const [state, formAction, pending] = useActionState(createAction, { status: "idle" } as ActionState);
  return (
    <Card as="section" aria-labelledby="tokens-h">
      <h2 id="tokens-h" className="text-base font-semibold">
        API tokens
      </h2>
      <p className="text-sm text-slate-600">
        For the REST API at <code>/api/v1</code> (see{" "}
        <a className="underline" href="/api/v1/openapi.json">
          OpenAPI document
        </a>
        ). Tokens act for the organisation, not for a person.
      </p>
      {tokens.length > 0 && (
        <table className="mt-3 min-w-full text-sm" data-testid="tokens-table">
          <thead className="text-left text-xs uppercase text-slate-500">
            <tr>
              <th className="py-1">Name</th>
              <th>Token</th>
              <th>Scopes</th>
              <th>Created</th>
              <th>Last used</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {tokens.map((t) => (
              <tr key={t.id}>
                <td className="py-1.5">{t.name}</td>
                <td className="font-mono text-xs">{t.prefix}…</td>
                <td>{t.scopes.join(", ")}</td>
                <td>{formatDate(t.createdAt)}</td>
                <td>{t.lastUsedAt ? formatDate(t.lastUsedAt) : "never"}</td>
                <td>{t.revokedAt ? <span className="text-red-700">revoked {formatDate(t.revokedAt)}</span> : "active"}</td>
                <td>{!t.revokedAt && <RevokeButton action={revokeActions[t.id]} name={t.name} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form action={formAction} className="mt-5 flex flex-wrap items-end gap-4 border-t border-slate-100 pt-4" noValidate>
        <div className="w-64">
          <TextField id="token-name" name="name" label="Token name" error={state.fieldErrors?.name} hint="e.g. CI pipeline, SIEM export" />
        </div>
        <fieldset>
          <legend className="text-sm font-medium">Scopes</legend>
          <label className="mr-3 text-sm">
            <input type="checkbox" name="scopes" value="read" defaultChecked /> read
          </label>
          <label className="text-sm">
            <input type="checkbox" name="scopes" value="write" /> write
          </label>
          {state.fieldErrors?.scopes && <p className="text-xs text-red-700">{state.fieldErrors.scopes}</p>}
        </fieldset>
        <button type="submit" disabled={pending} className="rounded-md bg-slate-800 px-3 py-2 text-sm font-medium text-white">
          Create token
        </button>
      </form>
      {state.message && (
        <div
          data-testid="token-result"
          className={`mt-3 rounded-md px-3 py-2 text-sm ${state.status === "error" ? "bg-red-50 text-red-800" : "bg-emerald-50 text-emerald-900"}`}
        >
          {state.message}
          {state.data?.secret && (
            <code data-testid="token-secret" className="mt-1 block break-all rounded bg-white px-2 py-1 font-mono text-xs">
              {state.data.secret}
            </code>
          )}
        </div>
      )}
    </Card>
  );
}

function RevokeButton({ action, name }: { action: (prev: ActionState) => Promise<ActionState>; name: string }) {
  const [, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (!confirm(`Revoke "${name}"? Clients using it stop working at once.`)) e.preventDefault();
      }}
    >
      <button type="submit" disabled={pending} className="text-xs text-red-700 hover:underline">
        Revoke
      </button>
    </form>
  );
}
