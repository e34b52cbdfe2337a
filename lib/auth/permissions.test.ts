import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/context";
import { assertCan, assertCanOnSome, can, canOnSome, grantFor } from "./permissions";
import { renderPermissionTable } from "./render-permission-table";

const user = (role: Extract<Actor, { type: "user" }>["role"], userId = "u1"): Actor => ({ type: "user", userId, role, label: role });

describe("can", () => {
  it("lets a risk owner edit only the systems they own", () => {
    expect(can(user("risk_owner"), "system:update", { ownerId: "u1" })).toBe(true);
    expect(can(user("risk_owner"), "system:update", { ownerId: "someone-else" })).toBe(false);
    expect(can(user("risk_owner"), "system:update", { ownerId: null })).toBe(false);
    expect(grantFor(user("risk_owner"), "system:update")).toBe("own");
  });

  it("fails closed for an ownership-scoped grant when no resource is given", () => {
    const owner = user("risk_owner");
    for (const permission of ["system:update", "system:classify", "threat:write", "risk:write", "control:write"] as const) {
      expect(can(owner, permission)).toBe(false);
      expect(canOnSome(owner, permission)).toBe(true);
      expect(() => assertCan({ orgId: "o", actor: owner }, permission)).toThrow(/does not allow/);
      expect(() => assertCanOnSome({ orgId: "o", actor: owner }, permission)).not.toThrow();
    }
    expect(can(owner, "system:update", { ownerId: "u1" })).toBe(true);
    expect(canOnSome(owner, "system:archive")).toBe(false);
    expect(() => assertCanOnSome({ orgId: "o", actor: user("auditor") }, "risk:write")).toThrow(/does not allow/);
    // "any" grants need no resource
    expect(can(user("admin"), "system:update")).toBe(true);
  });

  it("keeps executives and auditors read-only on the inventory", () => {
    for (const role of ["executive", "auditor"] as const) {
      expect(can(user(role), "inventory:read")).toBe(true);
      expect(can(user(role), "system:create")).toBe(false);
      expect(can(user(role), "system:update", { ownerId: "u1" })).toBe(false);
    }
  });

  it("gives the audit trail to admins and auditors only", () => {
    expect(can(user("auditor"), "audit:read")).toBe(true);
    expect(can(user("admin"), "audit:read")).toBe(true);
    expect(can(user("compliance_officer"), "audit:read")).toBe(false);
  });

  it("maps token scopes: read cannot write, neither manages members or tokens", () => {
    const read: Actor = { type: "token", tokenId: "t", scopes: ["read"], label: "t" };
    const write: Actor = { type: "token", tokenId: "t", scopes: ["write"], label: "t" };
    expect(can(read, "inventory:read")).toBe(true);
    expect(can(read, "system:create")).toBe(false);
    expect(can(write, "system:update", { ownerId: null })).toBe(true);
    expect(can(write, "member:manage")).toBe(false);
    expect(can(write, "token:manage")).toBe(false);
    expect(can(write, "audit:read")).toBe(false);
  });
});

describe("docs/permissions.md", () => {
  it("contains the permission table exactly as the code defines it", () => {
    const doc = readFileSync("docs/permissions.md", "utf8");
    expect(doc).toContain(renderPermissionTable());
  });
});
