import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/context";
import { can, grantFor } from "./permissions";
import { renderPermissionTable } from "./render-permission-table";

const user = (role: Extract<Actor, { type: "user" }>["role"], userId = "u1"): Actor => ({ type: "user", userId, role, label: role });

describe("can", () => {
  it("lets a risk owner edit only the systems they own", () => {
    expect(can(user("risk_owner"), "system:update", { ownerId: "u1" })).toBe(true);
    expect(can(user("risk_owner"), "system:update", { ownerId: "someone-else" })).toBe(false);
    expect(can(user("risk_owner"), "system:update", { ownerId: null })).toBe(false);
    expect(grantFor(user("risk_owner"), "system:update")).toBe("own");
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
