import { createHash } from "node:crypto";
import { withTransaction } from "@/lib/db/with-transaction";
import { assertCanOnSome } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { diffChanges } from "@/lib/audit/diff-changes";
import { parseInput, type Unparsed } from "@/lib/validation/parse-input";
import { actorId, type ServiceContext } from "@/lib/context";
import { assertApplicable, loadWritableSystem } from "@/lib/controls/control-system";
import { evidenceSummarySelect, toEvidenceSummary } from "./evidence-summary";
import type { EvidenceSummary } from "@/lib/controls/schemas";
import { createEvidenceSchema, type CreateEvidenceInput } from "./schemas";
import { EVIDENCE_AUDIT_FIELDS, linkLabel } from "./internal";

/**
 * Adds a piece of evidence to an AI system and attaches it to one or more of its applicable controls
 * (it then also counts for their crosswalked controls). A file is stored in the database with its
 * SHA-256 (hex) and size, at most 10 MB; a link must be an http(s) URL. One audit event.
 */
export async function createEvidence({ ctx, input }: { ctx: ServiceContext; input: Unparsed<CreateEvidenceInput> }): Promise<EvidenceSummary> {
  assertCanOnSome(ctx, "control:write");
  const data = parseInput(createEvidenceSchema, input);
  return withTransaction(ctx, async (tx) => {
    const { system, applicable } = await loadWritableSystem(tx, ctx, data.systemId);
    data.links.forEach((link, index) => assertApplicable(applicable, link, `links.${index}.controlId`));
    const content = data.kind === "file" ? Buffer.from(data.file.bytes.buffer, data.file.bytes.byteOffset, data.file.bytes.byteLength) : null;
    const fields =
      data.kind === "file"
        ? {
            kind: "file" as const,
            title: data.title || data.file.name,
            url: "",
            fileName: data.file.name,
            mimeType: data.file.mimeType,
            size: content!.byteLength,
            sha256: createHash("sha256").update(content!).digest("hex"),
            content,
          }
        : { kind: "link" as const, title: data.title, url: data.url, fileName: "", mimeType: "", size: 0, sha256: "", content: null };
    const row = await tx.evidence.create({
      data: {
        ...fields,
        orgId: ctx.orgId,
        systemId: system.id,
        createdById: actorId(ctx.actor),
        links: { create: data.links.map((link) => ({ orgId: ctx.orgId, systemId: system.id, framework: link.framework, controlId: link.controlId })) },
      },
      select: evidenceSummarySelect,
    });
    const summary = toEvidenceSummary(row);
    await recordAudit(tx, ctx, {
      action: "evidence.create",
      entityType: "evidence",
      entityId: row.id,
      subjectId: system.id,
      changes: diffChanges(null, { ...summary, links: summary.links.map(linkLabel) }, EVIDENCE_AUDIT_FIELDS),
    });
    return summary;
  });
}
