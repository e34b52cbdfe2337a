"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import type { ActionState } from "@/lib/web/action-state";
import { formatBytes } from "@/components/labels";

export type ControlOption = { value: string; label: string; group: string };

const input = "mt-1 w-full rounded-md border bg-white px-3 py-2 text-sm";

/**
 * Upload a file or record a link as evidence, attached to one or more of the system's applicable controls.
 * Posts multipart to `uploadUrl` (a route handler: files of up to 10 MB are beyond the server-action body
 * limit); with JavaScript through fetch, showing errors beside the fields, without as a plain form post.
 * The size limit is checked here before uploading, and again by the server.
 */
export function EvidenceForm({
  uploadUrl,
  controls,
  maxBytes,
  maxLabel,
}: {
  uploadUrl: string;
  controls: readonly ControlOption[];
  maxBytes: number;
  maxLabel: string;
}) {
  const router = useRouter();
  const [state, setState] = useState<ActionState>({ status: "idle" });
  const [pending, setPending] = useState(false);
  const [kind, setKind] = useState<"file" | "link">("file");
  const [sizeError, setSizeError] = useState<string | null>(null);
  const failed = state.status === "error";
  const err = (key: string) => state.fieldErrors?.[key];
  const linksError = err("links") ?? Object.entries(state.fieldErrors ?? {}).find(([path]) => path.startsWith("links."))?.[1];
  const selected = failed && Array.isArray(state.values?.links) ? (state.values.links as string[]) : [];
  const groups = [...new Set(controls.map((c) => c.group))];

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sizeError) return;
    const form = event.currentTarget;
    setPending(true);
    try {
      const res = await fetch(uploadUrl, { method: "POST", body: new FormData(form), headers: { accept: "application/json" } });
      const next: ActionState = (res.headers.get("content-type") ?? "").includes("application/json")
        ? await res.json()
        : {
            status: "error",
            message: res.status === 413 ? `The upload is larger than ${maxLabel}.` : `The upload failed (HTTP ${res.status}). Nothing was saved.`,
          };
      setState(next);
      if (next.status === "success") {
        form.reset();
        setKind("file");
        router.refresh();
      }
    } catch {
      setState({ status: "error", message: "The upload did not reach the server. Nothing was saved." });
    } finally {
      setPending(false);
    }
  }

  return (
    <form action={uploadUrl} method="post" encType="multipart/form-data" onSubmit={submit} className="mt-3 space-y-3" noValidate data-testid="evidence-form">
      {failed && (
        <p className="text-sm text-red-700" role="alert">
          {state.message}
        </p>
      )}
      {state.status === "success" && (
        <p className="text-sm text-emerald-700" role="status">
          {state.message}
        </p>
      )}
      <fieldset className="flex gap-4 text-sm">
        <legend className="sr-only">Kind of evidence</legend>
        <label className="flex items-center gap-1.5">
          <input type="radio" name="kind" value="file" checked={kind === "file"} onChange={() => setKind("file")} /> File upload
        </label>
        <label className="flex items-center gap-1.5">
          <input type="radio" name="kind" value="link" checked={kind === "link"} onChange={() => setKind("link")} /> Link
        </label>
      </fieldset>
      <div>
        <label htmlFor="evidence-title" className="block text-sm font-medium text-slate-800">
          Title{kind === "file" && <span className="font-normal text-slate-500"> (defaults to the file name)</span>}
        </label>
        <input
          id="evidence-title"
          name="title"
          key={`title-${String(state.values?.title ?? "")}`}
          defaultValue={failed ? String(state.values?.title ?? "") : ""}
          className={`${input} ${err("title") ? "border-red-500" : "border-slate-300"}`}
          aria-invalid={Boolean(err("title"))}
        />
        {err("title") && (
          <p className="mt-1 text-xs font-medium text-red-700" data-testid="error-title">
            {err("title")}
          </p>
        )}
      </div>
      {kind === "file" ? (
        <div>
          <label htmlFor="evidence-file" className="block text-sm font-medium text-slate-800">
            File <span className="font-normal text-slate-500">(at most {maxLabel}; stored with its SHA-256)</span>
          </label>
          <input
            id="evidence-file"
            name="file"
            type="file"
            className="mt-1 block text-sm"
            aria-invalid={Boolean(err("file") || sizeError)}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              setSizeError(file && file.size > maxBytes ? `The file is ${formatBytes(file.size)}; the limit is ${maxLabel}.` : null);
            }}
          />
          {(sizeError ?? err("file")) && (
            <p className="mt-1 text-xs font-medium text-red-700" data-testid="error-file">
              {sizeError ?? err("file")}
            </p>
          )}
        </div>
      ) : (
        <div>
          <label htmlFor="evidence-url" className="block text-sm font-medium text-slate-800">
            URL (http or https)
          </label>
          <input
            id="evidence-url"
            name="url"
            type="url"
            key={`url-${String(state.values?.url ?? "")}`}
            defaultValue={failed ? String(state.values?.url ?? "") : ""}
            className={`${input} ${err("url") ? "border-red-500" : "border-slate-300"}`}
            aria-invalid={Boolean(err("url"))}
          />
          {err("url") && (
            <p className="mt-1 text-xs font-medium text-red-700" data-testid="error-url">
              {err("url")}
            </p>
          )}
        </div>
      )}
      <div>
        <label htmlFor="evidence-links" className="block text-sm font-medium text-slate-800">
          Attach to controls <span className="font-normal text-slate-500">(Ctrl/⌘-click for several; it also counts for their crosswalked controls)</span>
        </label>
        <select
          key={selected.join(",")}
          id="evidence-links"
          name="links"
          multiple
          size={8}
          defaultValue={selected}
          className={`${input} ${linksError ? "border-red-500" : "border-slate-300"}`}
          aria-invalid={Boolean(linksError)}
        >
          {groups.map((group) => (
            <optgroup key={group} label={group}>
              {controls
                .filter((c) => c.group === group)
                .map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
        {linksError && (
          <p className="mt-1 text-xs font-medium text-red-700" data-testid="error-links">
            {linksError}
          </p>
        )}
      </div>
      <button
        type="submit"
        disabled={pending || sizeError !== null}
        className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "Uploading…" : "Add evidence"}
      </button>
    </form>
  );
}
