import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// "One way per transport" (ARCHITECTURE.md), checked on the tree so a new page, action or route is covered.
const root = path.resolve(import.meta.dirname, "../..");

function files(dir: string, test: (name: string) => boolean): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

const webFiles = [...files("app", (n) => /\.tsx?$/.test(n)), ...files("components", (n) => /\.tsx?$/.test(n))];
const offenders = (pattern: RegExp, among = webFiles) => among.filter((file) => pattern.test(readFileSync(path.join(root, file), "utf8")));

describe("transports", () => {
  it("no page, action, route or component calls assertCan: verbs do, and REST routes declare their permission", () => {
    expect(offenders(/\bassertCan(OnSome)?\(/)).toEqual([]);
  });

  it("no page or action in app/(app) redirects to /login itself (requirePageSession) or reads the session by hand (requireActionCtx)", () => {
    expect(offenders(/redirect\(["']\/login["']\)/)).toEqual([]);
    expect(
      offenders(
        /\bgetSessionContext\b/,
        webFiles.filter((f) => f.startsWith("app/(app)/") && /(^|\/)(page|layout|actions|[\w-]+-actions)\.tsx?$/.test(f)),
      ),
    ).toEqual([]);
  });

  it("no page or component decides about one resource (owner, archived): loaders return `viewer` for that", () => {
    expect(offenders(/\bgrantFor\(|\bcanOnSome\(|\bcan\([^()]*,[^()]*,/)).toEqual([]);
  });

  it("no caller casts a verb's input (verbs take Unparsed<Input> and parse it)", () => {
    expect(offenders(/\bctx\b[^\n]*\bas never\b|\bas (Create|Update|Accept|Link|Decide)\w*Input\b/)).toEqual([]);
  });

  it("every REST v1 handler goes through withApiHandler with a declared permission (the OpenAPI document is public)", () => {
    const routes = files("app/api/v1", (n) => n === "route.ts").filter((f) => !f.includes("openapi.json"));
    expect(routes.length).toBeGreaterThan(10);
    for (const file of routes) {
      const source = readFileSync(path.join(root, file), "utf8");
      const handlers = [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE) = (.*)$/gm)];
      expect(handlers.length, file).toBeGreaterThan(0);
      // the operation's entry of API_OPERATIONS (lib/openapi/api-operations.ts): the permission the OpenAPI document states
      for (const [, method, rest] of handlers) expect(rest, `${file} ${method}`).toMatch(/^withApiHandler\(API_OPERATIONS\.[A-Za-z]+, /);
      expect(source, file).not.toMatch(/export (async )?function (GET|POST|PUT|PATCH|DELETE)/);
    }
  });
});
