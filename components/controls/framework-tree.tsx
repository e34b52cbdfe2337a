import Link from "next/link";
import type { PostureCounts } from "@/lib/controls/schemas";
import type { HierarchySection } from "@/lib/controls/framework-hierarchy";

type Coverage = Record<string, PostureCounts> | null;

function CoverageNote({ counts }: { counts: PostureCounts | undefined }) {
  if (!counts) return <span className="text-xs text-slate-500">applies to no active system</span>;
  const open = counts.applicable - counts.notApplicable;
  return (
    <span
      className="whitespace-nowrap text-xs text-slate-600"
      title={`${counts.inProgress} in progress, ${counts.notStarted} not started, ${counts.notApplicable} not applicable`}
    >
      {counts.implemented}/{open} implemented
    </span>
  );
}

function Section({ section, coverage, depth }: { section: HierarchySection; coverage: Coverage; depth: number }) {
  const Heading = depth === 0 ? "h2" : "h3";
  return (
    <section className={depth === 0 ? "rounded-xl border border-slate-200 bg-white p-5" : "mt-4"} aria-label={section.title}>
      <Heading className={depth === 0 ? "text-base font-semibold" : "text-sm font-semibold text-slate-700"}>{section.title}</Heading>
      {section.items.length > 0 && (
        <ul className="mt-2 divide-y divide-slate-100">
          {section.items.map((item) => (
            <li key={item.id} className="flex flex-wrap items-baseline gap-x-3 py-1.5 text-sm">
              <Link href={item.href} className="w-28 shrink-0 font-mono text-xs text-brand-700 hover:underline">
                {item.id}
              </Link>
              <span className="min-w-0 flex-1">{item.title}</span>
              {coverage && <CoverageNote counts={coverage[item.id]} />}
            </li>
          ))}
        </ul>
      )}
      {section.sections.map((child) => (
        <Section key={child.id} section={child} coverage={coverage} depth={depth + 1} />
      ))}
    </section>
  );
}

/** A framework's structure (groups, chapters, functions…) with its items; for control frameworks, how far each is implemented. */
export function FrameworkTree({ sections, coverage }: { sections: readonly HierarchySection[]; coverage: Coverage }) {
  return (
    <div className="space-y-4" data-testid="framework-tree">
      {sections.map((s) => (
        <Section key={s.id} section={s} coverage={coverage} depth={0} />
      ))}
    </div>
  );
}
