import { PageHeader } from "./page-header";

/** An honest placeholder for a section whose capability has not been built yet: no sample data. */
export function ComingSection({ title, what }: { title: string; what: string }) {
  return (
    <>
      <PageHeader title={title} />
      <div className="rounded-xl border border-dashed border-slate-300 bg-white p-8" data-testid="coming">
        <p className="font-medium">Not available yet</p>
        <p className="mt-2 max-w-2xl text-sm text-slate-600">{what}</p>
        <p className="mt-2 text-sm text-slate-600">This section is on the roadmap; nothing here is simulated.</p>
      </div>
    </>
  );
}
