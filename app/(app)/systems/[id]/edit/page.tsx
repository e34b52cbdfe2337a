import type { Metadata } from "next";
import { requirePageSession } from "@/lib/web/page-session";
import { getSystemEditPage } from "@/lib/systems/get-system-edit-page";
import { PageHeader } from "@/components/ui/page-header";
import { SystemForm } from "@/components/systems/system-form";
import { Forbidden } from "@/components/ui/forbidden";
import { loadOrNotFound } from "@/lib/web/load-or-not-found";
import { updateSystemAction } from "../../actions";

export const metadata: Metadata = { title: "Edit AI system" };

export default async function EditSystemPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requirePageSession();
  const { id } = await params;
  const { system, owners, viewer } = await loadOrNotFound(getSystemEditPage({ ctx: session.ctx, input: { id } }));
  if (!viewer.canEdit) return <Forbidden what="edit this AI system" />;
  return (
    <>
      <PageHeader
        title={`Edit ${system.name}`}
        description={`Version ${system.version}. If someone else saves first, your save is refused and nothing is overwritten.`}
      />
      <SystemForm
        action={updateSystemAction.bind(null, id)}
        system={system}
        owners={owners}
        canChangeOwner={viewer.canChangeOwner}
        submitLabel="Save changes"
      />
    </>
  );
}
