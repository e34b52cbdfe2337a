import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { API_OPERATIONS, isApiOperationId } from "@/lib/openapi/api-operations";

/**
 * What the tree contains, read at test time so that a new verb, server action or route handler shows
 * up in the authorisation and tenant tests without anyone adding it to a list by hand:
 *
 * - verbs: exported functions in lib/<domain>/ whose first parameter destructures `{ ctx }` or `{ input }`
 *   (the same shape the `aigov/verb-asserts-permission` lint rule checks);
 * - server actions: the exports of every app/**\/actions.ts and app/**\/*-actions.ts;
 * - route handlers: the HTTP-method exports of every app/**\/route.ts;
 *
 * each transport with the lib functions it uses (imported from "@/lib/…"); `verbsCalled` keeps the verbs.
 */

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
/** lib/ folders that hold transport code, not domain verbs. */
const NOT_DOMAINS = ["web", "openapi"];

export type VerbRef = { key: string; file: string; name: string; noPermission: boolean };
export type TransportRef = {
  key: string;
  file: string;
  name: string;
  calls: string[];
  /** The permission a route declares to its wrapper (`withApiHandler(API_OPERATIONS.<operationId>, …)`, `withSessionRoute({ permission }, …)`). */
  permission?: string;
};

function filesUnder(dir: string, accept: (rel: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (abs: string) => {
    for (const entry of readdirSync(abs)) {
      const full = path.join(abs, entry);
      if (statSync(full).isDirectory()) walk(full);
      else {
        const rel = path.relative(REPO_ROOT, full).split(path.sep).join("/");
        if (accept(rel)) out.push(rel);
      }
    }
  };
  walk(path.join(REPO_ROOT, dir));
  return out.sort();
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(path.join(REPO_ROOT, file), "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
}

const isExported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** Every exported function or `export const x = …` of a file, with the node of its value. */
function exportsOf(source: ts.SourceFile): { name: string; node: ts.Node; statement: ts.Statement }[] {
  const out: { name: string; node: ts.Node; statement: ts.Statement }[] = [];
  for (const statement of source.statements) {
    if (!isExported(statement)) continue;
    if (ts.isFunctionDeclaration(statement) && statement.name) out.push({ name: statement.name.text, node: statement, statement });
    if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations)
        if (ts.isIdentifier(d.name) && d.initializer) out.push({ name: d.name.text, node: d.initializer, statement });
    }
  }
  return out;
}

function isVerbShape(node: ts.Node): boolean {
  if (!ts.isFunctionDeclaration(node) && !ts.isArrowFunction(node) && !ts.isFunctionExpression(node)) return false;
  const first = node.parameters[0]?.name;
  if (!first || !ts.isObjectBindingPattern(first)) return false;
  return first.elements.some((e) => {
    const key = e.propertyName ?? e.name;
    return ts.isIdentifier(key) && (key.text === "ctx" || key.text === "input");
  });
}

/** Every domain verb in lib/, as "lib/<domain>/<file>.ts#<export>". */
export function verbsInTree(): VerbRef[] {
  const files = filesUnder("lib", (rel) => /^lib\/[^/]+\/.+\.tsx?$/.test(rel) && !/\.test\.tsx?$/.test(rel) && !NOT_DOMAINS.includes(rel.split("/")[1]));
  return files.flatMap((file) => {
    const source = parse(file);
    return exportsOf(source)
      .filter((e) => isVerbShape(e.node))
      .map((e) => ({
        key: `${file}#${e.name}`,
        file,
        name: e.name,
        noPermission: source.text.slice(e.statement.getFullStart(), e.statement.getStart()).includes("@no-permission:"),
      }));
  });
}

/** Names imported from "@/lib/…" modules and used (called, or picked: `(a ? archive : restore)(…)`) in `node`, as keys ("lib/x/y.ts#name"). */
function libCalls(source: ts.SourceFile, node: ts.Node): string[] {
  const imported = new Map<string, string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const spec = statement.moduleSpecifier.text;
    if (!spec.startsWith("@/lib/")) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const el of bindings.elements) imported.set(el.name.text, `${spec.slice(2)}.ts#${(el.propertyName ?? el.name).text}`);
    }
  }
  const calls = new Set<string>();
  const visit = (n: ts.Node) => {
    if (ts.isIdentifier(n) && imported.has(n.text)) calls.add(imported.get(n.text)!);
    ts.forEachChild(n, visit);
  };
  visit(node);
  return [...calls].sort();
}

/**
 * `wrapper({ permission: "…" }, …)` or `withApiHandler(API_OPERATIONS.<operationId>, …)`: the permission
 * of the options a handler is wrapped with.
 */
function declaredPermission(node: ts.Node): string | undefined {
  if (!ts.isCallExpression(node)) return undefined;
  const options = node.arguments[0];
  if (options && ts.isPropertyAccessExpression(options) && ts.isIdentifier(options.expression) && options.expression.text === "API_OPERATIONS") {
    const id = options.name.text;
    return isApiOperationId(id) ? API_OPERATIONS[id].permission : undefined;
  }
  if (!options || !ts.isObjectLiteralExpression(options)) return undefined;
  for (const prop of options.properties) {
    if (ts.isPropertyAssignment(prop) && ts.isIdentifier(prop.name) && prop.name.text === "permission" && ts.isStringLiteral(prop.initializer)) {
      return prop.initializer.text;
    }
  }
  return undefined;
}

/** Every export of every server-action module under app/. */
export function serverActionsInTree(): TransportRef[] {
  const files = filesUnder("app", (rel) => /(^|\/)([a-z-]+-)?actions\.tsx?$/.test(rel));
  return files.flatMap((file) => {
    const source = parse(file);
    return exportsOf(source).map((e) => ({ key: `${file}#${e.name}`, file, name: e.name, calls: libCalls(source, e.node) }));
  });
}

/** Every HTTP-method export of every route handler under app/ (`under` narrows it, e.g. "app/api/v1"). */
export function routeHandlersInTree(under = "app"): TransportRef[] {
  const files = filesUnder(under, (rel) => /\/route\.tsx?$/.test(rel));
  return files.flatMap((file) => {
    const source = parse(file);
    const reexported = source.statements
      .filter((s): s is ts.ExportDeclaration => ts.isExportDeclaration(s) && !!s.exportClause && ts.isNamedExports(s.exportClause))
      .flatMap((s) => (s.exportClause as ts.NamedExports).elements.map((el) => ({ name: el.name.text, node: s as ts.Node })));
    return [...exportsOf(source), ...reexported]
      .filter((e) => HTTP_METHODS.includes(e.name))
      .map((e) => ({ key: `${file}#${e.name}`, file, name: e.name, calls: libCalls(source, e.node), permission: declaredPermission(e.node) }));
  });
}

/** The verbs among what a transport uses. */
export function verbsCalled(transport: TransportRef, verbs: readonly VerbRef[]): string[] {
  const keys = new Set(verbs.map((v) => v.key));
  return transport.calls.filter((key) => keys.has(key));
}

/** The keys of `required` that `table` lacks, for a failure message that names each file. */
export function missingFrom(table: Iterable<string>, required: Iterable<string>): string[] {
  const have = new Set(table);
  return [...required].filter((key) => !have.has(key));
}

/** Transports that call no domain verb, and why; every other server action and route handler must call one. */
export const TRANSPORTS_WITHOUT_VERB: Record<string, string> = {
  "app/api/auth/[...nextauth]/route.ts#GET": "next-auth's own handler (sign-in, session); authenticateCredentials is not an organisation verb",
  "app/api/auth/[...nextauth]/route.ts#POST": "next-auth's own handler (sign-in, session)",
  "app/api/v1/openapi.json/route.ts#GET": "the public API description: no organisation's data",
  "app/(app)/findings/csv-template/route.ts#GET": "the CSV template for scanner results: the same built-in text for every organisation, no organisation's data",
  "app/(app)/org-actions.ts#switchOrganizationAction":
    "switches the session's organisation among the user's own memberships (requirePageSession re-reads them)",
};
