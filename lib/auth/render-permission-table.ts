import { PERMISSIONS, PERMISSION_LABELS, TOKEN_SCOPE_PERMISSIONS, type Permission } from "./permissions";
import { ROLES, ROLE_LABELS, type Role } from "./roles";

/** The permission table as Markdown; docs/permissions.md embeds it and a unit test keeps it in sync. */
export function renderPermissionTable(): string {
  const header = `| Permission | ${ROLES.map((r) => ROLE_LABELS[r]).join(" | ")} | API token |`;
  const rule = `|${" --- |".repeat(ROLES.length + 2)}`;
  const rows = (Object.keys(PERMISSIONS) as Permission[]).map((p) => {
    const row: Partial<Record<Role, string>> = PERMISSIONS[p];
    const cells = ROLES.map((r) => (row[r] === "any" ? "yes" : row[r] === "own" ? "own systems" : "—"));
    const scopes = (Object.keys(TOKEN_SCOPE_PERMISSIONS) as (keyof typeof TOKEN_SCOPE_PERMISSIONS)[]).filter((s) => TOKEN_SCOPE_PERMISSIONS[s].includes(p));
    return `| ${PERMISSION_LABELS[p]} (\`${p}\`) | ${cells.join(" | ")} | ${scopes.length ? scopes.join(", ") : "—"} |`;
  });
  return [header, rule, ...rows].join("\n");
}
