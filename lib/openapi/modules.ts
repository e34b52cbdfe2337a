import type { OpenApiModule } from "./openapi-helpers";
import { RISKS_OPENAPI_MODULE } from "./risks-paths";
import { CONTROLS_OPENAPI_MODULE } from "./controls-paths";
import { THREATS_OPENAPI_MODULE } from "./threats-paths";
import { FINDINGS_OPENAPI_MODULE } from "./findings-paths";
import { MODEL_CARDS_OPENAPI_MODULE } from "./model-cards-paths";
import { CLASSIFICATION_OPENAPI_MODULE } from "./classification-paths";

/**
 * The per-domain parts of the OpenAPI document (threat profiles, risks, controls, …). A domain adds
 * its module here; buildOpenApiDocument merges their tags, component schemas and paths.
 */
export const OPENAPI_MODULES: OpenApiModule[] = [
  RISKS_OPENAPI_MODULE,
  THREATS_OPENAPI_MODULE,
  CONTROLS_OPENAPI_MODULE,
  FINDINGS_OPENAPI_MODULE,
  MODEL_CARDS_OPENAPI_MODULE,
  CLASSIFICATION_OPENAPI_MODULE,
];
