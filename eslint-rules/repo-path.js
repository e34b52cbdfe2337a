import path from "node:path";

/** The linted file's path relative to the repository root (ESLint's cwd), with forward slashes. */
export function repoPath(context) {
  return path.relative(context.cwd, context.filename).split(path.sep).join("/");
}

/**
 * Where an import specifier points, relative to the repository root and without its extension:
 * "@/lib/x" and "./x", "../x" are resolved; packages (and anything else) give null.
 */
export function resolveImport(fromFile, specifier) {
  let target;
  if (specifier.startsWith("@/")) target = specifier.slice(2);
  else if (specifier.startsWith("./") || specifier.startsWith("../")) target = path.posix.join(path.posix.dirname(fromFile), specifier);
  else return null;
  return path.posix
    .normalize(target)
    .replace(/\.(d\.)?[cm]?[jt]sx?$/, "")
    .replace(/\/index$/, "");
}

/** Calls `fn(node)` for `node` and every node below it (not following `parent`). */
export function walk(node, visitorKeys, fn) {
  if (!node || typeof node.type !== "string") return;
  fn(node);
  for (const key of visitorKeys[node.type] ?? []) {
    const child = node[key];
    if (Array.isArray(child)) for (const c of child) walk(c, visitorKeys, fn);
    else walk(child, visitorKeys, fn);
  }
}
