import type { FrameworkInfo } from "@/lib/catalogs/frameworks";

/** The attribution and licence a framework's items must be shown with. */
export function Attribution({ info }: { info: FrameworkInfo }) {
  return (
    <footer className="mt-8 border-t border-slate-200 pt-3 text-xs text-slate-500" data-testid="attribution">
      <p>
        {info.name} ({info.version}). {info.attribution}
      </p>
      <p className="mt-1">
        Licence: {info.licence}. Source:{" "}
        <a href={info.url} className="underline" rel="noreferrer noopener" target="_blank">
          {info.url}
        </a>
      </p>
    </footer>
  );
}
