import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageSession } from "@/lib/web/page-session";
import { FRAMEWORK_INFO, isFrameworkId } from "@/lib/catalogs/frameworks";
import { frameworkHierarchy } from "@/lib/controls/framework-hierarchy";
import { getFrameworkCoverage } from "@/lib/controls/get-framework-coverage";
import { decodePathParam } from "@/lib/web/control-path-param";
import { CONTROL_FRAMEWORK_IDS } from "@/lib/controls/schemas";
import { PageHeader } from "@/components/ui/page-header";
import { FrameworkTree } from "@/components/controls/framework-tree";
import { Attribution } from "@/components/controls/attribution";

export const metadata: Metadata = { title: "Framework" };

export default async function FrameworkPage({ params }: { params: Promise<{ framework: string }> }) {
  const session = await requirePageSession();
  const framework = decodePathParam((await params).framework);
  if (!isFrameworkId(framework)) notFound();
  const info = FRAMEWORK_INFO[framework];
  const isControlFramework = (CONTROL_FRAMEWORK_IDS as readonly string[]).includes(framework);
  const coverage = isControlFramework ? await getFrameworkCoverage({ ctx: session.ctx, input: { framework } }) : null;
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "Controls", href: "/controls" }, { label: info.name }]}
        title={info.name}
        description={
          isControlFramework
            ? `${info.version}. Applied to the organisation's AI systems as controls; beside each item, how many of the ${coverage?.systems ?? 0} active systems it applies to have it implemented.`
            : `${info.version}. A reference catalog: its items are used in risk treatment and threat modelling, not tracked per system here.`
        }
      />
      <FrameworkTree sections={frameworkHierarchy(framework)} coverage={coverage?.controls ?? null} />
      <Attribution info={info} />
    </>
  );
}
