import type { Permission } from "@/lib/auth/permissions";

/**
 * The permission each REST API v1 operation requires, keyed by its OpenAPI operationId: the one
 * declaration both sides read. A route handler passes its entry to `withApiHandler` (which checks the
 * permission against the token's scopes before the handler runs), and `buildOpenApiDocument` states it
 * on the operation as `x-permission`, `x-token-scopes` and a sentence of its description.
 * `tests/integration/openapi.test.ts` checks that every handler under app/api/v1 uses the entry of the
 * operation documented at its path and method.
 */
const PERMISSION_BY_OPERATION = {
  // AI systems
  listSystems: "inventory:read",
  createSystem: "system:create",
  getSystem: "inventory:read",
  updateSystem: "system:update",
  archiveSystem: "system:archive",
  restoreSystem: "system:archive",
  // EU AI Act classification
  proposeClassification: "system:classify",
  decideClassification: "system:classify",
  // risks
  listRisks: "inventory:read",
  listSystemRisks: "inventory:read",
  createRisk: "risk:write",
  getRisk: "inventory:read",
  updateRisk: "risk:write",
  deleteRisk: "risk:write",
  acceptRisk: "risk:write",
  getRiskMatrix: "inventory:read",
  // threat profiles
  getThreatProfile: "inventory:read",
  addThreatProfileEntries: "threat:write",
  removeThreatProfileEntry: "threat:write",
  exportOrganizationNavigatorLayer: "inventory:read",
  exportNavigatorLayer: "inventory:read",
  importNavigatorLayer: "threat:write",
  // controls and evidence
  listSystemControls: "inventory:read",
  updateSystemControl: "control:write",
  getSystemCompliancePosture: "inventory:read",
  getOrganizationCompliancePosture: "inventory:read",
  createEvidence: "control:write",
  deleteEvidence: "control:write",
  getEvidenceContent: "inventory:read",
  linkEvidence: "control:write",
  // model cards, ML-BOM, artefact hashes
  getModelCard: "inventory:read",
  importModelCard: "system:update",
  exportBom: "inventory:read",
  importBom: "system:update",
  verifyComponentHash: "system:update",
  // findings
  importFindings: "finding:import",
  getFindingImport: "inventory:read",
  listFindings: "inventory:read",
  getAtlasCoverage: "inventory:read",
} as const satisfies Record<string, Permission>;

export type ApiOperationId = keyof typeof PERMISSION_BY_OPERATION;
export type ApiOperation<Id extends ApiOperationId = ApiOperationId> = { readonly operationId: Id; readonly permission: (typeof PERMISSION_BY_OPERATION)[Id] };

/** `withApiHandler(API_OPERATIONS.getSystem, handler)`: the operation's id and required permission. */
export const API_OPERATIONS = Object.fromEntries(
  Object.entries(PERMISSION_BY_OPERATION).map(([operationId, permission]) => [operationId, Object.freeze({ operationId, permission })]),
) as { readonly [Id in ApiOperationId]: ApiOperation<Id> };

export function isApiOperationId(id: string): id is ApiOperationId {
  return Object.hasOwn(PERMISSION_BY_OPERATION, id);
}
