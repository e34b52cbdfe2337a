"use client";

import { useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { formatBytes, type ImportFormat, type ImportSummary } from "@/lib/findings/schemas";
import { IMPORT_FORMAT_LABELS, toOptions } from "@/components/labels";
import { ImportSummaryView } from "./import-summary";

type Line =
  | { type: "progress"; stage?: "receiving" | "importing"; bytes: number; records: number }
  | ({ type: "summary" } & ImportSummary)
  | { type: "error"; message: string; issues?: { path: string; message: string }[] };

type Phase =
  | { kind: "idle" }
  | { kind: "uploading"; stage: "receiving" | "importing"; bytes: number; records: number }
  | { kind: "done"; summary: ImportSummary; fileName: string }
  | { kind: "error"; message: string };

/**
 * Upload a scanner file on the system's Findings tab: drop it on the zone or choose it with the file input
 * (keyboard: the input is a normal, focusable control), pick the format (default: detect it), and import.
 * The raw file is the request body of POST `uploadUrl`; the answer streams progress lines (bytes received, then
 * bytes read and records while importing) and then the import's summary, shown here. The size limit is checked before uploading, and by the server.
 */
export function FindingsUpload({ uploadUrl, maxBytes }: { uploadUrl: string; maxBytes: number }) {
  const router = useRouter();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat>("auto");
  const [dragging, setDragging] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const tooLarge = file !== null && file.size > maxBytes;
  const uploading = phase.kind === "uploading";

  function choose(next: File | null) {
    setFile(next);
    setPhase({ kind: "idle" });
  }

  function onDrop(event: React.DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (!dropped) return;
    choose(dropped);
    // keep the file input in step, so what the input shows is what will be sent
    if (inputRef.current) {
      const transfer = new DataTransfer();
      transfer.items.add(dropped);
      inputRef.current.files = transfer.files;
    }
  }

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file || tooLarge || uploading) return;
    setPhase({ kind: "uploading", stage: "receiving", bytes: 0, records: 0 });
    const query = new URLSearchParams({ format, fileName: file.name });
    try {
      const res = await fetch(`${uploadUrl}?${query}`, {
        method: "POST",
        body: file,
        headers: { "content-type": "application/octet-stream", accept: "application/x-ndjson" },
      });
      if (!res.ok || !res.body) {
        const problem = (res.headers.get("content-type") ?? "").includes("json") ? ((await res.json().catch(() => null)) as { detail?: string } | null) : null;
        setPhase({ kind: "error", message: problem?.detail ?? `The upload failed (HTTP ${res.status}). Nothing was stored.` });
        return;
      }
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffered = "";
      let finished = false;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffered += value;
        const lines = buffered.split("\n");
        buffered = lines.pop() ?? "";
        for (const text of lines) {
          if (!text.trim()) continue;
          const line = JSON.parse(text) as Line;
          if (line.type === "progress") setPhase({ kind: "uploading", stage: line.stage ?? "importing", bytes: line.bytes, records: line.records });
          else if (line.type === "error") {
            finished = true;
            setPhase({ kind: "error", message: line.message });
          } else {
            finished = true;
            const { type: _type, ...summary } = line;
            setPhase({ kind: "done", summary, fileName: file.name });
            router.refresh();
          }
        }
      }
      if (!finished) setPhase({ kind: "error", message: "The connection ended before the import finished. Nothing was stored; upload the file again." });
    } catch {
      setPhase({ kind: "error", message: "The upload did not reach the server. Nothing was stored." });
    }
  }

  return (
    <form onSubmit={submit} className="space-y-3" noValidate data-testid="findings-upload">
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`rounded-lg border-2 border-dashed p-4 text-sm ${dragging ? "border-brand-600 bg-brand-50" : "border-slate-300 bg-slate-50"}`}
        data-testid="findings-dropzone"
      >
        <p className="text-slate-700">Drop a scanner file here, or choose it below. Up to {formatBytes(maxBytes)}; the file is read as it uploads.</p>
        <label htmlFor={`${id}-file`} className="mt-2 block text-sm font-medium text-slate-800">
          Scanner file
        </label>
        <input
          ref={inputRef}
          id={`${id}-file`}
          type="file"
          name="file"
          accept=".jsonl,.json,.sarif,.csv,application/json,text/csv"
          onChange={(event) => choose(event.target.files?.[0] ?? null)}
          aria-describedby={tooLarge ? `${id}-size` : undefined}
          className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm"
        />
        {file && (
          <p className="mt-1 text-xs text-slate-600">
            {file.name} · {formatBytes(file.size)}
          </p>
        )}
        {tooLarge && (
          <p id={`${id}-size`} className="mt-1 text-xs font-medium text-red-700" role="alert">
            This file is larger than the limit of {formatBytes(maxBytes)}.
          </p>
        )}
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={`${id}-format`} className="block text-sm font-medium text-slate-800">
            Format
          </label>
          <select
            id={`${id}-format`}
            value={format}
            onChange={(event) => setFormat(event.target.value as ImportFormat)}
            className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-2 text-sm"
          >
            {toOptions(IMPORT_FORMAT_LABELS).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          disabled={!file || tooLarge || uploading}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50"
        >
          {uploading ? "Importing…" : "Import file"}
        </button>
      </div>
      <div aria-live="polite">
        {phase.kind === "uploading" && file && (
          <div className="space-y-1" data-testid="import-progress">
            <label htmlFor={`${id}-progress`} className="block text-sm text-slate-700">
              {phase.stage === "receiving"
                ? `Uploading ${file.name}: ${formatBytes(phase.bytes)} of ${formatBytes(file.size)} received`
                : `Importing ${file.name}: ${formatBytes(phase.bytes)} of ${formatBytes(file.size)} read, ${phase.records.toLocaleString("en")} records`}
            </label>
            <progress id={`${id}-progress`} max={file.size || 1} value={Math.min(phase.bytes, file.size)} className="h-2 w-full" />
          </div>
        )}
        {phase.kind === "done" && <ImportSummaryView summary={phase.summary} fileName={phase.fileName} />}
        {phase.kind === "error" && (
          <p role="alert" className="text-sm text-red-700">
            {phase.message}
          </p>
        )}
      </div>
    </form>
  );
}
