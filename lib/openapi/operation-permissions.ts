import { PERMISSION_LABELS, TOKEN_SCOPE_PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import type { TokenScope } from "@/lib/context";
import { API_OPERATIONS, isApiOperationId } from "./api-operations";
import type { Json } from "./openapi-helpers";

/** Operations anyone may call without a token (no permission to state). */
const PUBLIC_OPERATIONS = new Set(["getOpenApiDocument"]);
const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** The API token scopes that grant a permission (TOKEN_SCOPE_PERMISSIONS), in the table's order. */
export function scopesGranting(permission: Permission): TokenScope[] {
  return (Object.keys(TOKEN_SCOPE_PERMISSIONS) as TokenScope[]).filter((scope) => TOKEN_SCOPE_PERMISSIONS[scope].includes(permission));
}

/**
 * Adds to every operation what it requires, from the declaration its route handler passes to
 * withApiHandler (API_OPERATIONS, keyed by operationId): `x-permission`, `x-token-scopes` and a sentence
 * opening its description (the path modules do not write one by hand). An operation without an entry is an error, so the document cannot
 * describe an endpoint whose permission nobody declared.
 */
export function statePermissions(paths: Record<string, Json>): Record<string, Json> {
  return Object.fromEntries(
    Object.entries(paths).map(([path, item]) => [
      path,
      Object.fromEntries(
        Object.entries(item).map(([method, op]) => {
          if (!HTTP_METHODS.includes(method)) return [method, op];
          const operation = op as Json & { operationId?: string; description?: string };
          const id = operation.operationId ?? "";
          if (PUBLIC_OPERATIONS.has(id)) return [method, operation];
          if (!isApiOperationId(id)) throw new Error(`${method.toUpperCase()} ${path}: operation "${id}" has no entry in API_OPERATIONS`);
          const { permission } = API_OPERATIONS[id];
          const scopes = scopesGranting(permission);
          const requires =
            `Requires the \`${permission}\` permission (${PERMISSION_LABELS[permission]}): ` +
            (scopes.length ? `an API token with scope ${scopes.map((s) => `\`${s}\``).join(" or ")}.` : "no API token scope grants it.");
          return [
            method,
            {
              ...operation,
              description: operation.description ? `${requires} ${operation.description}` : requires,
              "x-permission": permission,
              "x-token-scopes": scopes,
            },
          ];
        }),
      ),
    ]),
  );
}
