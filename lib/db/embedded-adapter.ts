import { mkdir } from "node:fs/promises";
import path from "node:path";
import { applyMigrations } from "./apply-migrations";

/**
 * A Prisma driver adapter factory over an in-process PGlite, opened lazily on the first query so
 * that `next build` workers never open the data directory. Pending migrations are applied on open.
 */
export function createEmbeddedAdapter() {
  let opened: Promise<{ pglite: import("@electric-sql/pglite").PGlite; factory: { connect(): Promise<unknown> } }> | undefined;
  return {
    provider: "postgres" as const,
    adapterName: "pglite-embedded",
    async connect() {
      opened ??= (async () => {
        const { PGlite } = await import("@electric-sql/pglite");
        const { PrismaPGlite } = await import("pglite-prisma-adapter");
        const dataDir = process.env.PGLITE_DIR ?? path.join(process.cwd(), ".data", "pglite");
        await mkdir(path.dirname(dataDir), { recursive: true }); // PGlite creates the last level only
        const pglite = await PGlite.create({ dataDir });
        await applyMigrations(pglite, path.join(process.cwd(), "prisma", "migrations"));
        return { pglite, factory: new PrismaPGlite(pglite) };
      })();
      const { pglite, factory } = await opened;
      const adapter = decodingBytes(
        (await factory.connect()) as Queryable & { dispose: () => Promise<void>; startTransaction: (...args: unknown[]) => Promise<Queryable> },
      );
      // the adapter's dispose() is a no-op; closing PGlite lets scripts exit after $disconnect()
      adapter.dispose = async () => {
        opened = undefined;
        await pglite.close();
      };
      return adapter;
    },
  };
}

type SqlQuery = { args: unknown[]; argTypes?: readonly ({ scalarType?: string } | undefined)[] };
type Queryable = { queryRaw: (query: SqlQuery) => Promise<unknown>; executeRaw: (query: SqlQuery) => Promise<unknown> };

/**
 * Prisma 6 passes Bytes arguments as base64 strings (argTypes scalarType "bytes"). @prisma/adapter-pg
 * decodes them; pglite-prisma-adapter 0.6.1 does not, so PGlite refused every bytea write ("Invalid
 * input for bytea type", e.g. uploading an evidence file). Decodes them on the adapter and on every
 * transaction it starts.
 */
function decodingBytes<T extends Queryable & { startTransaction: (...args: unknown[]) => Promise<Queryable> }>(adapter: T): T {
  const decode = (query: SqlQuery): SqlQuery => ({
    ...query,
    args: query.args.map((arg, i) => (typeof arg === "string" && query.argTypes?.[i]?.scalarType === "bytes" ? Buffer.from(arg, "base64") : arg)),
  });
  const wrap = <Q extends Queryable>(queryable: Q): Q => {
    const { queryRaw, executeRaw } = queryable;
    queryable.queryRaw = (query) => queryRaw.call(queryable, decode(query));
    queryable.executeRaw = (query) => executeRaw.call(queryable, decode(query));
    return queryable;
  };
  const startTransaction = adapter.startTransaction;
  adapter.startTransaction = async (...args) => wrap(await startTransaction.apply(adapter, args));
  return wrap(adapter);
}
