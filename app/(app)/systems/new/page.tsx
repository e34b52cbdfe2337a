import type { Metadata } from "next";
import { requirePageSession } from "@/lib/web/page-session";
import { can } from "@/lib/auth/permissions";
import { listFilterOptions } from "@/lib/systems/list-filter-options";
import { PageHeader } from "@/components/ui/page-header";
import { SystemForm } from "@/components/systems/system-form";
import { Forbidden } from "@/components/ui/forbidden";
import { createSystemAction } from "../actions";

export const metadata: Metadata = { title: "New AI system" };

export default async function NewSystemPage() {
  const session = await requirePageSession();
  if (!can(session.ctx.actor, "system:create")) return <Forbidden what="create AI systems" />;
  const { owners } = await listFilterOptions({ ctx: session.ctx });
  return (
    <>
      <PageHeader
        title="New AI system"
        description="Record what the system is, who owns it and how it is deployed. You can classify it under the EU AI Act once it is saved."
      />
      <SystemForm action={createSystemAction} owners={owners} canChangeOwner submitLabel="Create AI system" />
    </>
  );
}
