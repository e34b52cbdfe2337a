/**
 * Evidence excerpts of a finding: the prompt a scanner sent and what the model answered. Scanner output may be
 * harmful (jailbreak text, toxic or malicious content, markup meant for a browser), so it is shown only as
 * plain text inside <pre> (React escapes it; it is never rendered as HTML or Markdown), under a visible warning.
 */
export type Excerpt = { prompt: string | null; output: string | null; truncated: boolean; location: string };

export function EvidenceExcerpts({ evidence }: { evidence: readonly Excerpt[] }) {
  if (evidence.length === 0) return <p className="text-sm text-slate-600">The scanner file gave no prompts or outputs for this test (only counts).</p>;
  return (
    <div className="space-y-3" data-testid="evidence-excerpts">
      <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
        <strong>Possibly harmful text.</strong> These excerpts are what the scanner sent and what the model answered. They may contain offensive, dangerous or
        manipulative content, and are shown as plain text only.
      </p>
      {evidence.map((item, i) => (
        <div key={i} className="rounded-md border border-slate-200">
          <p className="border-b border-slate-200 bg-slate-50 px-3 py-1 text-xs text-slate-600">
            Excerpt {i + 1} · at {item.location}
            {item.truncated ? " · truncated" : ""}
          </p>
          <div className="grid gap-0 md:grid-cols-2">
            <ExcerptText label="Prompt" text={item.prompt} />
            <ExcerptText label="Output" text={item.output} />
          </div>
        </div>
      ))}
    </div>
  );
}

function ExcerptText({ label, text }: { label: string; text: string | null }) {
  return (
    <div className="min-w-0 p-3">
      <p className="text-xs font-medium text-slate-700">{label}</p>
      {text === null ? (
        <p className="mt-1 text-xs text-slate-500">Not given</p>
      ) : (
        <pre
          className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap break-words rounded bg-slate-900 p-2 font-mono text-xs text-slate-100"
          data-testid="evidence-text"
        >
          {text}
        </pre>
      )}
    </div>
  );
}
