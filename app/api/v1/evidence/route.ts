// POST /api/v1/evidence – add evidence (a link, or a file sent as base64) to an AI system's controls
import { createEvidence } from "@/lib/evidence/create-evidence";
import { createEvidenceApiSchema, MAX_EVIDENCE_FILE_BYTES } from "@/lib/evidence/schemas";
import { evidenceSummarySchema } from "@/lib/controls/schemas";
import { parseInput } from "@/lib/validation/parse-input";
import { jsonResponse, readJsonBody, withApiHandler } from "@/lib/web/http/with-api-handler";
import { API_OPERATIONS } from "@/lib/openapi/api-operations";

// base64 grows the file by 4/3; the rest of the body is small
const MAX_BODY_BYTES = Math.ceil(MAX_EVIDENCE_FILE_BYTES / 3) * 4 + 64 * 1024;

export const POST = withApiHandler(API_OPERATIONS.createEvidence, async ({ req, ctx }) => {
  const body = parseInput(createEvidenceApiSchema, await readJsonBody(req, MAX_BODY_BYTES));
  const { systemId, title, links } = body;
  const evidence = await createEvidence({
    ctx,
    input:
      body.kind === "file" && body.file
        ? {
            systemId,
            kind: "file",
            title,
            links,
            file: { name: body.file.name, mimeType: body.file.mimeType, bytes: new Uint8Array(Buffer.from(body.file.contentBase64, "base64")) },
          }
        : { systemId, kind: "link", title, url: body.url ?? "", links },
  });
  return jsonResponse(evidenceSummarySchema.parse(evidence), {
    status: 201,
    headers: { location: `/api/v1/evidence/${encodeURIComponent(evidence.id)}/content` },
  });
});
