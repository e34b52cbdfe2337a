// GET /api/v1/systems/{id}/bom – the system's components as a CycloneDX 1.6 ML-BOM; POST – import a CycloneDX BOM into them
import { exportBom } from "@/lib/bom/export-bom";
import { importBom } from "@/lib/components/import-bom";
import { BOM_MAX_BYTES, importBomResultSchema } from "@/lib/model-cards/schemas";
import { systemIdSchema } from "@/lib/systems/schemas";
import { parseInput } from "@/lib/validation/parse-input";
import { readLimitedBody } from "@/lib/web/read-limited-body";
import { jsonResponse, withApiHandler } from "@/lib/web/http/with-api-handler";
import { API_OPERATIONS } from "@/lib/openapi/api-operations";

export const GET = withApiHandler(API_OPERATIONS.exportBom, async ({ ctx, params }) => {
  const { id } = parseInput(systemIdSchema, params);
  const { filename, content } = await exportBom({ ctx, input: { systemId: id } });
  return new Response(content, {
    headers: { "content-type": "application/vnd.cyclonedx+json; version=1.6", "content-disposition": `attachment; filename="${filename}"` },
  });
});

export const POST = withApiHandler(API_OPERATIONS.importBom, async ({ req, ctx, params }) => {
  const { id } = parseInput(systemIdSchema, params);
  // the body is the BOM as the tool saved it (CycloneDX JSON 1.4–1.6); the verb validates it against its schema
  const text = new TextDecoder("utf-8").decode(await readLimitedBody(req, BOM_MAX_BYTES));
  return jsonResponse(importBomResultSchema.parse(await importBom({ ctx, input: { systemId: id, text } })));
});
