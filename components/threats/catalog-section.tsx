import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

/** A titled white panel of the ATLAS object pages. */
export function CatalogSection({ id, title, children, testId }: { id: string; title: string; children: ReactNode; testId?: string }) {
  return (
    <Card as="section" aria-labelledby={id} data-testid={testId}>
      <h2 id={id} className="text-base font-semibold">
        {title}
      </h2>
      <div className="mt-2 text-sm">{children}</div>
    </Card>
  );
}

const ATLAS_PATHS: [RegExp, string][] = [
  [/^\/techniques\/([\w.]+)$/, "/threats/techniques/"],
  [/^\/mitigations\/([\w.]+)$/, "/threats/mitigations/"],
  [/^\/studies\/([\w.]+)$/, "/threats/case-studies/"],
];

/** A Markdown link of an ATLAS text: ATLAS site paths go to our pages, http(s) links open outside, anything else stays text. */
function linkTo(label: string, target: string, key: number): ReactNode {
  for (const [pattern, base] of ATLAS_PATHS) {
    const id = target.match(pattern)?.[1];
    if (id)
      return (
        <Link key={key} href={`${base}${encodeURIComponent(id)}`} className="text-brand-700 underline">
          {label}
        </Link>
      );
  }
  if (/^https?:\/\//i.test(target))
    return (
      <a key={key} href={target} className="text-brand-700 underline" rel="noreferrer noopener" target="_blank">
        {label}
      </a>
    );
  return label;
}

/** ATLAS descriptions are plain text with Markdown-style links: shown as text with those links, paragraphs kept. */
export function CatalogText({ text, missing }: { text: string | null; missing: ReactNode }) {
  if (!text)
    return (
      <p className="text-slate-500" data-testid="no-description">
        {missing}
      </p>
    );
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(/\[([^\]]+)\]\(([^)\s]+)\)/g)) {
    parts.push(text.slice(last, match.index));
    parts.push(linkTo(match[1], match[2], match.index));
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return <p className="whitespace-pre-line text-slate-800">{parts}</p>;
}
