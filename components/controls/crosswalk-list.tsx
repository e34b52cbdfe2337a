import Link from "next/link";
import type { RelatedItemGroup, RelatedItem } from "@/lib/crosswalk/related-items";
import type { CrosswalkSource } from "@/lib/crosswalk/types";

function relationPhrase(item: RelatedItem): string {
  switch (item.relation) {
    case "equivalent":
      return "Equivalent to";
    case "supports":
      return item.direction === "outgoing" ? "Supports" : "Supported by";
    case "mitigates":
      return item.direction === "outgoing" ? "Mitigates" : "Mitigated by";
    default:
      return "Related to";
  }
}

export function SourceNote({ source }: { source: CrosswalkSource }) {
  return source.kind === "reference" ? (
    <span className="text-xs text-slate-500">
      Source: reference file <span className="font-mono">{source.file}</span> ({source.detail})
    </span>
  ) : (
    <span className="text-xs text-slate-500">Project rationale: {source.rationale}</span>
  );
}

/** Crosswalk rows of an item, grouped by the other side's framework, each with its source. */
export function CrosswalkList({ groups }: { groups: readonly RelatedItemGroup[] }) {
  if (groups.length === 0) return <p className="text-sm text-slate-500">No crosswalk rows for this item.</p>;
  return (
    <div className="space-y-4" data-testid="crosswalk">
      {groups.map((group) => (
        <div key={group.framework}>
          <h3 className="text-sm font-semibold text-slate-700">{group.frameworkName}</h3>
          <ul className="mt-1 space-y-2">
            {group.items.map((item) => (
              <li key={`${item.framework}:${item.id}:${item.direction}`} className="text-sm" data-relation={item.relation}>
                <span className="text-slate-600">{relationPhrase(item)} </span>
                <Link href={item.href} className="font-mono text-xs text-brand-700 hover:underline">
                  {item.id}
                </Link>{" "}
                <span>{item.title}</span>
                <span className="block">
                  <SourceNote source={item.source} />
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
