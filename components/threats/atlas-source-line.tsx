import Link from "next/link";
import type { AtlasSource } from "@/lib/atlas/schemas";
import { formatDate } from "@/lib/utils/format-date";

/** Which ATLAS catalog is shown, MITRE's attribution, and where releases are imported. */
export function AtlasSourceLine({ source }: { source: AtlasSource }) {
  return (
    <p className="text-xs text-slate-600" data-testid="atlas-source">
      {source.kind === "imported" ? (
        <>
          MITRE ATLAS {source.version}, official release imported {formatDate(source.importedAt)}.
        </>
      ) : (
        <>MITRE ATLAS {source.version}, built-in catalog (identifiers and names only; import the official release to see descriptions and case studies).</>
      )}{" "}
      Source:{" "}
      <a href="https://atlas.mitre.org" className="underline" rel="noreferrer noopener" target="_blank">
        MITRE ATLAS™
      </a>{" "}
      (Adversarial Threat Landscape for Artificial-Intelligence Systems), © MITRE, licensed under the Apache License 2.0.{" "}
      <Link href="/threats/catalog" className="font-medium text-brand-700 underline">
        Catalog and release history
      </Link>
    </p>
  );
}
