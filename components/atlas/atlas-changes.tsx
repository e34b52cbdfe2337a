import type { AtlasCounts, AtlasObjectKind, AtlasReleaseChanges } from "@/lib/atlas/schemas";

// Presentational; used by the release history (server) and the upload form's result (client).

const KIND_LABELS: Record<AtlasObjectKind, string> = {
  tactic: "tactic",
  technique: "technique",
  subtechnique: "sub-technique",
  mitigation: "mitigation",
  "case-study": "case study",
};

export function countsLine(c: AtlasCounts): string {
  return `${c.tactics} tactics, ${c.techniques} techniques, ${c.subtechniques} sub-techniques, ${c.mitigations} mitigations, ${c.caseStudies} case studies`;
}

/** "what changed" of one release, readable: added / removed / renamed / moved, each object on a line. */
export function AtlasChanges({ changes, tacticNames }: { changes: AtlasReleaseChanges; tacticNames: Record<string, string> }) {
  const { baseline, added, removed, renamed, moved } = changes;
  const against = baseline.kind === "builtin" ? `the built-in catalog ${baseline.version}` : `release ${baseline.version}`;
  const total = added.length + removed.length + renamed.length + moved.length;
  if (total === 0) return <p className="text-sm text-slate-600">No changes against {against} (same ids, names, tactics and parents).</p>;
  const tactics = (ids: string[]) => (ids.length ? ids.map((id) => tacticNames[id] ?? id).join(", ") : "none");
  return (
    <div className="space-y-3 text-sm" data-testid="atlas-changes">
      <p className="text-slate-600">
        Against {against}: {added.length} added, {removed.length} removed, {renamed.length} renamed, {moved.length} moved.
      </p>
      <ChangeList title="Added" tone="text-emerald-800" items={added.map((o) => ({ key: o.id, id: o.id, kind: o.kind, text: o.name }))} />
      <ChangeList title="Removed" tone="text-red-800" items={removed.map((o) => ({ key: o.id, id: o.id, kind: o.kind, text: o.name }))} />
      <ChangeList title="Renamed" tone="text-slate-800" items={renamed.map((o) => ({ key: o.id, id: o.id, kind: o.kind, text: `${o.from} → ${o.to}` }))} />
      <ChangeList
        title="Moved"
        tone="text-slate-800"
        items={moved.map((o) => ({
          key: o.id,
          id: o.id,
          kind: o.kind,
          text: `${o.name} — ${[
            o.fromParent !== o.toParent ? `parent ${o.fromParent ?? "none"} → ${o.toParent ?? "none"}` : null,
            o.fromTactics.join() !== o.toTactics.join() ? `tactics ${tactics(o.fromTactics)} → ${tactics(o.toTactics)}` : null,
          ]
            .filter(Boolean)
            .join("; ")}`,
        }))}
      />
    </div>
  );
}

function ChangeList({ title, tone, items }: { title: string; tone: string; items: { key: string; id: string; kind: AtlasObjectKind; text: string }[] }) {
  if (items.length === 0) return null;
  return (
    <div>
      <h4 className={`text-xs font-semibold uppercase tracking-wide ${tone}`}>
        {title} ({items.length})
      </h4>
      <ul className="mt-1 space-y-0.5">
        {items.map((item) => (
          <li key={item.key} className="break-words">
            <span className="font-mono text-xs text-slate-500">{item.id}</span> <span className="text-xs text-slate-500">{KIND_LABELS[item.kind]}</span>{" "}
            {item.text}
          </li>
        ))}
      </ul>
    </div>
  );
}
