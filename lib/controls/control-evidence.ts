import { equivalentControls } from "@/lib/crosswalk/equivalent-controls";
import { CONTROL_FRAMEWORK_SHORT_NAMES, type ControlEvidence, type ControlRef, type EvidenceSummary } from "./schemas";

/**
 * "Evidence attached once counts for every control it is crosswalked to." Evidence attached to a control
 * of a system is also available to that system's controls that lib/crosswalk's equivalentControls links to
 * it (equivalent and supports rows across ISO/IEC 42001, the EU AI Act and the NIST AI RMF, at most one
 * extra hop through an equivalent row). It is shown there marked "via <framework> <id>".
 *
 * Reuse never changes a status: whether evidence for A.6.2.8 is enough to call Art 12 implemented is a
 * judgement the control's owner makes. The posture counts evidenced controls separately from implemented
 * ones. Evidence never crosses systems: only the same system's evidence counts.
 */

export const controlKey = (framework: string, controlId: string) => `${framework}\u0000${controlId}`;

/** Evidence attached directly, by control key (controlKey), for one system. */
export type EvidenceByControl = ReadonlyMap<string, readonly EvidenceSummary[]>;

const EQUIVALENTS = new Map<string, ReturnType<typeof equivalentControls>>();

function equivalentsOf(ref: ControlRef) {
  const key = controlKey(ref.framework, ref.controlId);
  let found = EQUIVALENTS.get(key);
  if (!found) {
    found = equivalentControls({ framework: ref.framework, id: ref.controlId });
    EQUIVALENTS.set(key, found);
  }
  return found;
}

/** A control's evidence: first what is attached to it (via null), then what counts via crosswalked controls. */
export function evidenceForControl(ref: ControlRef, direct: EvidenceByControl): ControlEvidence[] {
  const seen = new Set<string>();
  const out: ControlEvidence[] = [];
  for (const evidence of direct.get(controlKey(ref.framework, ref.controlId)) ?? []) {
    seen.add(evidence.id);
    out.push({ ...evidence, via: null });
  }
  for (const other of equivalentsOf(ref)) {
    for (const evidence of direct.get(controlKey(other.framework, other.id)) ?? []) {
      if (seen.has(evidence.id)) continue;
      seen.add(evidence.id);
      out.push({
        ...evidence,
        via: { framework: other.framework, controlId: other.id, label: `via ${CONTROL_FRAMEWORK_SHORT_NAMES[other.framework]} ${other.id}` },
      });
    }
  }
  return out;
}

/**
 * The controls of the same system that evidence attached to `ref` also counts for: its crosswalk
 * equivalents that apply to the system (`applicableKeys`, controlKey of every applicable control).
 */
export function evidenceAlsoCountsFor(
  ref: ControlRef,
  applicableKeys: ReadonlySet<string>,
): { framework: ControlRef["framework"]; controlId: string; title: string }[] {
  return equivalentsOf(ref)
    .filter((other) => applicableKeys.has(controlKey(other.framework, other.id)))
    .map((other) => ({ framework: other.framework, controlId: other.id, title: other.title }));
}

/** Groups evidence by the controls it is attached to. */
export function indexEvidenceByControl(evidence: readonly EvidenceSummary[]): Map<string, EvidenceSummary[]> {
  const index = new Map<string, EvidenceSummary[]>();
  for (const item of evidence) {
    for (const link of item.links) {
      const key = controlKey(link.framework, link.controlId);
      const list = index.get(key);
      if (list) list.push(item);
      else index.set(key, [item]);
    }
  }
  return index;
}

/** True when a control has evidence, directly or via a crosswalked control (the cheap check used by the posture). */
export function hasEvidence(ref: ControlRef, linkedKeys: ReadonlySet<string>): boolean {
  if (linkedKeys.has(controlKey(ref.framework, ref.controlId))) return true;
  return equivalentsOf(ref).some((other) => linkedKeys.has(controlKey(other.framework, other.id)));
}
