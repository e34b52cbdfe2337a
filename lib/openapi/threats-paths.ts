import { z } from "zod";
import { navigatorLayerOutputSchema } from "@/lib/threats/build-navigator-layer";
import {
  addThreatProfileEntriesSchema,
  importLayerOptionsSchema,
  importNavigatorLayerResultSchema,
  navigatorLayerSchema,
  techniqueIdSchema,
  threatProfileSchema,
} from "@/lib/threats/schemas";
import {
  BODY_PROBLEMS,
  READ_PROBLEMS,
  TARGET,
  headerRef,
  idParameter,
  jsonContent,
  ok,
  problemRefs,
  strip,
  type JsonSchema,
  type OpenApiModule,
} from "./openapi-helpers";

// The threat profiles' part of the OpenAPI document (merged by lib/openapi/build-openapi-document.ts).

const TAG = "Threat profiles";

const techniqueIdParameter = {
  name: "techniqueId",
  in: "path",
  required: true,
  description: "MITRE ATLAS technique or sub-technique id, e.g. AML.T0051 or AML.T0051.001",
  schema: strip(z.toJSONSchema(techniqueIdSchema, { target: TARGET, io: "input" }) as JsonSchema),
};

const rationaleParameter = {
  name: "rationale",
  in: "query",
  required: false,
  description: 'Rationale for marked techniques that have no comment in the layer (10–2000 characters); default: Imported from ATLAS Navigator layer "<name>"',
  schema: strip(z.toJSONSchema(importLayerOptionsSchema.shape.rationale, { target: TARGET, io: "input" }) as JsonSchema),
};

const profileEntries =
  "Each entry names the technique as the organisation's current ATLAS release does (`inCurrentRelease: false` and the recorded name when a newer " +
  "release no longer has it) and carries `risk`: the highest score among the system's risks naming the technique, with its level.";

export const THREATS_OPENAPI_MODULE: OpenApiModule = {
  tags: [
    {
      name: TAG,
      description: "MITRE ATLAS techniques each AI system is exposed to, with rationales, scored by the risk register; ATLAS Navigator layers in and out",
    },
  ],
  inputSchemas: { AddThreatProfileEntries: addThreatProfileEntriesSchema, NavigatorLayerUpload: navigatorLayerSchema },
  outputSchemas: {
    ThreatProfile: threatProfileSchema,
    NavigatorLayer: navigatorLayerOutputSchema,
    NavigatorLayerImportResult: importNavigatorLayerResultSchema,
  },
  paths: {
    "/systems/{id}/threat-profile": {
      parameters: [idParameter],
      get: {
        operationId: "getThreatProfile",
        tags: [TAG],
        summary: "Get an AI system's threat profile",
        description: `${profileEntries}`,
        responses: { "200": ok("The threat profile", "ThreatProfile"), ...problemRefs("404", ...READ_PROBLEMS) },
      },
      post: {
        operationId: "addThreatProfileEntries",
        tags: [TAG],
        summary: "Add techniques to an AI system's threat profile",
        description:
          "All or nothing: a technique id the organisation's current ATLAS release does not have, or one listed twice, is a 422 naming " +
          "`entries.<n>.techniqueId`; one already in the profile is a 409 whose detail names the id and its path. 409 on an archived system. Returns the updated profile.",
        requestBody: { required: true, content: jsonContent("AddThreatProfileEntries") },
        responses: {
          "201": ok("Added; the updated threat profile", "ThreatProfile", { Location: headerRef("Location") }),
          ...problemRefs(...BODY_PROBLEMS, "404", "409", ...READ_PROBLEMS),
        },
      },
    },
    "/systems/{id}/threat-profile/{techniqueId}": {
      parameters: [idParameter, techniqueIdParameter],
      delete: {
        operationId: "removeThreatProfileEntry",
        tags: [TAG],
        summary: "Remove a technique from an AI system's threat profile",
        description: "404 when the technique is not in the profile; 409 on an archived system.",
        responses: { "204": { description: "Removed", headers: { "x-request-id": headerRef("XRequestId") } }, ...problemRefs("404", "409", ...READ_PROBLEMS) },
      },
    },
    "/threat-profile/navigator-layer": {
      get: {
        operationId: "exportOrganizationNavigatorLayer",
        tags: [TAG],
        summary: "Export the organisation's threat profile as an ATLAS Navigator layer",
        description:
          "The union of every active AI system's threat profile in one layer (format 4.3, domain `atlas-atlas`). `score` is the highest " +
          "risk score (1–25) of any risk naming the technique, `color` its risk level, `comment` lists each system with its rationale. Sent as an attachment.",
        responses: {
          "200": ok("The layer", "NavigatorLayer", {
            "Content-Disposition": { description: 'attachment; filename="atlas-layer-<organisation>-<date>.json"', schema: { type: "string" } },
          }),
          ...problemRefs(...READ_PROBLEMS),
        },
      },
    },
    "/systems/{id}/threat-profile/navigator-layer": {
      parameters: [idParameter],
      get: {
        operationId: "exportNavigatorLayer",
        tags: [TAG],
        summary: "Export the threat profile as an ATLAS Navigator layer",
        description:
          "Layer format 4.3, domain `atlas-atlas` (what ATLAS Navigator opens). One entry per technique and tactic; `score` is the " +
          "highest risk score (1–25) of the system's risks naming the technique, `color` its risk level, `comment` the rationale. Sent as an attachment (Content-Disposition).",
        responses: {
          "200": ok("The layer", "NavigatorLayer", {
            "Content-Disposition": { description: 'attachment; filename="atlas-layer-<system>-<date>.json"', schema: { type: "string" } },
          }),
          ...problemRefs("404", ...READ_PROBLEMS),
        },
      },
      post: {
        operationId: "importNavigatorLayer",
        tags: [TAG],
        summary: "Import an ATLAS Navigator layer into the threat profile",
        description:
          "The body is the layer file as ATLAS Navigator saves it (unknown Navigator keys are ignored; at most 1 MiB). Techniques with a score above 0, " +
          "a colour or a comment are added, with the comment as rationale; entries with `enabled: false` and techniques already in the profile are skipped and reported. " +
          "A layer naming any technique the organisation's current ATLAS release does not have is refused as a whole: 422 with `techniques.<n>.techniqueID` paths.",
        parameters: [rationaleParameter],
        requestBody: { required: true, content: jsonContent("NavigatorLayerUpload") },
        responses: {
          "200": ok("What was added, skipped and ignored", "NavigatorLayerImportResult"),
          ...problemRefs(...BODY_PROBLEMS, "404", "409", ...READ_PROBLEMS),
        },
      },
    },
  },
};
