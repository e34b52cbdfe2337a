import { FRAMEWORK_INFO } from "@/lib/catalogs/frameworks";
import { CONTROL_FRAMEWORK_IDS, type ControlFrameworkId, type ControlStatus, type FrameworkPosture, type PostureCounts } from "./schemas";

export interface PostureEntry {
  readonly framework: ControlFrameworkId;
  readonly status: ControlStatus;
  readonly evidenced: boolean;
}

/**
 * percent = implemented / (applicable − notApplicable) × 100, rounded to one decimal; null when every
 * applicable control is marked not applicable (or none applies), so "nothing to do" is not shown as 0 %
 * or 100 %. `evidenced` counts controls not marked not applicable that have evidence (direct or via the
 * crosswalk); evidence never changes a status, so it is reported beside the implemented count.
 */
export function countPosture(entries: readonly Pick<PostureEntry, "status" | "evidenced">[]): PostureCounts {
  const counts = { applicable: entries.length, implemented: 0, inProgress: 0, notStarted: 0, notApplicable: 0, evidenced: 0 };
  for (const entry of entries) {
    if (entry.status === "implemented") counts.implemented++;
    else if (entry.status === "in_progress") counts.inProgress++;
    else if (entry.status === "not_started") counts.notStarted++;
    else counts.notApplicable++;
    if (entry.evidenced && entry.status !== "not_applicable") counts.evidenced++;
  }
  const denominator = counts.applicable - counts.notApplicable;
  return { ...counts, percent: denominator > 0 ? Math.round((counts.implemented / denominator) * 1000) / 10 : null };
}

/** Posture per control framework (always all three, in framework order) and overall. */
export function computePosture(entries: readonly PostureEntry[]): { frameworks: FrameworkPosture[]; overall: PostureCounts } {
  return {
    frameworks: CONTROL_FRAMEWORK_IDS.map((framework) => ({
      framework,
      name: FRAMEWORK_INFO[framework].name,
      ...countPosture(entries.filter((entry) => entry.framework === framework)),
    })),
    overall: countPosture(entries),
  };
}
