import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

// Invitation links are opened by people who have no session yet (app/invite/[token]/page.tsx).
function visit(path: string, cookie?: string) {
  return proxy(new NextRequest(new URL(path, "http://localhost:3000"), { headers: cookie ? { cookie } : {} }));
}

describe("proxy: signed-out visitors", () => {
  it("may open the login page and invitation links", () => {
    for (const path of ["/login", "/login?callbackUrl=%2Fsystems", "/invite/inv_abcDEF123", "/invite/inv_x?y=1"]) {
      expect(visit(path).headers.get("location"), path).toBeNull();
    }
  });

  it("are sent to /login from every other page, also look-alikes of the public ones", () => {
    for (const path of ["/", "/settings", "/invitex", "/invites/abc", "/loginx", "/audit/sign-ins"]) {
      const location = visit(path).headers.get("location");
      expect(location, path).not.toBeNull();
      expect(new URL(location!).pathname).toBe("/login");
    }
  });

  it("with a session cookie nothing is redirected", () => {
    expect(visit("/settings", "next-auth.session-token=x").headers.get("location")).toBeNull();
  });
});
