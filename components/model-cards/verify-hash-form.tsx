"use client";

import { useActionState, useState } from "react";
import type { ActionState } from "@/lib/web/action-state";

const IDLE: ActionState = { status: "idle" };

function hex(buffer: ArrayBuffer): string {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Verify a model component's artefact: choose the file (its SHA-256 is computed in this browser; the file
 * is not uploaded) or paste a hash, and the server compares it with the recorded one and audits the result.
 */
export function VerifyHashForm({
  action,
  componentName,
  idPrefix,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  componentName: string;
  idPrefix: string;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const [hash, setHash] = useState("");
  const [source, setSource] = useState<"file" | "stated">("stated");
  const [hashing, setHashing] = useState(false);
  async function onFile(file: File | undefined) {
    if (!file) return;
    setHashing(true);
    try {
      setHash(hex(await crypto.subtle.digest("SHA-256", await file.arrayBuffer())));
      setSource("file");
    } finally {
      setHashing(false);
    }
  }
  return (
    <form action={formAction} className="grid gap-2 text-sm" noValidate aria-label={`Verify the artefact of ${componentName}`}>
      <input type="hidden" name="source" value={source} />
      <label htmlFor={`${idPrefix}-file`} className="font-medium text-slate-800">
        Artefact file (hashed here, not uploaded)
      </label>
      <input id={`${idPrefix}-file`} type="file" onChange={(e) => void onFile(e.target.files?.[0])} className="block w-full text-sm" />
      <label htmlFor={`${idPrefix}-sha`} className="font-medium text-slate-800">
        or its SHA-256
      </label>
      <input
        id={`${idPrefix}-sha`}
        name="sha256"
        value={hash}
        onChange={(e) => {
          setHash(e.target.value);
          setSource("stated");
        }}
        className="w-full rounded-md border border-slate-300 px-2 py-1 font-mono text-xs"
      />
      <div>
        <button
          type="submit"
          disabled={pending || hashing}
          className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-50"
        >
          {hashing ? "Computing SHA-256…" : pending ? "Verifying…" : "Verify artefact hash"}
        </button>
      </div>
      <p aria-live="polite" data-testid={`${idPrefix}-result`} className={state.data?.result === "match" ? "text-emerald-800" : "text-red-700"}>
        {state.status !== "idle" ? state.message : ""}
      </p>
    </form>
  );
}
