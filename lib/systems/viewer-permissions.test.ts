import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/context";
import { systemViewerPermissions } from "./viewer-permissions";

const user = (role: "admin" | "compliance_officer" | "risk_owner" | "executive" | "auditor", userId = "u1"): Actor => ({
  type: "user",
  userId,
  role,
  label: role,
});
const none = {
  canEdit: false,
  canChangeOwner: false,
  canClassify: false,
  canArchive: false,
  canWriteThreats: false,
  canWriteRisks: false,
  canWriteControls: false,
  canImportFindings: false,
  canTriageFindings: false,
};

describe("systemViewerPermissions", () => {
  it("gives a compliance officer everything on an active system", () => {
    expect(systemViewerPermissions(user("compliance_officer"), { ownerId: null, archived: false })).toEqual({
      canEdit: true,
      canChangeOwner: true,
      canClassify: true,
      canArchive: true,
      canWriteThreats: true,
      canWriteRisks: true,
      canWriteControls: true,
      canImportFindings: true,
      canTriageFindings: true,
    });
  });

  it("makes an archived system read-only, but it can still be restored", () => {
    expect(systemViewerPermissions(user("admin"), { ownerId: null, archived: true })).toEqual({ ...none, canArchive: true });
  });

  it("gives a risk owner write access to their own systems only, never archiving", () => {
    const own = systemViewerPermissions(user("risk_owner", "u1"), { ownerId: "u1", archived: false });
    expect(own).toEqual({
      canEdit: true,
      canChangeOwner: false,
      canClassify: true,
      canArchive: false,
      canWriteThreats: true,
      canWriteRisks: true,
      canWriteControls: true,
      canImportFindings: true,
      canTriageFindings: true,
    });
    expect(systemViewerPermissions(user("risk_owner", "u1"), { ownerId: "u2", archived: false })).toEqual(none);
    expect(systemViewerPermissions(user("risk_owner", "u1"), { ownerId: null, archived: false })).toEqual(none);
  });

  it("gives read-only roles and read tokens nothing", () => {
    expect(systemViewerPermissions(user("auditor"), { ownerId: null, archived: false })).toEqual(none);
    expect(systemViewerPermissions(user("executive"), { ownerId: null, archived: false })).toEqual(none);
    expect(systemViewerPermissions({ type: "token", tokenId: "t", scopes: ["read"], label: "t" }, { ownerId: null, archived: false })).toEqual(none);
  });
});
