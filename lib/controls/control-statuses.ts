// The control statuses and their labels, apart from schemas.ts: client components import them, and
// schemas.ts pulls in the built-in catalogs (which would then ship to the browser).
export const CONTROL_STATUSES = ["not_started", "in_progress", "implemented", "not_applicable"] as const;
export type ControlStatus = (typeof CONTROL_STATUSES)[number];
export const CONTROL_STATUS_LABELS: Readonly<Record<ControlStatus, string>> = {
  not_started: "Not started",
  in_progress: "In progress",
  implemented: "Implemented",
  not_applicable: "Not applicable",
};
