/** The attribution MITRE asks for wherever ATLAS content is shown. */
export function AtlasAttribution({ version }: { version: string }) {
  return (
    <p className="text-xs text-slate-500" data-testid="atlas-attribution">
      MITRE ATLAS™ {version} (Adversarial Threat Landscape for Artificial-Intelligence Systems),{" "}
      <a className="underline" href="https://atlas.mitre.org" rel="noreferrer" target="_blank">
        atlas.mitre.org
      </a>
      . © MITRE, Apache-2.0.
    </p>
  );
}
