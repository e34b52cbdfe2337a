// GET /api/v1/openapi.json – the OpenAPI 3.1 document of REST API v1 (public, no token needed)
import { buildOpenApiDocument } from "@/lib/openapi/build-openapi-document";

export function GET(): Response {
  return Response.json(buildOpenApiDocument(), {
    headers: { "cache-control": "public, max-age=300" },
  });
}
