import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";
import { buildOpenApiDocument } from "@/lib/openapi/build-openapi-document";
import nodePath from "node:path";
import { REPO_ROOT, routeHandlersInTree } from "@/tests/support/tree";
import { TOKEN_SCOPE_PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import type { TokenScope } from "@/lib/context";
import type { ApiRouteOptions } from "@/lib/web/http/with-api-handler";
import { DATA_CATEGORIES, LIFECYCLE_STAGES, listSystemsSchema, RISK_TIERS } from "@/lib/systems/schemas";

type Json = Record<string, unknown>;
type Schema = {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  minimum?: number;
  $ref?: string;
};

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** Every value of a `$ref` key anywhere in the document. */
function collectRefs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => collectRefs(n, out));
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") out.push(value);
      else collectRefs(value, out);
    }
  }
  return out;
}

/** Resolves a local JSON pointer such as "#/components/schemas/SystemDetail". */
function resolve(doc: Json, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  return ref
    .slice(2)
    .split("/")
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Json)[key] : undefined), doc);
}

function deref(doc: Json, schema: Schema): Schema {
  return schema.$ref ? deref(doc, resolve(doc, schema.$ref) as Schema) : schema;
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/**
 * A small structural JSON Schema check (type, enum, required, additionalProperties, lengths, items,
 * anyOf, $ref): enough to show the generated schemas describe what the API accepts, without a new dependency.
 */
function validate(doc: Json, rawSchema: Schema, value: unknown, path = "$"): string[] {
  const schema = deref(doc, rawSchema);
  if (schema.anyOf) {
    return schema.anyOf.some((s) => validate(doc, s, value, path).length === 0) ? [] : [`${path}: matches no anyOf branch`];
  }
  const errors: string[] = [];
  if (schema.type) {
    const allowed = Array.isArray(schema.type) ? schema.type : [schema.type];
    const actual = typeOf(value);
    if (!allowed.includes(actual) && !(actual === "integer" && allowed.includes("number"))) return [`${path}: expected ${allowed.join("|")}, got ${actual}`];
  }
  if (schema.enum && !schema.enum.includes(value)) errors.push(`${path}: not in enum`);
  if (typeof value === "string") {
    if (schema.minLength !== undefined && value.length < schema.minLength) errors.push(`${path}: shorter than ${schema.minLength}`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength) errors.push(`${path}: longer than ${schema.maxLength}`);
  }
  if (typeof value === "number" && schema.minimum !== undefined && value < schema.minimum) errors.push(`${path}: below ${schema.minimum}`);
  if (Array.isArray(value)) {
    if (schema.maxItems !== undefined && value.length > schema.maxItems) errors.push(`${path}: more than ${schema.maxItems} items`);
    if (schema.items) value.forEach((v, i) => errors.push(...validate(doc, schema.items!, v, `${path}[${i}]`)));
  }
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const obj = value as Json;
    for (const key of schema.required ?? []) if (!(key in obj)) errors.push(`${path}.${key}: required`);
    for (const [key, v] of Object.entries(obj)) {
      const prop = schema.properties?.[key];
      if (prop) errors.push(...validate(doc, prop, v, `${path}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${path}.${key}: not allowed`);
    }
  }
  return errors;
}

describe("OpenAPI document", () => {
  const doc = buildOpenApiDocument();
  const schemas = (doc.components as { schemas: Record<string, Schema> }).schemas;
  const paths = doc.paths as Record<string, Record<string, Json>>;

  it("is served publicly as JSON with a 5-minute cache", async () => {
    const res = GET();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(doc)));
  });

  it("is a well-formed OpenAPI 3.1.0 document", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining(["CreateSystem", "UpdateSystem", "SystemDetail", "SystemSummary", "SystemList", "Problem"]));
    expect((doc.components as Json).securitySchemes).toMatchObject({ bearerAuth: { type: "http", scheme: "bearer" } });
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
    // component schemas live inside the document: no stray $schema / $id from the standalone generator
    for (const schema of Object.values(schemas)) {
      expect(schema).not.toHaveProperty("$schema");
      expect(schema).not.toHaveProperty("$id");
    }
  });

  it("resolves every $ref within components", () => {
    const refs = collectRefs(doc);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      expect(ref, ref).toMatch(/^#\/components\//);
      expect(resolve(doc, ref), ref).toBeDefined();
    }
  });

  it("gives every operation an operationId, responses, and the expected problem responses", () => {
    const operations = Object.entries(paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => HTTP_METHODS.includes(method))
        .map(([method, op]) => ({ path, method, op: op as Json })),
    );
    expect(operations.map((o) => `${o.method.toUpperCase()} ${o.path}`).sort()).toEqual(
      [
        "DELETE /systems/{id}",
        "GET /openapi.json",
        "GET /systems",
        "GET /systems/{id}",
        "PATCH /systems/{id}",
        "POST /systems",
        "POST /systems/{id}/restore",
        // EU AI Act classification
        "POST /systems/{id}/classification/proposals",
        "POST /systems/{id}/classification/decisions",
        // risks
        "GET /risks",
        "GET /systems/{id}/risks",
        "POST /systems/{id}/risks",
        "GET /risks/{riskId}",
        "PATCH /risks/{riskId}",
        "DELETE /risks/{riskId}",
        "POST /risks/{riskId}/accept",
        "GET /risk-matrix",
        // threat profiles
        "GET /systems/{id}/threat-profile",
        "POST /systems/{id}/threat-profile",
        "DELETE /systems/{id}/threat-profile/{techniqueId}",
        "GET /systems/{id}/threat-profile/navigator-layer",
        "POST /systems/{id}/threat-profile/navigator-layer",
        "GET /threat-profile/navigator-layer",
        // controls and evidence
        "GET /systems/{id}/controls",
        "PATCH /systems/{id}/controls/{framework}/{controlId}",
        "GET /systems/{id}/controls/posture",
        "GET /posture",
        "POST /evidence",
        "DELETE /evidence/{evidenceId}",
        "GET /evidence/{evidenceId}/content",
        "POST /evidence/{evidenceId}/links",
        // findings
        "POST /systems/{id}/finding-imports",
        "GET /finding-imports/{importId}",
        "GET /findings",
        "GET /systems/{id}/atlas-coverage",
        // model cards, ML-BOM, artefact hashes
        "GET /systems/{id}/model-card",
        "POST /systems/{id}/model-card/import",
        "GET /systems/{id}/bom",
        "POST /systems/{id}/bom",
        "POST /systems/{id}/components/{componentId}/verify-hash",
      ].sort(),
    );
    // both ways: every documented operation has a route handler export, and every handler export under
    // app/api/v1 (found in the tree, tests/support/tree.ts) is documented
    const documented = operations.map((o) => `app/api/v1${o.path.replace(/\{(\w+)\}/g, "[$1]")}/route.ts#${o.method.toUpperCase()}`).sort();
    const handlers = routeHandlersInTree("app/api/v1")
      .map((r) => r.key)
      .sort();
    expect(documented.filter((key) => !handlers.includes(key)).map((key) => `${key}: documented, but no such handler export`)).toEqual([]);
    expect(handlers.filter((key) => !documented.includes(key)).map((key) => `${key}: exported, but not in the OpenAPI document (lib/openapi)`)).toEqual([]);
    const ids = operations.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, method, op } of operations) {
      expect(op.operationId, `${method} ${path}`).toEqual(expect.any(String));
      expect(Object.keys(op.responses as Json).length, `${method} ${path}`).toBeGreaterThan(0);
      if (path !== "/openapi.json") expect(op.responses, `${method} ${path}`).toHaveProperty("401");
    }
    expect(Object.keys(paths["/systems"].post.responses as Json)).toEqual(expect.arrayContaining(["201", "400", "401", "403", "413", "415", "422"]));
    expect(Object.keys(paths["/systems/{id}"].patch.responses as Json)).toEqual(
      expect.arrayContaining(["200", "400", "401", "403", "404", "409", "413", "415", "422"]),
    );
    const conflict = resolve(doc, (paths["/systems/{id}"].patch.responses as Record<string, { $ref: string }>)["409"].$ref) as Json;
    expect(conflict.content).toEqual({ "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } });
    expect(paths["/openapi.json"].get.security).toEqual([]);
  });

  it("states each operation's permission and token scopes, the very declaration its route handler checks", async () => {
    const operations = Object.entries(paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => HTTP_METHODS.includes(method) && path !== "/openapi.json")
        .map(([method, op]) => ({ path, method, op: op as Json & { operationId: string; description: string } })),
    );
    expect(operations.length).toBeGreaterThan(20);
    for (const { path: apiPath, method, op } of operations) {
      const file = `app/api/v1${apiPath.replace(/\{(\w+)\}/g, "[$1]")}/route.ts`;
      const handler = ((await import(nodePath.join(REPO_ROOT, file))) as Record<string, { route?: ApiRouteOptions }>)[method.toUpperCase()];
      const label = `${method.toUpperCase()} ${apiPath}`;
      // the handler's declaration (withApiHandler's options) is the operation's entry: same id, same permission
      expect(handler?.route, label).toEqual({ operationId: op.operationId, permission: op["x-permission"] });
      const permission = op["x-permission"] as Permission;
      const scopes = (Object.keys(TOKEN_SCOPE_PERMISSIONS) as TokenScope[]).filter((scope) => TOKEN_SCOPE_PERMISSIONS[scope].includes(permission));
      expect(op["x-token-scopes"], label).toEqual(scopes);
      expect(scopes.length, `${label}: no token scope grants ${permission}`).toBeGreaterThan(0);
      expect(op.description, label).toMatch(new RegExp(`^Requires the \`${permission}\` permission`));
      expect(op.description, `${label}: a second, hand-written statement of the scope`).not.toMatch(/Requires scope/);
      expect(op.description, label).toContain(scopes.map((scope) => `\`${scope}\``).join(" or "));
    }
    expect(paths["/systems"].get).toMatchObject({ "x-permission": "inventory:read", "x-token-scopes": ["read", "write"] });
    expect(paths["/systems/{id}"].patch).toMatchObject({ "x-permission": "system:update", "x-token-scopes": ["write"] });
    expect(paths["/openapi.json"].get).not.toHaveProperty("x-permission");
  }, 60_000);

  it("derives the list query parameters from listSystemsSchema", () => {
    const params = paths["/systems"].get.parameters as { name: string; in: string; required: boolean; schema: Schema }[];
    expect(params.map((p) => p.name)).toEqual(Object.keys(listSystemsSchema.shape));
    expect(params.every((p) => p.in === "query" && p.required === false)).toBe(true);
    const byName = Object.fromEntries(params.map((p) => [p.name, p.schema]));
    expect(byName.tier.enum).toEqual([...RISK_TIERS]);
    expect(byName.stage.enum).toEqual([...LIFECYCLE_STAGES]);
    expect(byName.pageSize).toMatchObject({ type: "integer", minimum: 1, maximum: 100, default: 50 });
  });

  it("generates the CreateSystem schema from the same source as the domain", () => {
    const create = schemas.CreateSystem;
    expect(create.type).toBe("object");
    expect(create.properties!.riskTier.enum).toEqual([...RISK_TIERS]);
    expect(create.properties!.dataCategories.items!.enum).toEqual([...DATA_CATEGORIES]);
    expect(create.properties!.name).toMatchObject({ type: "string", minLength: 1, maxLength: 200 });
    expect(create.properties!.description.maxLength).toBe(5000);
    // io: "input": fields with defaults are optional, only name is required
    expect(create.required).toEqual(["name"]);
  });

  it("forbids additional properties on every request body", () => {
    const bodies = Object.values(paths).flatMap((item) =>
      Object.values(item)
        .map((op) => (op as Json).requestBody)
        .filter(Boolean),
    ) as {
      content: Record<string, { schema: Schema }>;
    }[];
    expect(bodies).toHaveLength(16);
    // files sent as they are (a scanner file, a model card's README.md, a CycloneDX BOM): the bodies that are not a JSON object
    const binary = bodies.filter((body) => !body.content["application/json"]);
    expect(binary).toEqual([
      paths["/systems/{id}/finding-imports"].post.requestBody,
      paths["/systems/{id}/model-card/import"].post.requestBody,
      paths["/systems/{id}/bom"].post.requestBody,
    ]);
    expect(binary.map((body) => Object.keys(body.content))).toEqual([["application/octet-stream"], ["text/markdown"], ["application/vnd.cyclonedx+json"]]);
    for (const body of bodies.filter((b) => b.content["application/json"])) {
      const ref = (body.content["application/json"].schema as { $ref: string }).$ref;
      // a Navigator layer is a third-party file: unknown Navigator keys are ignored, not refused
      const expected = ref === "#/components/schemas/NavigatorLayerUpload" ? {} : false;
      const schema = deref(doc, body.content["application/json"].schema);
      // a union (accepting or overriding a classification) is closed in each of its branches
      const branches = (schema.oneOf ?? schema.anyOf ?? [schema]) as Schema[];
      for (const branch of branches) expect(deref(doc, branch).additionalProperties, ref).toEqual(expected);
    }
    expect(schemas.UpdateSystem.required).toEqual(["version"]);
  });

  it("accepts a valid body and rejects invalid ones by the generated JSON Schema", () => {
    const create = schemas.CreateSystem;
    expect(validate(doc, create, { name: "CV screening" })).toEqual([]);
    expect(
      validate(doc, create, {
        name: "CV screening",
        riskTier: "high",
        lifecycleStage: "production",
        ownerId: null,
        hosting: "vendor_saas",
        dataCategories: ["personal_data", "special_category"],
        description: "Ranks applicants",
      }),
    ).toEqual([]);
    expect(validate(doc, create, {})).toEqual(["$.name: required"]);
    expect(validate(doc, create, { name: "X", riskTier: "extreme" })).toEqual(["$.riskTier: not in enum"]);
    expect(validate(doc, create, { name: "n".repeat(201) })).toEqual(["$.name: longer than 200"]);
    expect(validate(doc, create, { name: "X", colour: "blue" })).toEqual(["$.colour: not allowed"]);
    expect(validate(doc, schemas.UpdateSystem, { name: "X", version: 0 })).toEqual(["$.version: below 1"]);
    expect(validate(doc, { $ref: "#/components/schemas/SystemList" }, { items: [{ id: 1 }], total: 1, page: 1, pageSize: 50 }).length).toBeGreaterThan(0);
  });
});
