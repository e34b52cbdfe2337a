// GET /systems/{id}/bom – the AI system's components as a CycloneDX 1.6 ML-BOM file
import { exportBom } from "@/lib/bom/export-bom";
import { withSessionRoute } from "@/lib/web/session-route";

// another organisation's id is NOT_FOUND (404), like a guessed one; errors are problem+json (lib/web/session-route.ts)
export const GET = withSessionRoute<{ id: string }>({ mutating: false, permission: "inventory:read" }, async ({ session, params }) => {
  const { filename, content } = await exportBom({ ctx: session.ctx, input: { systemId: params.id } });
  return new Response(content, {
    headers: { "content-type": "application/vnd.cyclonedx+json; version=1.6", "content-disposition": `attachment; filename="${filename}"` },
  });
});
