import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import { listEntityHistory, type HistoryEntry } from "@/lib/audit/list-entity-history";
import { getLatestClassification, type ClassificationView } from "@/lib/classification/get-latest-classification";
import type { SystemDetail } from "./schemas";
import { getSystem } from "./get-system";
import type { SystemViewerPermissions } from "./viewer-permissions";

export type SystemPage = {
  system: SystemDetail;
  /** The latest questionnaire proposal with its decision, or null if never classified. */
  classification: ClassificationView | null;
  /** The system's change history, newest first. */
  history: HistoryEntry[];
  /** What the viewer may do here (edit, classify, archive; nothing but restore on an archived system). */
  viewer: SystemViewerPermissions;
};

/** What the system's overview page shows: the system with its components, its classification and history. */
export async function getSystemPage({ ctx, input }: { ctx: ServiceContext; input: { id: string } }): Promise<SystemPage> {
  assertCan(ctx, "inventory:read");
  const { viewer, ...system } = await getSystem({ ctx, input: { id: input.id } }); // NOT_FOUND first, across organisations too
  const [history, classification] = await Promise.all([
    listEntityHistory({ ctx, input: { entity: "system", id: system.id } }),
    getLatestClassification({ ctx, input: { systemId: system.id } }),
  ]);
  return { system, classification, history, viewer };
}
