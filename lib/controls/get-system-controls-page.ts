import { assertCan, can } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import { listSystemEvidence } from "@/lib/evidence/list-system-evidence";
import { listMembers } from "@/lib/members/list-members";
import { systemViewerPermissions, type SystemViewerPermissions } from "@/lib/systems/viewer-permissions";
import { getCompliancePosture } from "./get-compliance-posture";
import { listSystemControls } from "./list-system-controls";
import type { CompliancePosture, EvidenceSummary, SystemControlList } from "./schemas";

export type SystemControlsPage = {
  list: SystemControlList;
  posture: CompliancePosture;
  evidence: EvidenceSummary[];
  /** The owner picker's choices: the organisation's members, when the viewer may edit and see them. */
  members: { id: string; name: string }[];
  /** What the viewer may do here (control:write on the system, nothing on an archived one). */
  viewer: SystemViewerPermissions;
};

/** What the system's controls page shows: applicable controls, posture, evidence, and what the viewer may change. */
export async function getSystemControlsPage({ ctx, input }: { ctx: ServiceContext; input: { systemId: string } }): Promise<SystemControlsPage> {
  assertCan(ctx, "inventory:read");
  const list = await listSystemControls({ ctx, input: { systemId: input.systemId } }); // NOT_FOUND first, across organisations too
  const viewer = systemViewerPermissions(ctx.actor, list.system);
  const [posture, evidence, members] = await Promise.all([
    getCompliancePosture({ ctx, input: { systemId: input.systemId } }),
    listSystemEvidence({ ctx, input: { systemId: input.systemId } }),
    viewer.canWriteControls && can(ctx.actor, "member:read") ? listMembers({ ctx }) : Promise.resolve([]),
  ]);
  return { list, posture, evidence, members: members.map((m) => ({ id: m.userId, name: m.name })), viewer };
}
