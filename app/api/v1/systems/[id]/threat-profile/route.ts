// GET /api/v1/systems/{id}/threat-profile – the AI system's MITRE ATLAS threat profile; POST – add techniques to it
import { addThreatProfileEntries } from "@/lib/threats/add-threat-profile-entries";
import { listThreatProfile } from "@/lib/threats/list-threat-profile";
import { addThreatProfileEntriesSchema, threatProfileSchema } from "@/lib/threats/schemas";
import { systemIdSchema } from "@/lib/systems/schemas";
import { parseInput } from "@/lib/validation/parse-input";
import { jsonResponse, readJsonBody, withApiHandler } from "@/lib/web/http/with-api-handler";
import { API_OPERATIONS } from "@/lib/openapi/api-operations";

export const GET = withApiHandler(API_OPERATIONS.getThreatProfile, async ({ ctx, params }) => {
  const { id } = parseInput(systemIdSchema, params);
  return jsonResponse(threatProfileSchema.parse(await listThreatProfile({ ctx, input: { systemId: id } })));
});

export const POST = withApiHandler(API_OPERATIONS.addThreatProfileEntries, async ({ req, ctx, params }) => {
  const { id } = parseInput(systemIdSchema, params);
  // strict here: the verb reads only entries and source, so an unknown field would otherwise pass unnoticed
  const body = parseInput(addThreatProfileEntriesSchema, await readJsonBody(req));
  const profile = await addThreatProfileEntries({ ctx, input: { systemId: id, ...body } });
  return jsonResponse(threatProfileSchema.parse(profile), { status: 201, headers: { location: `/api/v1/systems/${encodeURIComponent(id)}/threat-profile` } });
});
