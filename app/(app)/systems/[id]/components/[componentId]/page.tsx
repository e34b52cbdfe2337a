import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageSession } from "@/lib/web/page-session";
import { getSystem } from "@/lib/systems/get-system";
import { loadOrNotFound } from "@/lib/web/load-or-not-found";
import { PageHeader } from "@/components/ui/page-header";
import { Forbidden } from "@/components/ui/forbidden";
import { ComponentForm } from "@/components/systems/component-form";
import { updateComponentAction } from "../../../actions";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Edit component" };

export default async function EditComponentPage({ params }: { params: Promise<{ id: string; componentId: string }> }) {
  const session = await requirePageSession();
  const { id, componentId } = await params;
  const system = await loadOrNotFound(getSystem({ ctx: session.ctx, input: { id } }));
  const component = system.components.find((c) => c.id === componentId);
  if (!component) notFound();
  if (!system.viewer.canEdit) return <Forbidden what="edit the components of this AI system" />;
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "Inventory", href: "/systems" }, { label: system.name, href: `/systems/${id}` }, { label: component.name }]}
        title={`Edit component ${component.name}`}
        description="Changes are recorded in the system's history with before and after values."
      />
      <Card>
        <ComponentForm action={updateComponentAction.bind(null, id, componentId)} initial={component} submitLabel="Save component" />
      </Card>
    </>
  );
}
