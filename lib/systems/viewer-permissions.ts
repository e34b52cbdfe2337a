import { can, grantFor } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/context";

/**
 * What the viewer may do to one AI system, as a page shows it (buttons, forms). The one place that
 * combines the permission table with "an archived system is read-only", so no page re-derives it;
 * loaders return it beside the data. The verbs still decide: this only hides what they would refuse.
 */
export type SystemViewerPermissions = {
  /** Edit the system's fields and components (system:update). */
  canEdit: boolean;
  /** Hand the system to another owner: only an "any" grant of system:update (a risk owner edits but cannot give away). */
  canChangeOwner: boolean;
  canClassify: boolean;
  /** Archive or restore (an archived system can be restored). */
  canArchive: boolean;
  canWriteThreats: boolean;
  canWriteRisks: boolean;
  canWriteControls: boolean;
  /** Import scanner results (finding:import). */
  canImportFindings: boolean;
  /** Triage findings, link them to risks (finding:triage). */
  canTriageFindings: boolean;
};

/** Pure: the viewer's permissions on a system (`archived` = archived now; its owner decides "own" grants). */
export function systemViewerPermissions(actor: Actor, system: { ownerId: string | null; archived: boolean }): SystemViewerPermissions {
  const active = !system.archived;
  return {
    canEdit: active && can(actor, "system:update", system),
    canChangeOwner: active && grantFor(actor, "system:update") === "any",
    canClassify: active && can(actor, "system:classify", system),
    canArchive: can(actor, "system:archive", system),
    canWriteThreats: active && can(actor, "threat:write", system),
    canWriteRisks: active && can(actor, "risk:write", system),
    canWriteControls: active && can(actor, "control:write", system),
    canImportFindings: active && can(actor, "finding:import", system),
    canTriageFindings: active && can(actor, "finding:triage", system),
  };
}
