import Link from "next/link";
import type { RelatedItemGroup } from "@/lib/crosswalk/related-items";

const RELATION_LABELS = { equivalent: "equivalent", related: "related", supports: "supports", mitigates: "mitigates" } as const;

/** Crosswalk items grouped by framework, each with the relation and where the mapping comes from. */
export function RelatedItemsList({ groups }: { groups: RelatedItemGroup[] }) {
  if (groups.length === 0) return <p className="text-slate-500">No crosswalk entries for this item.</p>;
  return (
    <div className="space-y-3">
      {groups.map((group) => (
        <div key={group.framework}>
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{group.frameworkName}</h3>
          <ul className="mt-1 space-y-1.5">
            {group.items.map((item) => (
              <li key={`${item.framework}:${item.id}:${item.relation}`}>
                <Link href={item.href} className="font-medium text-brand-700 hover:underline">
                  {item.id}
                </Link>{" "}
                {item.title} <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-600">{RELATION_LABELS[item.relation]}</span>
                <span className="block text-xs text-slate-500">
                  Source: {item.source.kind === "reference" ? `${item.source.file} (${item.source.detail})` : `project mapping (${item.source.rationale})`}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
