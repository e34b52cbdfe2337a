import { z } from "zod";
import { importBomResultSchema, importModelCardResultSchema, MODEL_CARD_FORMATS, verifyHashResultSchema } from "@/lib/model-cards/schemas";
import { verifyHashInputSchema } from "@/lib/components/schemas";
import {
  BODY_PROBLEMS,
  READ_PROBLEMS,
  TARGET,
  headerRef,
  idParameter,
  ok,
  problem,
  problemRefs,
  schemaRef,
  strip,
  type JsonSchema,
  type OpenApiModule,
} from "./openapi-helpers";

// The model documentation part of the OpenAPI document: model cards (Hugging Face README.md, Model Card
// Toolkit JSON), the CycloneDX ML-BOM of an AI system, and checking a component's artefact hash.

const TAG = "Model documentation";

const componentIdQuery = {
  name: "componentId",
  in: "query",
  required: false,
  description: "A model component of the system: its card instead of the system's",
  schema: { type: "string" },
};

const download = (description: string, contentType: string, schema: JsonSchema) => ({
  description,
  headers: { "x-request-id": headerRef("XRequestId"), "Content-Disposition": { description: "attachment; filename=…", schema: { type: "string" } } },
  content: { [contentType]: { schema } },
});

export const MODEL_CARDS_OPENAPI_MODULE: OpenApiModule = {
  tags: [{ name: TAG, description: "Model cards, the AI bill of materials (CycloneDX ML-BOM) and artefact hash checks of AI systems and their components" }],
  inputSchemas: { VerifyHashInput: verifyHashInputSchema },
  outputSchemas: { ModelCardImport: importModelCardResultSchema, BomImport: importBomResultSchema, HashVerification: verifyHashResultSchema },
  paths: {
    "/systems/{id}/model-card": {
      parameters: [idParameter],
      get: {
        operationId: "getModelCard",
        tags: [TAG],
        summary: "Download the model card of an AI system or of one of its model components",
        description:
          "`format=hf` (default): a Hugging Face README.md, YAML metadata (license, language, library_name, pipeline_tag, tags, datasets, " +
          "base_model, model-index) and the headings of the Hub's model card template. The model-index holds the evaluation results of the " +
          "model components and, per scanner test of the system's latest completed finding import, the metric `attack_success_rate` " +
          "(failed / evaluated outputs). `format=mct`: the same card as Model Card Toolkit JSON, schema v0.0.2 (metric values as strings). " +
          "A `componentId` that is not a model component is a 422.",
        parameters: [
          {
            name: "format",
            in: "query",
            required: false,
            description: "hf (README.md) or mct (Model Card Toolkit JSON)",
            schema: strip(z.toJSONSchema(z.enum(MODEL_CARD_FORMATS), { target: TARGET }) as JsonSchema),
          },
          componentIdQuery,
        ],
        responses: {
          "200": {
            ...download("The card", "text/markdown", { type: "string" }),
            content: { "text/markdown": { schema: { type: "string" } }, "application/json": { schema: { type: "object" } } },
          },
          ...problemRefs("404", ...READ_PROBLEMS),
        },
      },
    },
    "/systems/{id}/model-card/import": {
      parameters: [idParameter],
      post: {
        operationId: "importModelCard",
        tags: [TAG],
        summary: "Import a Hugging Face model card into a model component",
        description:
          "The body is the README.md as it is (UTF-8; a byte order mark and CRLF line ends are accepted). Its front matter fills the model " +
          "component named by `componentId`, else the system's model component with the card's name (model-index name or first heading), " +
          "else a new one (201). Stated values replace the component's; others are kept. An invalid `model-index` is reported in `warnings` " +
          "and its results are not read; unknown keys are kept (`keptKeys`); a card without front matter is read as text. 409 on an archived system.",
        parameters: [componentIdQuery],
        requestBody: { required: true, description: "The README.md", content: { "text/markdown": { schema: { type: "string" } } } },
        responses: {
          "200": ok("Imported into an existing component: what was read and what changed", "ModelCardImport"),
          "201": ok("Imported into a new model component", "ModelCardImport"),
          ...problemRefs("404", "409", "413", "401", "403", "422", "500"),
        },
      },
    },
    "/systems/{id}/bom": {
      parameters: [idParameter],
      get: {
        operationId: "exportBom",
        tags: [TAG],
        summary: "Download the AI system's components as a CycloneDX 1.6 ML-BOM",
        description:
          "Models are `machine-learning-model` components, datasets `data` components, services `services`, with versions, licences (SPDX " +
          "ids where the licence is one), SHA-256 hashes, the source URL and the model card fields as `aigov:` properties; bom-refs are " +
          "`component:<id>`. Valid against the CycloneDX 1.6 schema.",
        responses: { "200": download("The BOM", "application/vnd.cyclonedx+json", { type: "object" }), ...problemRefs("404", ...READ_PROBLEMS) },
      },
      post: {
        operationId: "importBom",
        tags: [TAG],
        summary: "Import a CycloneDX BOM into the AI system's components",
        description:
          "The body is a CycloneDX JSON BOM (1.4, 1.5 or 1.6), validated against its schema (422 with the JSON paths). An entry whose bom-ref " +
          "is `component:<id>` of this system, or else a component of the same kind and name, is updated; other models, datasets and " +
          "services are created; other entries are listed as skipped. Components the BOM does not mention are kept. Re-importing an " +
          "exported BOM changes nothing. 409 on an archived system.",
        requestBody: { required: true, content: { "application/vnd.cyclonedx+json": { schema: { type: "object" } } } },
        responses: {
          "200": ok("What was created, updated, left unchanged and skipped", "BomImport"),
          ...problemRefs("404", "409", "413", "401", "403", "422", "500"),
        },
      },
    },
    "/systems/{id}/components/{componentId}/verify-hash": {
      parameters: [idParameter, { name: "componentId", in: "path", required: true, description: "The component's id", schema: { type: "string" } }],
      post: {
        operationId: "verifyComponentHash",
        tags: [TAG],
        summary: "Check an artefact's SHA-256 against the component's",
        description:
          "Compares the SHA-256 sent (of the model file, computed by whoever holds it) with the one recorded on the component and records the " +
          "result, match or mismatch, in the audit trail. The recorded hash is not changed. 409 when the component has no recorded hash or the system is archived.",
        requestBody: { required: true, content: { "application/json": { schema: schemaRef("VerifyHashInput") } } },
        responses: {
          "200": ok("The result (also when the hashes differ)", "HashVerification"),
          "404": problem("No such component on this AI system in the token's organisation"),
          ...problemRefs("409", ...BODY_PROBLEMS, "401", "403", "422", "500"),
        },
      },
    },
  },
};
