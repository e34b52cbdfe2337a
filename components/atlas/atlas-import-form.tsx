"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import type { AtlasImportFormState } from "@/lib/atlas/schemas";
import { AtlasChanges, countsLine } from "./atlas-changes";
import { Card } from "@/components/ui/card";

type Props = {
  /** The upload route (a session route handler: release files are beyond the server-action body limit). */
  uploadUrl: string;
  /** Largest file the server accepts, in bytes (checked here too, before uploading). */
  maxBytes: number;
  tacticNames: Record<string, string>;
};

/** Upload of an official ATLAS release file (admins); shows each refused key's path, or the counts and the diff. */
export function AtlasImportForm({ uploadUrl, maxBytes, tacticNames }: Props) {
  const router = useRouter();
  const [state, setState] = useState<AtlasImportFormState>({ status: "idle" });
  const [pending, setPending] = useState(false);
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const megabytes = Math.round(maxBytes / 1024 / 1024);

  // With JavaScript: fetch, and show the answer (refused keys or the changes); without, a plain form post.
  async function upload(form: HTMLFormElement) {
    setPending(true);
    try {
      const res = await fetch(uploadUrl, { method: "POST", body: new FormData(form), headers: { accept: "application/json" } });
      const next: AtlasImportFormState = (res.headers.get("content-type") ?? "").includes("application/json")
        ? await res.json()
        : { status: "error", message: `The upload failed (HTTP ${res.status}). Nothing was imported.` };
      setState(next);
      if (next.status === "success") router.refresh();
    } catch {
      setState({ status: "error", message: "The upload did not reach the server. Nothing was imported." });
    } finally {
      setPending(false);
    }
  }
  return (
    <Card as="section" aria-labelledby="atlas-import-h">
      <h2 id="atlas-import-h" className="text-base font-semibold">
        Import an official release
      </h2>
      <p className="text-sm text-slate-600">
        Upload <code>ATLAS.yaml</code> from{" "}
        <a className="underline" href="https://github.com/mitre-atlas/atlas-data" rel="noreferrer" target="_blank">
          mitre-atlas/atlas-data
        </a>{" "}
        (<code>dist/</code>, up to {megabytes} MB). It becomes the organisation&apos;s current catalog; earlier releases stay in the history, so threat profiles
        made against them still resolve.
      </p>
      <form
        action={uploadUrl}
        method="post"
        encType="multipart/form-data"
        className="mt-4 flex flex-wrap items-end gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          const file = (e.currentTarget.elements.namedItem("file") as HTMLInputElement | null)?.files?.[0];
          if (file && file.size > maxBytes) {
            setTooLarge(`${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is ${megabytes} MB.`);
          } else {
            setTooLarge(null);
            void upload(e.currentTarget);
          }
        }}
      >
        <div>
          <label htmlFor="atlas-file" className="block text-sm font-medium text-slate-800">
            Release file
          </label>
          <input
            id="atlas-file"
            name="file"
            type="file"
            accept=".yaml,.yml,application/yaml,text/yaml"
            required
            aria-invalid={Boolean(tooLarge)}
            aria-describedby={tooLarge ? "atlas-file-error" : undefined}
            className="mt-1 block text-sm file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm"
          />
          {tooLarge && (
            <p id="atlas-file-error" className="mt-1 text-xs font-medium text-red-700">
              {tooLarge}
            </p>
          )}
        </div>
        <button type="submit" disabled={pending} className="rounded-md bg-slate-800 px-3 py-2 text-sm font-medium text-white disabled:opacity-60">
          {pending ? "Importing…" : "Import release"}
        </button>
      </form>

      {state.status === "error" && (
        <div role="alert" data-testid="atlas-import-error" className="mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          <p className="font-medium">{state.message}</p>
          {state.issues && state.issues.length > 0 && (
            <ul className="mt-2 space-y-0.5">
              {state.issues.map((issue, i) => (
                <li key={i} className="break-words">
                  <code className="rounded bg-white px-1 font-mono text-xs">{issue.path}</code> {issue.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      {state.status === "success" && state.result && (
        <div role="status" data-testid="atlas-import-result" className="mt-4 space-y-3 rounded-md bg-emerald-50 px-3 py-3 text-sm text-emerald-950">
          <p className="font-medium">{state.message}</p>
          <p>
            Release {state.result.release.version}: {countsLine(state.result.release.counts)}.
          </p>
          {state.result.status === "imported" && (
            <div className="rounded-md bg-white px-3 py-2 text-slate-800">
              <AtlasChanges changes={state.result.release.changes} tacticNames={tacticNames} />
            </div>
          )}
          {state.result.warnings.length > 0 && (
            <details>
              <summary className="cursor-pointer">{state.result.warnings.length} oddities in the file (imported anyway)</summary>
              <ul className="mt-1 space-y-0.5 text-xs">
                {state.result.warnings.map((w, i) => (
                  <li key={i}>
                    <code className="font-mono">{w.path}</code> {w.message}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </Card>
  );
}
