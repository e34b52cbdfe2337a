import { createHash } from "node:crypto";
import canonicalize from "canonicalize";

export type HashedEventContent = {
  orgId: string;
  seq: number;
  actorType: string;
  actorId: string;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  subjectId: string | null;
  changes: unknown;
  createdAt: string;
  prevHash: string | null;
};

/**
 * SHA-256 over the RFC 8785 canonical JSON of an event's content, including the previous event's
 * hash: editing, deleting or reordering any event breaks every later link (docs/decisions/005-audit-chain.md).
 */
export function computeEventHash(content: HashedEventContent): string {
  const canonical = canonicalize(content);
  if (canonical === undefined) throw new Error("audit event content cannot be canonicalised");
  return createHash("sha256").update(canonical).digest("hex");
}
