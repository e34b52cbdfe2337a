import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ServiceContext, TokenScope } from "@/lib/context";
import { AppError } from "@/lib/errors";

// The wrapper's own behaviour, without a database: the token is whatever the test says it is.
const authenticate = vi.fn<(authorization: string | null) => Promise<ServiceContext>>();
vi.mock("@/lib/tokens/authenticate-api-token", () => ({ authenticateApiToken: (authorization: string | null) => authenticate(authorization) }));

const { readJsonObject, withApiHandler, withIfMatchVersion } = await import("./with-api-handler");

const token = (scopes: TokenScope[]): ServiceContext => ({ orgId: "org", actor: { type: "token", tokenId: "t", scopes, label: "test" } });
const segment = { params: Promise.resolve({}) };
const post = (body: string, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/v1/x", {
    method: "POST",
    body,
    headers: { authorization: "Bearer aigov_x", "content-type": "application/json", ...headers },
  });

describe("withApiHandler", () => {
  const handler = vi.fn(async ({ req }: { req: Request }) => Response.json(await readJsonObject(req), { status: 201 }));
  const route = withApiHandler({ operationId: "createSystem", permission: "system:create" }, handler);

  beforeEach(() => {
    authenticate.mockReset();
    handler.mockClear();
  });

  it("refuses a read-scope token with 403 before the body is read, even a malformed one", async () => {
    authenticate.mockResolvedValue(token(["read"]));
    for (const body of ['{"colour": "blue"}', "{ not json", "[1, 2]"]) {
      const res = await route(post(body), segment);
      expect(res.status).toBe(403);
      expect((await res.json()).code).toBe("FORBIDDEN");
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it("runs the handler for a token whose scopes grant the permission; its errors are then 400/422", async () => {
    authenticate.mockResolvedValue(token(["write"]));
    expect((await route(post('{"name": "x"}'), segment)).status).toBe(201);
    expect((await route(post("{ not json"), segment)).status).toBe(400);
    const notObject = await route(post("[1, 2]"), segment);
    expect(notObject.status).toBe(422);
    expect((await notObject.json()).errors).toEqual([{ path: "(body)", message: "Expected an object" }]);
  });

  it("answers 401 with a challenge when the token is missing or rejected, before the permission", async () => {
    authenticate.mockRejectedValue(new AppError("UNAUTHENTICATED", "no"));
    const res = await route(post("{}"), segment);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain("Bearer");
    expect(res.headers.get("x-request-id")).toBeTruthy();
    expect(res.headers.get("cache-control")).toBe("no-store");
  });
});

describe("withIfMatchVersion", () => {
  const req = (ifMatch?: string) => new Request("http://localhost/", { method: "PATCH", headers: ifMatch === undefined ? {} : { "if-match": ifMatch } });

  it("leaves the body alone without If-Match", () => {
    expect(withIfMatchVersion(req(), { name: "x" })).toEqual({ name: "x" });
    expect(withIfMatchVersion(req(), { name: "x", version: 2 })).toEqual({ name: "x", version: 2 });
  });

  it("takes the version from If-Match when the body has none (quoted or bare)", () => {
    expect(withIfMatchVersion(req('"3"'), { name: "x" })).toEqual({ name: "x", version: 3 });
    expect(withIfMatchVersion(req("3"), { name: "x" })).toEqual({ name: "x", version: 3 });
  });

  it("accepts both when they agree and refuses them (422 at version) when they do not", () => {
    expect(withIfMatchVersion(req('"3"'), { version: 3 })).toEqual({ version: 3 });
    expect(() => withIfMatchVersion(req('"3"'), { version: 2 })).toThrow(
      expect.objectContaining({ code: "VALIDATION", issues: [{ path: "version", message: "Differs from If-Match (3)" }] }),
    );
    expect(() => withIfMatchVersion(req('"3"'), { version: "3" })).toThrow(expect.objectContaining({ code: "VALIDATION" }));
  });

  it("refuses weak tags, * and non-numbers: an edit names the version it read", () => {
    for (const value of ['W/"3"', "*", '"abc"', '"0"']) {
      expect(() => withIfMatchVersion(req(value), { name: "x" })).toThrow(expect.objectContaining({ code: "VALIDATION" }));
    }
  });
});
