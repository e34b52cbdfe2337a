import { AppError, type FieldIssue } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse-input";
import { navigatorLayerSchema } from "./schemas";

// Reads which techniques a Navigator layer marks. PURE. A technique is marked when one of its
// entries has a score above 0, a colour or a comment (Navigator writes an entry for every technique
// a user touched, and ATLAS's own matrix layer colours every technique). An entry with
// `enabled: false` was switched off in Navigator and is not imported.

export type SelectedTechnique = { techniqueId: string; comment: string | null };

export type LayerSelection = {
  layerName: string;
  selected: SelectedTechnique[];
  disabled: string[];
  /** Entries that mark nothing (no score, colour or comment). */
  ignored: number;
};

/**
 * Validates the layer and picks its marked techniques. Unknown technique ids are a VALIDATION error
 * listing each offending entry as `techniques.<n>.techniqueID`, so nothing is imported from a layer
 * made for another ATLAS release or for ATT&CK.
 */
export function selectLayerTechniques(layer: unknown, known: { has(id: string): boolean }, version: string): LayerSelection {
  const parsed = parseInput(navigatorLayerSchema, layer);
  const unknown: FieldIssue[] = parsed.techniques.flatMap((t, i) =>
    known.has(t.techniqueID) ? [] : [{ path: `techniques.${i}.techniqueID`, message: `${t.techniqueID} is not a technique of MITRE ATLAS ${version}` }],
  );
  if (unknown.length > 0) {
    throw new AppError(
      "VALIDATION",
      `The layer names ${unknown.length} technique${unknown.length > 1 ? "s" : ""} that MITRE ATLAS ${version} does not have; nothing was imported.`,
      unknown,
    );
  }

  const byId = new Map<string, { marked: boolean; enabled: boolean; comment: string | null }>();
  let ignored = 0;
  for (const t of parsed.techniques) {
    const marked = (typeof t.score === "number" && t.score > 0) || !!t.color || !!t.comment?.trim();
    const enabled = t.enabled !== false;
    const previous = byId.get(t.techniqueID) ?? { marked: false, enabled: false, comment: null };
    if (!marked) ignored += 1;
    byId.set(t.techniqueID, {
      marked: previous.marked || marked,
      enabled: previous.enabled || (enabled && marked),
      comment: previous.comment ?? (enabled && t.comment?.trim() ? t.comment.trim() : null),
    });
  }
  const selected: SelectedTechnique[] = [];
  const disabled: string[] = [];
  for (const [techniqueId, state] of byId) {
    if (!state.marked) continue;
    if (state.enabled) selected.push({ techniqueId, comment: state.comment });
    else disabled.push(techniqueId);
  }
  return { layerName: parsed.name?.trim() || "(unnamed)", selected, disabled, ignored };
}
