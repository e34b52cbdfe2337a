import { z } from "zod";
import { AUDIT_ACTIONS } from "./audit-actions";

/** Audit-trail filters; the URL state of the audit page. Invalid values fall back to "no filter". */
export const listAuditEventsSchema = z.object({
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  entityType: z.string().trim().max(40).optional().catch(undefined),
  actor: z.string().trim().max(200).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).default(1).catch(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50).catch(50),
});
export type AuditFilters = z.output<typeof listAuditEventsSchema>;
