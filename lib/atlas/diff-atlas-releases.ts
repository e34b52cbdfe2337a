import type { AtlasChangedObject, AtlasDiff, AtlasMove, AtlasObjectKind, AtlasRename } from "./schemas";

/** What the diff looks at of each object: enough to tell added, removed, renamed and moved apart. */
export type AtlasDiffItem = {
  kind: AtlasObjectKind;
  id: string;
  name: string;
  parentId: string | null;
  tacticIds: readonly string[];
};

const RANK: Record<AtlasObjectKind, number> = { tactic: 0, technique: 1, subtechnique: 1, mitigation: 2, "case-study": 3 };

/**
 * What changed from `before` to `after` (pure). Objects are matched by id:
 * - added / removed: the id is only in one of them (also when an id changed between incompatible kinds);
 * - renamed: same id, different name (any kind);
 * - moved: a technique whose tactics changed, or a technique / sub-technique whose parent changed
 *   (including becoming or ceasing to be a sub-technique). A sub-technique that merely follows its
 *   parent to other tactics is not listed again: the parent's move says it.
 * Each list is sorted tactics → techniques → mitigations → case studies, then by id.
 */
export function diffAtlasReleases(before: readonly AtlasDiffItem[], after: readonly AtlasDiffItem[]): AtlasDiff {
  const old = new Map(before.map((item) => [item.id, item]));
  const now = new Map(after.map((item) => [item.id, item]));
  const added: AtlasChangedObject[] = [];
  const removed: AtlasChangedObject[] = [];
  const renamed: AtlasRename[] = [];
  const moved: AtlasMove[] = [];

  for (const item of now.values()) {
    const was = old.get(item.id);
    if (!was || RANK[was.kind] !== RANK[item.kind]) {
      added.push({ kind: item.kind, id: item.id, name: item.name });
      continue;
    }
    if (was.name !== item.name) renamed.push({ kind: item.kind, id: item.id, from: was.name, to: item.name });
    if (RANK[item.kind] !== RANK.technique) continue;
    const parentChanged = was.parentId !== item.parentId;
    const ownTacticsChanged = item.parentId === null && !sameSet(was.tacticIds, item.tacticIds);
    if (parentChanged || ownTacticsChanged) {
      moved.push({
        kind: item.kind as AtlasMove["kind"],
        id: item.id,
        name: item.name,
        fromTactics: [...was.tacticIds],
        toTactics: [...item.tacticIds],
        fromParent: was.parentId,
        toParent: item.parentId,
      });
    }
  }
  for (const item of old.values()) {
    const is = now.get(item.id);
    if (!is || RANK[is.kind] !== RANK[item.kind]) removed.push({ kind: item.kind, id: item.id, name: item.name });
  }
  return { added: added.sort(byKindThenId), removed: removed.sort(byKindThenId), renamed: renamed.sort(byKindThenId), moved: moved.sort(byKindThenId) };
}

/** True when the diff lists nothing. */
export function isEmptyAtlasDiff(diff: AtlasDiff): boolean {
  return diff.added.length + diff.removed.length + diff.renamed.length + diff.moved.length === 0;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((id) => right.has(id));
}

function byKindThenId(a: { kind: AtlasObjectKind; id: string }, b: { kind: AtlasObjectKind; id: string }): number {
  return RANK[a.kind] - RANK[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
