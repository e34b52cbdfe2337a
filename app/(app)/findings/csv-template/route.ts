// GET /findings/csv-template – the CSV template for scanner results (the CSV_COLUMNS header and one example row),
// linked from a system's Findings tab. A session route (download headers and next.config's deny-all CSP, not a
// page's), so it is not matched by proxy.ts. The template is the same for every organisation: no verb reads anything.
import { csvTemplate, CSV_TEMPLATE_FILE_NAME } from "@/lib/findings/csv-template";
import { withSessionRoute } from "@/lib/web/session-route";

export const GET = withSessionRoute({ mutating: false, permission: "inventory:read" }, async () => {
  return new Response(csvTemplate(), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${CSV_TEMPLATE_FILE_NAME}"`,
      "x-content-type-options": "nosniff",
    },
  });
});
